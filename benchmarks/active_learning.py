"""Does `polytag suggest-labels` help? A simulation of the labelling loop on the project's
labelled segments: the training split is the pool (its labels are revealed only for the
segments a strategy asks for), the test split (whole documents set aside) scores each model.

Both strategies start from the codebook alone (no labels). At each step the strategy asks for
labels up to the next count: "suggest" takes what :func:`polytag.suggest.select_segments`
picks with the current model (uncertainty near each theme's threshold, spread over documents
and languages, no near-duplicates, 20% random), "random" draws uniformly from the unlabelled
pool. A classifier (``threshold_cv=3``, document-grouped folds) is refitted on the labels so
far and its macro-F1 on the test split recorded. Each segment is tokenized once per process.

    python benchmarks/active_learning.py run --strategy suggest --out /tmp/x/suggest.json [--seeds 0 1 2 3 4]
    python benchmarks/active_learning.py run --strategy random --out /tmp/x/random.json
    python benchmarks/active_learning.py report /tmp/x/suggest.json /tmp/x/random.json --plot benchmarks/active_learning.png

``report`` also reads a run's log (one JSON row per line), so a run stopped part-way counts.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import pandas as pd

from polytag.suggest.labels import select_segments, text_key
from polytag.themes import Codebook, ThemeClassifier
from polytag.themes.evaluate import read_gold, scores
from polytag.themes.segments import as_units

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "corpora" / "labels"
THEMES = Codebook.load().theme_names
STEPS = (100, 200, 300, 400, 500, 600, 800, 1000)


def simulate(strategy: str, seed: int, pool: pd.DataFrame, pool_units: list, test_units: list,
             test_gold: np.ndarray, steps: tuple[int, ...]) -> list[dict]:
    """Macro-F1 on the test split after each step of one labelling loop."""
    rng = np.random.default_rng(seed)
    Y, docs = pool[THEMES].to_numpy(), pool["doc_id"].to_numpy()
    model = ThemeClassifier(threshold_cv=3, random_state=seed).fit(pool_units)  # the codebook alone
    labelled: list[int] = []
    rows = []
    for step in steps:
        wanted = step - len(labelled)
        rest = np.setdiff1d(np.arange(len(pool)), labelled)
        if strategy == "random":
            labelled += [int(i) for i in rng.choice(rest, wanted, replace=False)]
        else:
            proba = model.predict_proba([pool_units[i] for i in rest])
            chosen = select_segments(pool.iloc[rest].reset_index(drop=True), proba, model.thresholds_, THEMES,
                                     k=wanted, seed=seed * 1000 + step,
                                     exclude={text_key(t) for t in pool["text"].iloc[labelled]})
            labelled += [int(rest[i]) for i in chosen.index]
        started = time.perf_counter()
        model = ThemeClassifier(threshold_cv=3, random_state=seed).fit(
            [pool_units[i] for i in labelled], Y[labelled], groups=docs[labelled])
        result = scores(test_gold, model.predict(test_units), THEMES)
        rows.append({"strategy": strategy, "seed": seed, "labels": len(labelled), "macro_f1": result["macro_f1"],
                     "positives": {t: int(Y[labelled, j].sum()) for j, t in enumerate(THEMES)},
                     "f1": {t: v["f1"] for t, v in result["per_theme"].items()},
                     "fit_s": round(time.perf_counter() - started, 1)})
        print(json.dumps(rows[-1]), flush=True)
    return rows


def run(args: argparse.Namespace) -> None:
    pool = read_gold(LABELS / "train.csv", THEMES)
    test = read_gold(LABELS / "test.csv", THEMES)
    started = time.perf_counter()
    pool_units, test_units = as_units(pool[["text", "lang"]]), as_units(test[["text", "lang"]])
    pool["n_words"] = [sum(1 for t in u.tokens if t.is_word) for u in pool_units]
    print(f"tokenized {len(pool)} pool and {len(test)} test segments in {time.perf_counter() - started:.0f} s", flush=True)
    rows = []
    for seed in args.seeds:
        rows += simulate(args.strategy, seed, pool, pool_units, test_units, test[THEMES].to_numpy(), tuple(args.steps))
        Path(args.out).write_text(json.dumps(rows, indent=1))


def report(args: argparse.Namespace) -> None:
    rows = [row for path in args.results for row in _rows(Path(path))]
    frame = pd.DataFrame(rows).drop_duplicates(["strategy", "seed", "labels"])
    curve = frame.groupby(["strategy", "labels"])["macro_f1"].agg(["mean", "std", "count"]).reset_index()
    wide = curve.pivot(index="labels", columns="strategy", values="mean")
    spread = curve.pivot(index="labels", columns="strategy", values="std")
    count = curve.pivot(index="labels", columns="strategy", values="count").fillna(0).astype(int)
    lines = ["| labels | suggest-labels macro-F1 (mean ± sd, seeds) | random macro-F1 (mean ± sd, seeds) |",
             "|---|---|---|"]
    for labels in wide.index:
        cells = [f"{wide.loc[labels, s]:.3f} ± {spread.loc[labels, s]:.3f} ({count.loc[labels, s]})"
                 if count.loc[labels, s] else "not run" for s in ("suggest", "random")]
        lines.append(f"| {labels} | {cells[0]} | {cells[1]} |")
    print("\n".join(lines))
    target = wide.loc[max(wide.index), "random"]
    reached = [labels for labels in wide.index if wide.loc[labels, "suggest"] >= target]
    print(f"\nrandom sampling at {max(wide.index)} labels: {target:.3f}; suggest-labels first reaches it at "
          f"{min(reached) if reached else 'no step'} labels")
    positives = pd.concat([frame[["strategy", "labels"]], pd.DataFrame(frame["positives"].tolist())], axis=1)
    print("\nmean positives per theme among the labels:")
    print(positives.groupby(["strategy", "labels"])[THEMES].mean().round(0).astype(int).to_string())
    if args.plot:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        figure, axes = plt.subplots(figsize=(6, 4))
        for strategy, label in (("suggest", "suggest-labels"), ("random", "random sampling")):
            part = curve[curve["strategy"] == strategy]
            axes.errorbar(part["labels"], part["mean"], yerr=part["std"], marker="o", capsize=3, label=label)
        axes.axhline(target, color="grey", linestyle=":", linewidth=1)
        axes.set_xlabel("labelled segments")
        axes.set_ylabel("macro-F1 on held-out documents")
        axes.set_title("Active learning simulation (mean ± sd over seeds)")
        axes.legend()
        figure.tight_layout()
        figure.savefig(args.plot, dpi=120)


def _rows(path: Path) -> list[dict]:
    """Rows of a result file (a JSON list) or of a run's log (one JSON row per line)."""
    text = path.read_text()
    if text.lstrip().startswith("["):
        return json.loads(text)
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run_parser = sub.add_parser("run")
    run_parser.add_argument("--strategy", choices=["suggest", "random"], required=True)
    run_parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3, 4])
    run_parser.add_argument("--steps", type=int, nargs="+", default=list(STEPS))
    run_parser.add_argument("--out", required=True)
    report_parser = sub.add_parser("report")
    report_parser.add_argument("results", nargs="+")
    report_parser.add_argument("--plot")
    args = parser.parse_args()
    run(args) if args.command == "run" else report(args)


if __name__ == "__main__":
    main()
