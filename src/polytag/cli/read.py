"""Read documents (a file or a folder) and print their segments as JSON Lines:
doc id, segment index, language, offsets into the document text, and text.
Files that cannot be read are reported on standard error; the others are still printed.
Exit status: 0 when every file was read, 1 when some could not be, 2 on a usage error."""
from __future__ import annotations

import argparse
import sys

from polytag.cli.options import add_ocr_arguments, ocr_option
from polytag.cli.output import add_format_argument, write_records
from polytag.text import segment


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="a document or a folder of documents")
    add_format_argument(parser, default="jsonl")
    add_ocr_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from polytag.io import read

    result = read(args.path, ocr=ocr_option(args))
    for error in result.errors:
        print(f"polytag read: skipped {error}", file=sys.stderr)

    def records():
        for document in result.documents:
            for seg in segment(document.text, doc_id=document.id, lang=document.meta.get("lang")):
                yield {"doc": seg.doc_id, "segment": seg.index, "lang": seg.lang, "start": seg.start,
                       "end": seg.end, "text": seg.text}

    write_records(records(), args.format, ["doc", "segment", "lang", "start", "end", "text"])
    return 1 if result.errors else 0
