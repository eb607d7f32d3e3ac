"""Theme-tagging quality, measured three ways, the classifier beside the dictionary baseline
(the same codebook's seed terms, exactly what ``polytag.tag(..., codebook=...)`` does):

- ``cv``: 5-fold cross-validation on the training split, folds grouped by source document
  (no document in both training and test; thresholds inside each fold are grouped too). This
  is the only figure parameters may be chosen by.
- ``test``: a saved model (default: the shipped one) on the frozen test split, documents set
  aside before any tuning.
- ``curve``: test-split F1 of models trained on 25%, 50% and 100% of the training labels
  (segments drawn at random, two seeds below 100%): whether more labels would still help.

    python benchmarks/themes_cv.py cv [--param C=2 ...] [--json]
    python benchmarks/themes_cv.py test [--model DIR] [--json]
    python benchmarks/themes_cv.py curve
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.model_selection import GroupKFold

from polytag.themes import Codebook, DictionaryTagger, ThemeClassifier, ThemeEvaluator, load_default_model, load_model
from polytag.themes.evaluate import read_gold, score_by_language

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "corpora" / "labels"
THEMES = Codebook.load().theme_names


def cross_validate(gold: pd.DataFrame, *, folds: int = 5, **params) -> np.ndarray:
    """Out-of-fold 0/1 predictions, folds grouped by document."""
    X, Y, groups = gold[["text", "lang"]], gold[THEMES].to_numpy(), gold["doc_id"].to_numpy()
    predicted = np.zeros_like(Y)
    for train, test in GroupKFold(n_splits=folds).split(X, Y, groups=groups):
        model = ThemeClassifier(**params).fit(X.iloc[train], Y[train], groups=groups[train])
        predicted[test] = model.predict(X.iloc[test])
    return predicted


def table(result: dict, baseline: dict) -> str:
    rows = ["| language | theme | support | classifier P / R / F1 | dictionary P / R / F1 |", "|---|---|---|---|---|"]
    for lang, res in [("all", result), *result["per_language"].items()]:
        base = baseline if lang == "all" else baseline["per_language"][lang]
        for theme in THEMES:
            r, b = res["per_theme"][theme], base["per_theme"][theme]
            rows.append(f"| {lang} | {theme} | {r['support']} | {r['precision']:.2f} / {r['recall']:.2f} / {r['f1']:.2f} "
                        f"| {b['precision']:.2f} / {b['recall']:.2f} / {b['f1']:.2f} |")
        rows.append(f"| {lang} | **macro-F1** | | **{res['macro_f1']:.3f}** | {base['macro_f1']:.3f} |")
    return "\n".join(rows)


def summary(result: dict, baseline: dict) -> str:
    recall = {lang: float(np.mean([v["per_theme"][t]["recall"] for t in THEMES]))
              for lang, v in result["per_language"].items()}
    return (f"classifier macro-F1 {result['macro_f1']:.3f} vs dictionary {baseline['macro_f1']:.3f} "
            f"(+{result['macro_f1'] - baseline['macro_f1']:.3f}); per language: "
            + ", ".join(f"{l} {v['macro_f1']:.3f}" for l, v in result["per_language"].items())
            + "; mean recall per language: " + ", ".join(f"{l} {r:.2f}" for l, r in recall.items()))


def parse_params(items: list[str]) -> dict:
    params = {}
    for item in items:
        name, _, value = item.partition("=")
        params[name] = json.loads(value) if value[:1] in "[{" else type(getattr(ThemeClassifier(), name))(value)
    return params


def run_cv(args) -> dict:
    gold = read_gold(LABELS / "train.csv", THEMES)
    params = parse_params(args.param)
    started = time.perf_counter()
    langs = gold["lang"].to_numpy()
    result = score_by_language(gold[THEMES].to_numpy(), cross_validate(gold, **params), langs, THEMES)
    baseline = score_by_language(gold[THEMES].to_numpy(), DictionaryTagger().fit().predict(gold[["text", "lang"]]),
                                 langs, THEMES)
    print(f"training split: {len(gold)} segments, {gold['doc_id'].nunique()} documents, 5 folds grouped by document, "
          f"params {params or 'default'}, {time.perf_counter() - started:.0f} s\n")
    print(table(result, baseline))
    print("\n" + summary(result, baseline))
    return {"classifier": result, "baseline": baseline}


def run_test(args) -> dict:
    model = load_model(args.model) if args.model else load_default_model()
    result = ThemeEvaluator.from_csv(LABELS / "test.csv", model.themes_)(model)
    gold = read_gold(LABELS / "test.csv", THEMES)
    print(f"test split: {len(gold)} segments, {gold['doc_id'].nunique()} documents, model {args.model or 'shipped'}\n")
    print(table(result, result["baseline"]))
    print("\n" + summary(result, result["baseline"]))
    return result


def run_curve(args) -> dict:
    train = read_gold(LABELS / "train.csv", THEMES)
    evaluator = ThemeEvaluator.from_csv(LABELS / "test.csv", THEMES)
    points = {}
    for share in (0.25, 0.5, 1.0):
        scores = []
        for seed in ((0, 1) if share < 1 else (0,)):
            sample = train.sample(frac=share, random_state=seed) if share < 1 else train
            model = ThemeClassifier().fit(sample[["text", "lang"]], sample[THEMES], groups=sample["doc_id"])
            result = evaluator(model)
            scores.append([result["macro_f1"], *(result["per_language"][l]["macro_f1"] for l in ("en", "ko", "zh"))])
        mean = np.mean(scores, axis=0)
        points[share] = dict(zip(["all", "en", "ko", "zh"], map(float, mean)))
        print(f"{share:>4.0%} of {len(train)} training labels ({len(scores)} seed(s)): test macro-F1 {mean[0]:.3f} "
              f"(en {mean[1]:.3f}, ko {mean[2]:.3f}, zh {mean[3]:.3f})", flush=True)
    return points


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["cv", "test", "curve"])
    parser.add_argument("--param", action="append", default=[], help="classifier parameter for cv, NAME=VALUE")
    parser.add_argument("--model", help="model folder for test (default: the shipped model)")
    parser.add_argument("--json", action="store_true", help="also print the metrics as JSON")
    args = parser.parse_args()
    result = {"cv": run_cv, "test": run_test, "curve": run_curve}[args.mode](args)
    if args.json:
        print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
