"""The report's numbers equal a recomputation from the segments, and the batch's per-document
table."""
from __future__ import annotations

import math
from collections import defaultdict

import pandas as pd
import pytest

from polytag.report import theme_frequencies, top_passages
from polytag.report.results import MISSING


def _recompute(segments: pd.DataFrame, by: str, themes: list[str]) -> dict[str, dict[str, float]]:
    """The statistics per group, counted segment by segment."""
    acc: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    docs: dict[str, set] = defaultdict(set)
    for row in segments.to_dict("records"):
        key = MISSING if pd.isna(row[by]) or str(row[by]).strip() == "" else str(row[by])
        docs[key].add(row["doc_id"])
        acc[key]["n_segments"] += 1
        acc[key]["n_tokens"] += row["n_tokens"]
        for t in themes:
            acc[key][f"n_{t}"] += bool(row[t])
            acc[key][f"p_{t}"] += row[f"p_{t}"]
            acc[key][f"hits_{t}"] += row[f"hits_{t}"]
    for key, stats in acc.items():
        stats["n_documents"] = len(docs[key])
    return acc


@pytest.mark.parametrize("by", ["country", "lang", "year", "doc_type", "file", "doc_id"])
def test_tables_equal_recomputation_from_segments(results, by):
    table = theme_frequencies(results.segments, by=by, themes=results.themes)
    expected = _recompute(results.segments, by, results.themes)
    assert sorted(table[by]) == sorted(expected)
    assert table[by].tolist() == sorted(table[by])
    for row in table.to_dict("records"):
        stats = expected[row[by]]
        assert row["n_segments"] == stats["n_segments"]
        assert row["n_tokens"] == stats["n_tokens"]
        assert row["n_documents"] == stats["n_documents"]
        for t in results.themes:
            assert row[f"n_{t}"] == stats[f"n_{t}"]
            assert row[f"share_{t}"] == pytest.approx(stats[f"n_{t}"] / stats["n_segments"])
            assert row[f"mean_p_{t}"] == pytest.approx(stats[f"p_{t}"] / stats["n_segments"])
            assert row[f"hits_{t}"] == pytest.approx(stats[f"hits_{t}"])
            assert row[f"hits_per_10k_{t}"] == pytest.approx(stats[f"hits_{t}"] * 10_000 / stats["n_tokens"])


def test_year_groups_read_as_years(results):
    table = theme_frequencies(results.segments, by="year")
    assert set(table["year"]) == {"2023", "2025", "2026"}


def test_per_document_table_matches_batch_documents(results):
    table = theme_frequencies(results.segments, by="doc_id", themes=results.themes).set_index("doc_id")
    documents = results.documents.set_index("doc_id").loc[table.index]
    assert (table["n_segments"] == documents["n_segments"]).all()
    assert (table["n_tokens"] == documents["n_tokens"]).all()
    for t in results.themes:
        assert (table[f"n_{t}"] == documents[f"n_{t}"]).all()
        assert table[f"share_{t}"].to_numpy() == pytest.approx(documents[f"share_{t}"].to_numpy())
        assert table[f"mean_p_{t}"].to_numpy() == pytest.approx(documents[f"mean_p_{t}"].to_numpy())
        assert table[f"hits_{t}"].to_numpy() == pytest.approx(documents[f"hits_{t}"].to_numpy())


def test_top_passages_are_the_tagged_segments_with_highest_probability(results):
    theme = results.themes[0]
    passages = top_passages(results.segments, theme, by="country", k=2)
    segments = results.segments
    for country, shown in passages.groupby("country"):
        tagged = segments[(segments["country"] == country) & segments[theme]]
        best = sorted(tagged[f"p_{theme}"], reverse=True)[:2]
        assert shown["p"].tolist() == pytest.approx(best)
        assert all(item["theme"] == theme for items in shown["evidence"] for item in items)
    one = top_passages(results.segments, theme, by="country", group="US", k=1)
    assert set(one["country"]) <= {"US"} and len(one) <= 1


def test_zero_tokens_give_zero_hits_rate():
    segments = pd.DataFrame({"doc_id": ["a"], "segment": [0], "country": ["X"], "n_tokens": [0], "p_t": [0.2],
                             "t": [False], "hits_t": [0.0]})
    row = theme_frequencies(segments, by="country").iloc[0]
    assert row["hits_per_10k_t"] == 0.0 and not math.isnan(row["share_t"])
