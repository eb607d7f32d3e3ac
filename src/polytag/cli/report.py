"""Write a theme-frequency report of a `polytag tag --out OUTDIR` results folder: tables per
group and per document (segments tagged, share, mean probability, seed-term hits per 10,000
tokens), charts (PNG and SVG), the top evidence passages behind each number, and keywords per
document. Prints the files written."""
from __future__ import annotations

import argparse
from pathlib import Path

from polytag.report.write import FORMATS

#: grouping columns offered on the command line
GROUPINGS = ("country", "lang", "year", "doc_type", "file", "doc_id")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("outdir", help="a results folder written by `polytag tag PATH --out OUTDIR`")
    parser.add_argument("--by", choices=GROUPINGS, default="country", help="group documents by (default: country)")
    parser.add_argument("--format", choices=FORMATS,
                        help="report format (default: the suffix of --out, else html)")
    parser.add_argument("--out", type=Path, help="report file (default: OUTDIR/report-BY.FORMAT)")
    parser.add_argument("--top", "-k", dest="k", type=int, default=5, metavar="K",
                        help="evidence passages shown per theme and group (default: 5)")
    parser.add_argument("--keywords", type=int, default=10, metavar="K",
                        help="keywords listed per document, 0 for none (default: 10)")


def run(args: argparse.Namespace) -> int:
    from polytag.report import write_report

    out = args.out or Path(args.outdir) / f"report-{args.by}.{args.format or 'html'}"
    for path in write_report(args.outdir, out, by=args.by, fmt=args.format, k=args.k, keywords=args.keywords):
        print(path)
    return 0
