"""Train a theme classifier on a labelled CSV and save it to a folder.

The CSV has ``text``, optional ``lang``, optional ``doc`` (the source document: thresholds
and calibration then come from folds that never split a document), and one 0/1 column per
theme of the codebook; a theme without a column is tagged from its seed terms. The model is saved as JSON and NumPy
arrays (no pickle), and ``polytag tag --model DIR`` / ``polytag eval --model DIR`` use it."""
from __future__ import annotations

import argparse

from polytag.themes import Codebook, ThemeClassifier, save_model
from polytag.themes.evaluate import gold_columns, read_gold


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", required=True, help="labelled CSV (text, lang, one 0/1 column per theme)")
    parser.add_argument("--out", required=True, help="folder to write the model to")
    parser.add_argument("--codebook", help="codebook YAML (default: polytag's four themes)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (results are deterministic given it)")


def run(args: argparse.Namespace) -> int:
    codebook = Codebook.load(args.codebook)
    columns = gold_columns(args.gold)
    present = [t for t in codebook.theme_names if t in columns]
    gold = read_gold(args.gold, present)
    groups = gold["doc"] if "doc" in gold.columns else None
    model = ThemeClassifier(codebook, random_state=args.seed).fit(gold[["text", "lang"]], gold, groups=groups)
    folder = save_model(model, args.out)
    learned = [t for t, w in zip(model.themes_, model.blend_) if w > 0]
    grouping = f"thresholds from folds grouped by {gold['doc'].nunique()} documents" if groups is not None \
        else "no doc column: thresholds from folds that may split documents"
    print(f"trained on {len(gold)} segments ({grouping}); learned: {', '.join(learned) or 'none'}; "
          f"seed terms only: {', '.join(t for t in model.themes_ if t not in learned) or 'none'}; saved to {folder}")
    return 0

