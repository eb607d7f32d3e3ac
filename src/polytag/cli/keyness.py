"""Print the terms that set one group of documents apart from the others (quanteda's
textstat_keyness): the documents whose metadata COLUMN equals VALUE against the rest, with
counts, chi-squared, log-likelihood (G2), p-value and log ratio. Term keyness needs documents in
one language: point at a folder of one language or pass --lang."""
from __future__ import annotations

import argparse

from polytag.cli.keywords import add_lang_argument, read_documents
from polytag.cli.output import add_format_argument, write_frame


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="a folder of documents (with metadata, e.g. a manifest.csv)")
    parser.add_argument("--by", required=True, help="metadata column: country, year, doc_type, ...")
    parser.add_argument("--target", required=True, help="the value of --by that makes the target group")
    parser.add_argument("--measure", choices=["chi2", "lr"], default="chi2", help="sort by (default: chi2)")
    parser.add_argument("-k", "-n", "--top", dest="k", type=int, default=20,
                        help="rows most distinctive of the target, then of the reference (default: 20; 0: all)")
    add_lang_argument(parser)
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    from polytag.keywords import keyness

    read = read_documents(args.path, "keyness")
    documents = read.documents
    if not documents:
        return 1
    frame = keyness(documents, by=args.by, target=args.target, measure=args.measure, lang=args.lang)
    if args.k and len(frame) > 2 * args.k:
        frame = frame.iloc[list(range(args.k)) + list(range(len(frame) - args.k, len(frame)))]
    write_frame(frame, args.format)
    return 1 if read.errors else 0
