"""The declared tables: theme names that would collide with a column are refused, colliding
metadata keys are renamed the same way by ``Corpus.tag`` and ``polytag tag``, and evidence is
stored as JSON and read back as it was."""
from __future__ import annotations

import json
import re

import pandas as pd
import pyarrow as pa
import pytest

from polytag.corpus import Corpus
from polytag.errors import CodebookError, ResultsError, ThemeNameError
from polytag.report import load_results
from polytag.tables import (EVIDENCE, check_theme_names, document_columns, evidence_items, evidence_json,
                            metadata_columns, read_segments, segment_columns, segment_schema, segment_table)
from polytag.themes import Codebook

CODEBOOK = "themes:\n  openness:\n    concepts:\n      weights: {en: [open weights], zh: [开源模型]}\n"


@pytest.mark.parametrize("names, clash", [
    (["text"], "'text' collides with a column"),
    (["p_open"], "'p_open' collides with a column"),
    (["tokens"], "'tokens' collides with a column"),  # n_<theme> would be n_tokens
    (["documents"], "'documents' collides with a column"),  # n_documents of frequency tables
    (["a", "per_10k_a"], "'per_10k_a' collides with theme 'a' (both make the column 'hits_per_10k_a')"),
])
def test_a_theme_name_that_would_collide_with_a_column_is_refused(names, clash):
    with pytest.raises(ThemeNameError, match=re.escape(clash)):
        check_theme_names(names)
    spec = {"themes": {name: {"concepts": {"c": {"en": ["x"]}}} for name in names}}
    with pytest.raises(CodebookError, match="mine.yaml: theme name"):  # a codebook error, with the file
        Codebook.from_dict(spec, origin="mine.yaml")


def test_theme_names_in_any_script_that_collide_with_nothing_pass():
    check_theme_names(["openness", "지정학", "出口管制", "export_control", "tokenisation"])
    for columns in (segment_columns(["지정학", "出口管制"]), document_columns(["지정학", "出口管制"])):
        assert len(columns) == len(set(columns)) and {"hits_지정학", "hits_出口管制"} <= set(columns)


def test_metadata_keys_that_collide_with_a_column_get_a_meta_prefix():
    names = metadata_columns(["title", "openness", "n_tokens", "segment", "ministry"], ["openness"])
    assert names == {"title": "title", "openness": "meta_openness", "n_tokens": "meta_n_tokens",
                     "segment": "meta_segment", "ministry": "ministry"}


def test_corpus_and_polytag_tag_rename_colliding_metadata_alike(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("---\ntitle: Open weights\nopenness: high\nsegment: three\n---\n\n"
                               "Open weights help developers everywhere.\n", encoding="utf-8")
    codebook = tmp_path / "codebook.yaml"
    codebook.write_text(CODEBOOK, encoding="utf-8")
    corpus = Corpus.from_folder(docs)
    segments = corpus.tag(codebook=codebook)
    assert segments["openness"].tolist() == [True]  # the theme column, not the metadata
    assert segments[["meta_openness", "meta_segment", "segment"]].values.tolist() == [["high", "three", 0]]
    from polytag.batch import tag_folder
    from polytag.themes import ThemeClassifier, save_model

    model = save_model(ThemeClassifier(Codebook.load(codebook)).fit(["Open weights."]), tmp_path / "model")
    tag_folder(docs, tmp_path / "out", model=model)
    stored = load_results(tmp_path / "out")
    assert list(stored.segments.columns) == list(segments.columns)
    assert stored.segments[["meta_openness", "meta_segment", "openness"]].values.tolist() == [["high", "three", True]]
    assert stored.documents.loc[0, "meta_openness"] == "high"


def test_evidence_is_stored_as_compact_json_and_read_back_unchanged():
    evidence = [{"theme": "openness", "text": "开源模型", "start": 0, "end": 4, "source": "seed", "weight": 1.0,
                 "term": "开源模型"}]
    stored = evidence_json(evidence)
    assert "开源模型" in stored and ", " not in stored and json.loads(stored) == evidence
    for value in (stored, evidence, tuple(evidence)):
        assert evidence_items(value) == evidence
    for empty in ("", None, float("nan"), []):
        assert evidence_items(empty) == []


def test_a_segment_table_is_stored_with_its_declared_types_and_read_back():
    frame = pd.DataFrame({"doc_id": ["d"], "segment": [0], "start": [0], "end": [11], "lang": ["en"],
                          "text": ["Open models"], "n_tokens": [2], "p_openness": [0.9], "openness": [True],
                          "hits_openness": [1.0], EVIDENCE: [[{"theme": "openness", "start": 0, "end": 4}]]})
    table = segment_table(frame, ["openness"])
    assert table.schema == segment_schema(["openness"])
    assert table.schema.field("openness").type == pa.bool_() and table.schema.field(EVIDENCE).type == pa.string()
    back = read_segments(table.to_pandas(), ["openness"], source="x")
    assert back[EVIDENCE].tolist() == frame[EVIDENCE].tolist()
    with pytest.raises(ResultsError, match="x: the segments table has no column 'hits_openness'"):
        read_segments(frame.drop(columns="hits_openness"), ["openness"], source="x")


def test_the_command_line_names_the_codebook_and_the_theme(tmp_path, capsys):
    from polytag.cli.main import main

    codebook = tmp_path / "bad.yaml"
    codebook.write_text("themes:\n  tokens:\n    concepts:\n      c: {en: [open]}\n", encoding="utf-8")
    assert main(["train", "--gold", str(tmp_path / "gold.csv"), "--out", str(tmp_path / "m"), "--codebook",
                 str(codebook)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"polytag train: error: {codebook}: theme name 'tokens' collides with a column of the tagging " \
                  "tables; rename the theme"
