"""Print the tokens of a file or of standard input (text, lemma, pos, tag, start, end)."""
from __future__ import annotations

import argparse
import sys

from polytag.cli.output import add_format_argument, write_records
from polytag.text import FALLBACK_LANG, UNDETERMINED, available_languages, detect_language, tokenize


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", default="-", help="a document, or - for standard input (default)")
    parser.add_argument("--lang", choices=available_languages(), help="language (default: detected)")
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    if args.file == "-":
        text = sys.stdin.read()
    else:
        from polytag.io import read_document

        text = read_document(args.file).text
    lang = args.lang or detect_language(text, default=FALLBACK_LANG)
    if lang == UNDETERMINED:
        print("polytag tokenize: the text is in no language polytag reads (und), so it has no tokens; "
              "give --lang to read it as one", file=sys.stderr)
    columns = ["text", "lemma", "pos", "tag", "start", "end", "is_stop"]
    write_records((t._asdict() for t in tokenize(text, lang)), args.format, columns)
    return 0
