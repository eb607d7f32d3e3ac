"""`polytag train` learns with document-grouped thresholds, and the shipped model holds up on
the frozen test split, Traditional Chinese included."""
from __future__ import annotations

import numpy as np
import opencc
import pandas as pd
import pytest

from polytag.cli.main import main
from polytag.themes import ThemeClassifier, ThemeEvaluator, load_default_model, load_model

THEMES = ["openness", "geopolitical", "inclusiveness", "export_control"]


def test_train_command_uses_the_doc_column_as_groups(small_training_set, tmp_path, capsys):
    gold = tmp_path / "gold.csv"
    small_training_set[["text", "lang", "doc", *THEMES]].to_csv(gold, index=False)
    assert main(["train", "--gold", str(gold), "--out", str(tmp_path / "model")]) == 0
    assert "grouped by" in capsys.readouterr().out
    trained = load_model(tmp_path / "model")
    X, Y = small_training_set[["text", "lang"]], small_training_set[THEMES]
    grouped = ThemeClassifier(random_state=0).fit(X, Y, groups=small_training_set["doc"])
    assert np.allclose(trained.thresholds_, grouped.thresholds_)
    assert np.allclose(trained.calibration_, grouped.calibration_)


def test_traditional_chinese_scores_like_simplified_on_the_test_split(corpora):
    test = pd.read_csv(corpora / "labels" / "test.csv", keep_default_na=False)
    chinese = test[test["lang"] == "zh"].reset_index(drop=True)
    traditional = chinese.assign(text=[opencc.OpenCC("s2twp").convert(t) for t in chinese["text"]])
    assert (traditional["text"] != chinese["text"]).mean() > 0.75  # most passages change
    model = load_default_model()
    original = ThemeEvaluator(chinese)(model)["macro_f1"]
    converted = ThemeEvaluator(traditional)(model)["macro_f1"]
    assert converted == pytest.approx(original, abs=0.01)
