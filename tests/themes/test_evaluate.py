"""The evaluator and `polytag eval`: metric dict shape, per language, baseline beside."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

import polytag
from polytag.errors import GoldDataError
from polytag.themes import ThemeEvaluator, load_default_model, read_gold
from polytag.themes.evaluate import score_by_language, scores

THEMES = ["openness", "geopolitical", "inclusiveness", "export_control"]


def test_scores_treat_absent_themes_fairly():
    gold = np.array([[1, 0], [0, 0]])
    assert scores(gold, np.array([[1, 0], [0, 0]]), ["a", "b"])["macro_f1"] == 1.0
    assert scores(gold, np.array([[1, 1], [0, 0]]), ["a", "b"])["per_theme"]["b"]["f1"] == 0.0


def test_evaluator_scores_what_the_model_predicts(labelled):
    sample = labelled.sample(60, random_state=0).reset_index(drop=True)
    model = load_default_model()
    evaluator = ThemeEvaluator(sample)
    result = evaluator(model)
    assert evaluator.primary_metric == "macro_f1" == result["primary_metric"]
    expected = score_by_language(sample[THEMES].to_numpy(), model.predict(sample[["text", "lang"]]),
                                 sample["lang"].to_numpy(), THEMES)
    assert result["macro_f1"] == expected["macro_f1"] and result["per_language"] == expected["per_language"]
    # gold equal to the model's own predictions scores 1.0
    echoed = sample.copy()
    echoed[THEMES] = model.predict(sample[["text", "lang"]])
    assert ThemeEvaluator(echoed)(model)["macro_f1"] == 1.0


def test_eval_baseline_is_exactly_what_tagging_with_the_codebook_gives(labelled):
    sample = labelled.sample(120, random_state=4).reset_index(drop=True)
    model = load_default_model()
    result = ThemeEvaluator(sample)(model)
    tagged = polytag.themes.tag(sample[["text", "lang"]], codebook=model.codebook_)
    expected = score_by_language(sample[THEMES].to_numpy(), tagged[THEMES].to_numpy().astype(int),
                                 sample["lang"].to_numpy(), THEMES)
    assert result["baseline"] == expected


def test_eval_cli_prints_json(corpora, tmp_path):
    gold = pd.read_csv(corpora / "labels" / "test.csv").head(40)
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
