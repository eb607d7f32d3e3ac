"""Train a theme classifier on labelled CSVs and save it to a folder.

Each CSV (or .xlsx sheet from `polytag suggest-labels`) has ``text``, optional ``lang``,
optional ``doc_id`` (or ``doc``: the source document; thresholds and calibration then come
from folds that never split a document), and one 0/1 column per theme of the codebook; a
theme without a column is tagged from its seed terms. Several files are joined (rows whose
theme columns are all blank are skipped: a sheet filled in part). The model is saved as JSON
and NumPy arrays (no pickle), and ``polytag tag --model DIR`` / ``polytag eval --model DIR`` use it."""
from __future__ import annotations

import argparse

import pandas as pd

from polytag.errors import GoldDataError
from polytag.themes import Codebook, ThemeClassifier, save_model
from polytag.themes.evaluate import gold_columns, read_gold


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", required=True, nargs="+",
                        help="labelled CSV or .xlsx file(s) (text, lang, one 0/1 column per theme)")
    parser.add_argument("--out", required=True, help="folder to write the model to")
    parser.add_argument("--codebook", help="codebook YAML (default: polytag's four themes)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (results are deterministic given it)")


def run(args: argparse.Namespace) -> int:
    codebook = Codebook.load(args.codebook)
    gold = read_all(args.gold, codebook.theme_names)
    groups = gold["doc_id"] if "doc_id" in gold.columns else None
    model = ThemeClassifier(codebook, random_state=args.seed).fit(gold[["text", "lang"]], gold, groups=groups)
    folder = save_model(model, args.out)
    learned = [t for t, w in zip(model.themes_, model.blend_) if w > 0]
    grouping = f"thresholds from folds grouped by {gold['doc_id'].nunique()} documents" if groups is not None \
        else "no doc_id column: thresholds from folds that may split documents"
    print(f"trained on {len(gold)} segments ({grouping}); learned: {', '.join(learned) or 'none'}; "
          f"seed terms only: {', '.join(t for t in model.themes_ if t not in learned) or 'none'}; saved to {folder}")
    return 0


def read_all(paths: list[str], themes: list[str]) -> pd.DataFrame:
    """The labelled rows of every file, joined; a theme is learned only if every file has its column."""
    columns = [gold_columns(path) for path in paths]
    present = [t for t in themes if all(t in c for c in columns)]
    gold = pd.concat([read_gold(path, present, skip_unlabelled=True) for path in paths], ignore_index=True)
    if gold.empty:
        raise GoldDataError(f"no labelled row in {', '.join(paths)}: fill the theme columns with 0 or 1")
    if "doc_id" in gold.columns and not gold["doc_id"].fillna("").astype(str).str.strip().all():
        gold = gold.drop(columns="doc_id")  # document groups only when every row has its document
    return gold[[c for c in gold.columns if c not in themes or c in present]]
