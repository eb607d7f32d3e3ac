"""polytag.Corpus: DataFrames and Figures, and the same numbers as the report."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from polytag.corpus import Corpus
from polytag.errors import PolytagError, ResultsError, UnknownThemeError
from polytag.report import theme_frequencies

SMALL_CORPUS = Path(__file__).parent / "report" / "data" / "corpus"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    corpus = Corpus.from_folder(SMALL_CORPUS)
    corpus.tag()
    return corpus


def test_from_folder_gives_documents_and_errors_as_dataframes():
    corpus = Corpus.from_folder(SMALL_CORPUS)
    documents = corpus.documents
    assert isinstance(documents, pd.DataFrame)
    assert list(documents.columns[:9]) == ["doc_id", "file", "text", "lang", "title", "country", "date", "year", "doc_type"]
    assert sorted(documents["doc_id"]) == ["cn_measures.txt", "kr_brief.txt", "us_open_models.txt", "us_tricky.txt"]
    assert documents.set_index("doc_id").loc["kr_brief.txt", "year"] == 2026
    assert corpus.errors[["file", "error"]].to_dict("records") == [
        {"file": str(SMALL_CORPUS / "broken.pdf"), "error": "CorruptFileError"}]
    with pytest.raises(ResultsError, match=r"not tagged yet: call \.tag\(\) first"):
        corpus.theme_frequencies()


def test_tag_returns_and_keeps_the_segments(corpus):
    segments = corpus.segments
    assert isinstance(segments, pd.DataFrame) and len(segments) > 10
    assert corpus.themes == ["openness", "geopolitical", "inclusiveness", "export_control"]
    for column in ["doc_id", "file", "title", "country", "year", "segment", "start", "end", "lang", "text", "n_tokens",
                   "p_openness", "openness", "hits_openness", "evidence"]:
        assert column in segments.columns
    documents = corpus.documents.set_index("doc_id")
    for row in segments.head(20).to_dict("records"):
        assert documents.loc[row["doc_id"], "text"][row["start"]:row["end"]] == row["text"]


def test_theme_frequencies_are_the_report_numbers(corpus):
    table = corpus.theme_frequencies(by="country")
    assert list(table["country"]) == ["CN", "KR", "US"]
    pd.testing.assert_frame_equal(table, theme_frequencies(corpus.segments, by="country"))


def test_evidence_is_the_passages_behind_a_number(corpus):
    table = corpus.theme_frequencies(by="country").set_index("country")
    passages = corpus.evidence("geopolitical", "US", k=50)
    assert len(passages) == table.loc["US", "n_geopolitical"] > 0
    assert set(passages["country"]) == {"US"}
    assert passages["p"].is_monotonic_decreasing
    assert {"doc_id", "segment", "p", "text", "terms", "evidence"} <= set(passages.columns)
    with pytest.raises(UnknownThemeError, match="no theme 'safety'"):
        corpus.evidence("safety")


def test_keywords_per_document(corpus):
    keywords = corpus.keywords(k=3)
    assert list(keywords.columns) == ["doc_id", "lang", "rank", "term", "score"]
    assert set(keywords["doc_id"]) == set(corpus.documents["doc_id"])
    assert keywords.groupby("doc_id")["rank"].max().max() <= 3


def test_plot_themes_draws_the_theme_frequencies(corpus):
    table, themes = corpus.theme_frequencies(by="lang"), corpus.themes
    shares = table[[f"share_{t}" for t in themes]].to_numpy(float) * 100
    assert shares.max() > 0
    heat = corpus.plot_themes(by="lang", kind="heatmap").axes[0]
    assert [t.get_text() for t in heat.get_yticklabels()] == ["en", "ko", "zh"] == list(table["lang"])
    assert [t.get_text() for t in heat.get_xticklabels()] == themes
    np.testing.assert_allclose(heat.images[0].get_array(), shares)
    bars = corpus.plot_themes(by="lang", kind="bar").axes[0]
    np.testing.assert_allclose([[bar.get_height() for bar in group] for group in bars.containers], shares)
    assert [t.get_text() for t in bars.get_legend().get_texts()] == list(table["lang"])


def test_plot_kind_is_checked(corpus):
    with pytest.raises(PolytagError, match="unknown plot kind 'pie'"):
        corpus.plot_themes(kind="pie")


def test_from_results_reads_a_results_folder(outdir):
    corpus = Corpus.from_results(outdir)
    assert set(corpus.documents["doc_id"]) == set(corpus.segments["doc_id"])
    assert {"text", "title", "country"} <= set(corpus.documents.columns)
    assert len(corpus.errors) == 1
    table = corpus.theme_frequencies(by="country")
    assert list(table["country"]) == ["CN", "KR", "US"]
    segments = corpus.segments
    texts = corpus.documents.set_index("doc_id")["text"]
    assert all(texts[d][s:e] == t for d, s, e, t in zip(segments["doc_id"], segments["start"], segments["end"],
                                                         segments["text"]))


def test_tag_with_a_custom_codebook(tmp_path):
    codebook = tmp_path / "codebook.yaml"
    codebook.write_text(
        "name: test\nthemes:\n  weights:\n    concepts:\n      weights:\n"
        "        en: [model weights, open weights]\n        zh: [开源模型]\n        ko: [가중치 공개]\n",
        encoding="utf-8",
    )
    corpus = Corpus.from_folder(SMALL_CORPUS)
    segments = corpus.tag(codebook=codebook)
    assert corpus.themes == ["weights"] and {"p_weights", "weights", "hits_weights"} <= set(segments.columns)
    assert set(corpus.evidence("weights", k=10)["country"]) == {"CN", "KR", "US"}
    # tagged from the seed terms alone: a segment is tagged exactly when a seed term was found in it
    tagged = segments["weights"].to_numpy()
    assert tagged.sum() >= 3 and (tagged == (segments["hits_weights"] > 0).to_numpy()).all()
    for row in segments[segments["weights"]].itertuples():
        seeds = [e for e in row.evidence if e["source"] == "seed"]
        assert seeds and all(row.text[e["start"]:e["end"]] == e["text"] for e in seeds)


def test_the_year_comes_from_the_date_or_else_a_year_key(tmp_path):
    (tmp_path / "a.md").write_text("---\ndate: 2025-07-23\n---\n\nOpen models matter.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\nyear: 2024\n---\n\nExport controls matter.\n", encoding="utf-8")
    documents = Corpus.from_folder(tmp_path).documents.set_index("doc_id")
    assert documents.loc["a.md", "year"] == 2025 and documents.loc["b.md", "year"] == 2024
