"""Scoring theme taggers on labelled segments, in the style of sentence-transformers'
evaluators: one object, called on a model, returns a dict of metrics whose primary metric is
``macro_f1``.

F1 of a theme that has no gold positives in a group is 1.0 when the tagger predicts none
there and 0.0 when it predicts any (scikit-learn's ``zero_division=1.0``): finding nothing
where there is nothing is right, and false alarms are not free. Such cells are flagged
(``no_positives``) so that a reader does not take their F1 for a measurement.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score, precision_recall_fscore_support

from polytag.errors import GoldDataError, GoldNotFoundError
from polytag.themes.dictionary import DictionaryTagger


#: how F1 is counted where a theme has no gold positives (printed by ``polytag eval``)
F1_CONVENTION = ("F1 of a theme with no positives in a cell is 1.0 when nothing is predicted there, "
                 "0.0 otherwise")


def gold_columns(path: str | Path) -> list[str]:
    """The column names of the labelled CSV or ``.xlsx`` sheet ``path``."""
    return list(read_labelled_table(path, nrows=0).columns)


def read_labelled_table(path: str | Path, **options: Any) -> pd.DataFrame:
    """A labelled CSV or ``.xlsx`` sheet as it is (text columns as strings, blanks empty), or a
    named error saying why it cannot be read."""
    try:
        if str(path).lower().endswith(".xlsx"):
            return pd.read_excel(path, dtype={"text": str, "lang": str}, **options).fillna("")
        return pd.read_csv(path, dtype={"text": str, "lang": str}, keep_default_na=False, **options)
    except FileNotFoundError as error:
        raise GoldNotFoundError(f"{path}: no such labelled file") from error
    except pd.errors.EmptyDataError as error:
        raise GoldDataError(f"{path}: the labelled CSV is empty (no header line)") from error
    except (OSError, UnicodeDecodeError, ValueError, pd.errors.ParserError) as error:
        reason = str(error).replace("Error tokenizing data. C error: ", "")
        raise GoldDataError(f"{path}: not a readable labelled file ({reason})") from error


def read_gold(path: str | Path, themes: list[str], *, skip_unlabelled: bool = False) -> pd.DataFrame:
    """A labelled CSV (or ``.xlsx`` sheet): ``text``, optional ``lang``, optional ``doc_id``
    (the source document; see :func:`with_doc_id`), one 0/1 column per theme; others
    ignored. ``skip_unlabelled`` drops rows whose theme columns are all blank (a labelling
    sheet filled in part)."""
    frame = with_doc_id(read_labelled_table(path))
    missing = [c for c in ["text", *themes] if c not in frame.columns]
    if missing:
        raise GoldDataError(f"{path}: missing column(s) {', '.join(missing)}; the model's themes are {', '.join(themes)}")
    if skip_unlabelled and themes:
        frame = frame[(frame[themes].astype(str).apply(lambda c: c.str.strip()) != "").any(axis=1)].copy()
    for theme in themes:
        values = pd.to_numeric(frame[theme], errors="coerce")
        if values.isna().any() or not values.isin([0, 1]).all():
            raise GoldDataError(f"{path}: column {theme!r} must hold only 0 and 1")
        frame[theme] = values.astype(int)
    if "lang" not in frame.columns:
        frame["lang"] = ""
    return frame


def with_doc_id(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its source-document column named ``doc_id``, polytag's name for it
    everywhere; label files that call it ``doc`` (``corpora/labels``) are read too."""
    if "doc_id" in frame.columns or "doc" not in frame.columns:
        return frame
    return frame.rename(columns={"doc": "doc_id"})


def scores(gold: np.ndarray, predicted: np.ndarray, themes: list[str]) -> dict[str, Any]:
    """Precision, recall and F1 per theme, and micro and macro F1."""
    precision, recall, f1, support = precision_recall_fscore_support(
        gold, predicted, average=None, zero_division=1.0, labels=list(range(len(themes))))
    return {
        "macro_f1": float(np.mean(f1)),
        "micro_f1": float(f1_score(gold, predicted, average="micro", zero_division=1.0)),
        "per_theme": {t: {"precision": float(p), "recall": float(r), "f1": float(f), "support": int(s),
                          "predicted": int(predicted[:, j].sum()), "no_positives": bool(s == 0)}
                      for j, (t, p, r, f, s) in enumerate(zip(themes, precision, recall, f1, support))},
        "n_segments": int(len(gold)),
    }


def score_by_language(gold: np.ndarray, predicted: np.ndarray, langs: np.ndarray, themes: list[str]) -> dict[str, Any]:
    result = scores(gold, predicted, themes)
    result["per_language"] = {
        lang: scores(gold[langs == lang], predicted[langs == lang], themes)
        for lang in sorted(set(langs)) if lang
    }
    return result


class ThemeEvaluator:
    """Scores a tagger on a gold DataFrame (see :func:`read_gold`), beside the dictionary
    baseline built from the same codebook (what ``polytag.tag(..., codebook=...)`` tags with:
    seed terms alone). Call it with a fitted model to get the metrics."""

    primary_metric = "macro_f1"

    def __init__(self, gold: pd.DataFrame, *, name: str = "gold") -> None:
        self.gold = gold
        self.name = name

    @classmethod
    def from_csv(cls, path: str | Path, themes: list[str]) -> "ThemeEvaluator":
        return cls(read_gold(path, themes), name=str(path))

    def __call__(self, model: Any) -> dict[str, Any]:
        themes = list(model.themes_)
        gold = self.gold[themes].to_numpy()
        X = self.gold[["text", "lang"]]
        langs = self.gold["lang"].astype(str).to_numpy()
        result = score_by_language(gold, model.predict(X), langs, themes)
        baseline = DictionaryTagger(model.codebook_).fit()
        result["baseline"] = score_by_language(gold, baseline.predict(X), langs, themes)
        result["primary_metric"] = self.primary_metric
        result["f1_convention"] = F1_CONVENTION
        result["gold"] = self.name
        return result
