"""Suggest new seed terms for a theme, per language: terms of the segments that carry the
theme (labelled positives with --gold; otherwise the segments the model or the codebook's
seed terms tag), ranked by log-likelihood against the rest of the corpus, with two examples
each. --format yaml prints a codebook snippet to review and paste: no codebook is changed."""
from __future__ import annotations

import argparse
import sys

from polytag.cli.output import write_frame
from polytag.text import available_languages


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="a folder of documents (or one document)")
    parser.add_argument("--codebook", help="codebook YAML holding the theme (default: the shipped codebook)")
    parser.add_argument("--theme", required=True, help="the theme to suggest terms for")
    parser.add_argument("--lang", choices=available_languages(), help="one language only (default: every language)")
    parser.add_argument("-k", type=int, default=30, help="suggestions per language (default: 30)")
    parser.add_argument("--gold", help="labelled CSV: its positives for the theme are the theme's segments")
    parser.add_argument("--model", help="a model folder to find the theme's segments with (default: the seed terms)")
    parser.add_argument("--format", choices=["table", "csv", "json", "yaml"], default="table",
                        help="output format (default: table; yaml: a codebook snippet)")


def run(args: argparse.Namespace) -> int:
    from polytag.suggest.terms import suggest_terms, yaml_snippet

    frame = suggest_terms(args.path, codebook=args.codebook, theme=args.theme, k=args.k, lang=args.lang,
                          model=args.model, gold=args.gold)
    if args.format == "yaml":
        sys.stdout.write(yaml_snippet(frame, args.theme))
    else:
        write_frame(frame, args.format)
    return 0
