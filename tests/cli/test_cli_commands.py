"""The ``read``, ``tokenize`` and ``train`` commands print or save what the Python API gives."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from polytag.cli.main import main
from polytag.pipeline import segment_documents
from polytag.tables import SEGMENT_KEYS
from polytag.text import tokenize
from polytag.themes import ThemeClassifier, load_model

THEMES = ["openness", "geopolitical", "inclusiveness", "export_control"]
ENGLISH = "Open-weight models matter.\n\nExport controls on advanced chips were tightened in 2023."
CHINESE = "---\ntitle: 开源\n---\n\n开源模型促进创新。\n\n美国加强出口管制。"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    root.mkdir()
    (root / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (root / "zh.md").write_text(CHINESE, encoding="utf-8")
    return root


def test_read_prints_the_segments_that_tagging_uses(folder: Path, capsys) -> None:
    assert main(["read", str(folder)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(list(row) == list(SEGMENT_KEYS) for row in rows)
    from polytag.io import read

    documents = {d.id: d for d in read(folder).documents}
    expected, _ = segment_documents((d.id, d.text, d.meta.get("lang")) for d in documents.values())
    assert rows == expected.to_dict("records")
    assert {row["doc_id"] for row in rows} == {"en.txt", "zh.md"} and len(rows) == 4
    assert all(documents[r["doc_id"]].text[r["start"]:r["end"]] == r["text"] for r in rows)
    assert main(["read", str(folder), "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert list(table.columns) == list(SEGMENT_KEYS) and table["text"].tolist() == [r["text"] for r in rows]


def test_tokenize_reads_standard_input_or_a_file(folder: Path, monkeypatch, capsys) -> None:
    text = "미국은 수출통제를 강화했다."
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    assert main(["tokenize", "--lang", "ko", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows == [t._asdict() for t in tokenize(text, "ko")]
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    assert main(["tokenize", str(folder / "en.txt"), "--format", "json"]) == 0  # language detected
    assert json.loads(capsys.readouterr().out) == [t._asdict() for t in tokenize(ENGLISH, "en")]


def test_train_reads_doc_id_or_doc_skips_blank_rows_and_saves_the_model(corpora: Path, tmp_path: Path,
                                                                         capsys) -> None:
    labels = pd.read_csv(corpora / "labels" / "train.csv", keep_default_na=False)
    sample = pd.concat([labels[labels["openness"] == 1].head(12), labels[labels[THEMES].sum(axis=1) == 0].head(40)])
    first, second = sample.iloc[::2], sample.iloc[1::2]
    sheet = first[["text", "lang", "doc", *THEMES]].rename(columns={"doc": "doc_id"}).astype({t: object for t in THEMES})
    blank = sheet.head(3).assign(**{t: "" for t in THEMES}, text=["unlabelled one", "unlabelled two", "three"])
    pd.concat([sheet, blank]).to_csv(tmp_path / "sheet.csv", index=False)  # a sheet filled in part
    second[["text", "lang", "doc", *THEMES]].to_csv(tmp_path / "older.csv", index=False)  # polytag's label files
    out = tmp_path / "model"
    assert main(["train", "--gold", str(tmp_path / "sheet.csv"), str(tmp_path / "older.csv"), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    documents = sample["doc"].nunique()
    assert f"trained on {len(sample)} segments (thresholds from folds grouped by {documents} documents)" in printed
    positives = sample[THEMES].sum()
    learned = [t for t in THEMES if min(positives[t], len(sample) - positives[t]) >= 6]
    assert learned == ["openness"] and f"learned: {', '.join(learned)};" in printed
    model = load_model(out)
    joined = pd.concat([first, second])
    fresh = ThemeClassifier(random_state=0).fit(joined[["text", "lang"]], joined[THEMES], groups=joined["doc"])
    np.testing.assert_allclose(model.thresholds_, fresh.thresholds_)
    np.testing.assert_allclose(model.coef_, fresh.coef_)
