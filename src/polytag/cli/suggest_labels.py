"""Pick the segments whose labels would teach a theme model most (uncertain near a theme's
threshold, spread over documents and languages, no near-duplicates, a share at random) and
write them as a labelling sheet (CSV or .xlsx): id, doc_id, lang, offsets, text, an empty 0/1
column per theme, and why each was picked. Fill the theme columns and pass the sheet to
`polytag train --gold` (with earlier label files); rows left blank are skipped."""
from __future__ import annotations

import argparse

from polytag.text import available_languages


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="a folder of documents (or one document)")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--model", help="a model folder (from `polytag train`, or the shipped model's)")
    source.add_argument("--codebook", help="codebook YAML, tagged by its seed terms (no model yet)")
    parser.add_argument("-k", "-n", dest="k", type=int, default=200, help="segments to suggest (default: 200)")
    parser.add_argument("--out", required=True, help="the sheet to write: .csv or .xlsx")
    parser.add_argument("--labelled", nargs="+", help="label files already made: their segments are not suggested again")
    parser.add_argument("--random-share", type=float, default=0.2, help="share of random picks (default: 0.2)")
    parser.add_argument("--lang", choices=available_languages(), help="one language only")
    parser.add_argument("--seed", type=int, default=0, help="random seed (results are deterministic given it)")
    parser.add_argument("--force", action="store_true", help="replace an existing --out file")


def run(args: argparse.Namespace) -> int:
    from polytag.suggest.labels import check_out, suggest_labels, write_sheet

    check_out(args.out, force=args.force)  # before the work, not after
    sheet = suggest_labels(args.path, model=args.model, codebook=args.codebook, k=args.k, labelled=args.labelled,
                           random_share=args.random_share, seed=args.seed, lang=args.lang)
    path = write_sheet(sheet, args.out, force=args.force)
    print(f"wrote {len(sheet)} segments from {sheet['doc_id'].nunique()} documents "
          f"({', '.join(f'{l}: {c}' for l, c in sheet['lang'].value_counts().sort_index().items())}) to {path}")
    return 0
