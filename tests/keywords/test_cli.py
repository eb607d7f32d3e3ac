"""The keywords, keyness and kwic commands, run in-process on the real corpora."""
from __future__ import annotations

import io
import json

import pandas as pd

from polytag.cli.main import main


def test_keywords_command(corpora, capsys):
    assert main(["keywords", str(corpora / "ko" / "brief_rand_open_models_soft_power_2026.txt"), "-k", "5",
                 "--format", "csv"]) == 0
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert list(frame.columns) == ["doc_id", "rank", "term", "score", "count", "forms"]
    assert len(frame) == 5 and "개방형 모델" in set(frame["term"])


def test_keyness_command(corpora, capsys):
    assert main(["keyness", str(corpora), "--lang", "zh", "--by", "year", "--target", "2024", "-n", "3",
                 "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 6 and rows[0]["chi2"] > 0 > rows[-1]["chi2"]


def test_keyness_command_refuses_mixed_languages(corpora, capsys):
    assert main(["keyness", str(corpora), "--by", "country", "--target", "CN"]) == 2
    assert "one language" in capsys.readouterr().err


def test_kwic_command(corpora, capsys):
    assert main(["kwic", str(corpora / "en"), "export control*", "--window", "3"]) == 0
    out = capsys.readouterr().out
    assert "doc_id" in out.splitlines()[0] and "export control" in out.lower()
