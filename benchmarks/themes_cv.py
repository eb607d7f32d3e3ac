"""Theme-tagging quality: 5-fold cross-validation on the hand-labelled segments, folds grouped
by source document (no document in both training and test), for the classifier and the
dictionary baseline side by side. Prints the per-theme, per-language table and the JSON.

    python benchmarks/themes_cv.py [--labels corpora/labels/segments.csv] [--json]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.model_selection import GroupKFold

from polytag.themes import Codebook, DictionaryTagger, ThemeClassifier
from polytag.themes.evaluate import read_gold, score_by_language

ROOT = Path(__file__).resolve().parents[1]


def cross_validate(gold: pd.DataFrame, *, folds: int = 5, **params) -> tuple[np.ndarray, np.ndarray]:
    themes = Codebook.load().theme_names
    X, Y = gold[["text", "lang", "doc"]], gold[themes].to_numpy()
    predicted = np.zeros_like(Y)
    for train, test in GroupKFold(n_splits=folds).split(X, Y, groups=gold["doc"]):
        model = ThemeClassifier(**params).fit(X.iloc[train], Y[train])
        predicted[test] = model.predict(X.iloc[test])
    return Y, predicted


def table(result: dict, baseline: dict, themes: list[str]) -> str:
    rows = ["| language | theme | support | classifier P / R / F1 | dictionary P / R / F1 |", "|---|---|---|---|---|"]
    for lang, res in [("all", result), *result["per_language"].items()]:
        base = baseline if lang == "all" else baseline["per_language"][lang]
        for theme in themes:
            r, b = res["per_theme"][theme], base["per_theme"][theme]
            rows.append(f"| {lang} | {theme} | {r['support']} | {r['precision']:.2f} / {r['recall']:.2f} / {r['f1']:.2f} "
                        f"| {b['precision']:.2f} / {b['recall']:.2f} / {b['f1']:.2f} |")
        rows.append(f"| {lang} | **macro-F1** | | **{res['macro_f1']:.3f}** | {base['macro_f1']:.3f} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labels", default=ROOT / "corpora" / "labels" / "segments.csv")
    parser.add_argument("--json", action="store_true", help="also print the metrics as JSON")
    args = parser.parse_args()
    themes = Codebook.load().theme_names
    gold = read_gold(args.labels, themes)
    started = time.perf_counter()
    Y, predicted = cross_validate(gold)
    langs = gold["lang"].to_numpy()
    result = score_by_language(Y, predicted, langs, themes)
    baseline = score_by_language(Y, DictionaryTagger().fit().predict(gold[["text", "lang"]]), langs, themes)
    print(f"{len(gold)} segments, {gold['doc'].nunique()} documents, 5 folds grouped by document, "
          f"{time.perf_counter() - started:.0f} s\n")
    print(table(result, baseline, themes))
    print(f"\nclassifier macro-F1 {result['macro_f1']:.3f} vs dictionary {baseline['macro_f1']:.3f} "
          f"(+{result['macro_f1'] - baseline['macro_f1']:.3f}); per language: "
          + ", ".join(f"{l} {v['macro_f1']:.3f}" for l, v in result["per_language"].items()))
    if args.json:
        print(json.dumps({"classifier": result, "baseline": baseline}, indent=1))


if __name__ == "__main__":
    main()
