"""Print every match of PATTERN in the documents with the words around it (quanteda's kwic):
document, character offsets, left context, keyword, right context. A pattern with spaces is a
phrase; matching is on tokens and lemmas, so 印度 does not match inside 印度尼西亚."""
from __future__ import annotations

import argparse

from polytag.cli.keywords import add_lang_argument, read_documents
from polytag.cli.output import add_format_argument, write_frame


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from polytag.keywords.concordance import VALUETYPES

    parser.add_argument("path", help="a document or a folder of documents")
    parser.add_argument("pattern", help="a word, a phrase (words separated by spaces) or a glob such as export*")
    parser.add_argument("--window", type=int, default=5, help="tokens of context on each side (default: 5)")
    parser.add_argument("--valuetype", choices=VALUETYPES, default="glob", help="pattern type (default: glob)")
    add_lang_argument(parser)
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    from polytag.keywords import kwic

    read = read_documents(args.path, "kwic")
    documents = read.documents
    if not documents:
        return 1
    frame = kwic(documents, args.pattern, window=args.window, lang=args.lang, valuetype=args.valuetype)
    write_frame(frame.drop(columns="pattern"), args.format)
    return 1 if read.errors else 0
