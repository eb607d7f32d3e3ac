"""One pipeline: ``polytag.tag`` over a folder's segments, ``Corpus.from_folder(...).tag()`` and
``polytag tag`` give the same rows and the same theme columns; per-document counts agree."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import polytag
from polytag.report import load_results

SMALL_CORPUS = Path(__file__).resolve().parent / "report" / "data" / "corpus"

KEYS = ["doc_id", "segment", "start", "end", "lang", "text"]


@pytest.fixture(scope="module")
def three_ways(outdir) -> dict[str, pd.DataFrame]:
    corpus = polytag.Corpus.from_folder(SMALL_CORPUS)
    from_corpus = corpus.tag()
    from_tag = polytag.tag(from_corpus[KEYS])
    from_cli = load_results(outdir).segments
    from_cli = from_cli.assign(evidence=[json.loads(e) if isinstance(e, str) else e for e in from_cli["evidence"]])
    return {"corpus": from_corpus, "tag": from_tag, "cli": from_cli, "documents": corpus.documents,
            "cli_documents": load_results(outdir).documents, "corpus_obj": corpus}


def _tag_columns(frame: pd.DataFrame) -> list[str]:
    themes = [c[2:] for c in frame.columns if c.startswith("p_")]
    return [*KEYS, "n_tokens", *(f"{p}{t}" for t in themes for p in ("p_", "", "hits_")), "evidence"]


def test_three_entry_points_give_the_same_rows_and_theme_columns(three_ways) -> None:
    columns = _tag_columns(three_ways["cli"])
    assert len(columns) > len(KEYS) + 2 and "p_openness" in columns
    tables = {name: three_ways[name] for name in ("corpus", "tag", "cli")}
    for name, table in tables.items():
        assert _tag_columns(table) == columns, name
    reference = tables["cli"][columns].sort_values(["doc_id", "segment"]).reset_index(drop=True)
    assert reference["doc_id"].nunique() >= 3 and set(reference["lang"]) >= {"en", "ko", "zh"}
    for name in ("corpus", "tag"):
        table = tables[name][columns].sort_values(["doc_id", "segment"]).reset_index(drop=True)
        pd.testing.assert_frame_equal(table, reference, check_dtype=False, obj=name)


def test_document_counts_agree_between_corpus_and_cli(three_ways) -> None:
    corpus = three_ways["corpus_obj"]
    cli = three_ways["cli_documents"].set_index("doc_id")
    mine = corpus._tagged().documents.set_index("doc_id").loc[cli.index]
    themes = corpus.themes
    counts = ["n_segments", "n_tokens", *(f"n_{t}" for t in themes), *(f"hits_{t}" for t in themes)]
    np.testing.assert_allclose(mine[counts].to_numpy(float), cli[counts].to_numpy(float))
    segments = corpus.segments.groupby("doc_id")
    assert (mine["n_segments"] == segments.size().reindex(mine.index, fill_value=0)).all()


def test_tag_takes_text_and_language_pairs() -> None:
    pairs = [("美国对华芯片出口管制不断升级。", "zh"), ("Open-weight models help developers everywhere.", "en")]
    frame = polytag.tag(pairs)
    assert list(frame["text"]) == [text for text, _ in pairs] and list(frame["lang"]) == ["zh", "en"]
    alone = polytag.tag([text for text, _ in pairs])
    pd.testing.assert_frame_equal(frame, alone)
