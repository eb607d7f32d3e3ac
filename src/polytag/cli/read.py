"""Read documents (a file or a folder) and print their segments as JSON Lines, segmented as
`polytag tag` segments them: doc_id, segment index, offsets into the document text, language
and text (the first columns of the segments table).
Files that cannot be read are reported on standard error; the others are still printed.
Exit status: 0 when every file was read, 1 when some could not be, 2 on a usage error."""
from __future__ import annotations

import argparse
import sys

from polytag.cli.options import add_ocr_arguments, ocr_option
from polytag.cli.output import add_format_argument, write_records
from polytag.tables import SEGMENT_KEYS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="a document or a folder of documents")
    add_format_argument(parser, default="jsonl")
    add_ocr_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from polytag.io import read
    from polytag.pipeline import segment_documents

    result = read(args.path, ocr=ocr_option(args))
    for error in result.errors:
        print(f"polytag read: skipped {error}", file=sys.stderr)

    def records():
        for document in result.documents:  # one at a time, so JSON Lines stream
            segments, _ = segment_documents([(document.id, document.text, document.meta.get("lang"))])
            yield from segments.to_dict("records")

    write_records(records(), args.format, list(SEGMENT_KEYS))
    return 1 if result.errors else 0
