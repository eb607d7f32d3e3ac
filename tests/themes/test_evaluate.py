"""The evaluator and `polytag eval`: metric dict shape, per language, baseline beside."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from polytag.errors import GoldDataError
from polytag.themes import ThemeEvaluator, load_default_model, read_gold
from polytag.themes.evaluate import scores

THEMES = ["openness", "geopolitical", "inclusiveness", "export_control"]


def test_scores_treat_absent_themes_fairly():
    gold = np.array([[1, 0], [0, 0]])
    assert scores(gold, np.array([[1, 0], [0, 0]]), ["a", "b"])["macro_f1"] == 1.0
    assert scores(gold, np.array([[1, 1], [0, 0]]), ["a", "b"])["per_theme"]["b"]["f1"] == 0.0


def test_evaluator_returns_metrics_with_a_primary_metric(labelled):
    evaluator = ThemeEvaluator(labelled.sample(60, random_state=0))
    result = evaluator(load_default_model())
    assert evaluator.primary_metric == "macro_f1" == result["primary_metric"]
    assert 0 <= result["macro_f1"] <= 1
    assert set(result["per_language"]) <= {"en", "ko", "zh"}
    assert set(result["baseline"]) >= {"macro_f1", "per_language", "per_theme"}


def test_eval_cli_prints_json(corpora, tmp_path):
    gold = pd.read_csv(corpora / "labels" / "heldout.csv").head(40)
    gold.insert(0, "segment_id", range(len(gold)))  # extra columns are ignored
    path = tmp_path / "gold.csv"
    gold.to_csv(path, index=False)
    out = subprocess.run([sys.executable, "-m", "polytag.cli.main", "eval", "--gold", str(path), "--json"],
                         capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    assert {"macro_f1", "per_language", "baseline"} <= set(result)
    assert "macro_f1" in result["baseline"] and result["n_segments"] == 40


def test_gold_files_with_missing_columns_or_bad_values_are_named_errors(tmp_path):
    path = tmp_path / "gold.csv"
    pd.DataFrame({"text": ["a"], "openness": [2]}).to_csv(path, index=False)
    with pytest.raises(GoldDataError, match="gold.csv"):
        read_gold(path, THEMES)
    with pytest.raises(GoldDataError, match="0 and 1"):
        read_gold(path, ["openness"])
