"""Print the keywords of each document (a file, or every document in a folder): rank, term
(lemma form), score, count, and the forms seen in the text."""
from __future__ import annotations

import argparse
import sys

from polytag.cli.output import add_format_argument, write_records
from polytag.text import available_languages


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from polytag.keywords.extraction import METHODS

    parser.add_argument("path", help="a document or a folder of documents")
    parser.add_argument("-k", type=int, default=20, help="keywords per document (default: 20)")
    parser.add_argument("--method", choices=list(METHODS), default="tfidf", help="scoring method (default: tfidf)")
    add_lang_argument(parser)
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    from polytag.keywords import keywords_frame

    read = read_documents(args.path, "keywords")
    documents = read.documents

    def records():
        for document in documents:
            frame = keywords_frame(document, k=args.k, lang=args.lang, method=args.method)
            for rank, row in enumerate(frame.itertuples(index=False), start=1):
                yield {"doc_id": document.id, "rank": rank, "term": row.term, "score": row.score,
                       "count": row.count, "forms": " | ".join(row.forms)}

    write_records(records(), args.format, ["doc_id", "rank", "term", "score", "count", "forms"])
    return 1 if read.errors or not documents else 0


def add_lang_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=available_languages(), help="language (default: from metadata or detected)")


def read_documents(path: str, command: str):
    """The ``ReadResult`` of ``path``; files that cannot be read are reported on standard error
    (and make the command's exit status 1)."""
    from polytag.io import read

    result = read(path)
    for error in result.errors:
        print(f"polytag {command}: skipped {error}", file=sys.stderr)
    return result
