"""Writing records to the terminal: a table, CSV or JSON Lines, chosen by ``--format``."""
from __future__ import annotations

import json
import sys
from typing import Iterable, Mapping, Sequence

import pandas as pd

from polytag.io.csvfile import write_frame_csv

FORMATS = ("table", "jsonl", "csv", "json")


def add_format_argument(parser, default: str = "table") -> None:
    parser.add_argument("--format", choices=FORMATS, default=default, help=f"output format (default: {default})")


def write_records(records: Iterable[Mapping], fmt: str, columns: Sequence[str] | None = None) -> None:
    """Write ``records`` to standard output in ``fmt``; JSON Lines streams, the others collect."""
    if fmt == "jsonl":
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    frame = pd.DataFrame(list(records), columns=columns)
    write_frame(frame, fmt)


def write_frame(frame: pd.DataFrame, fmt: str) -> None:
    if fmt == "csv":
        write_frame_csv(frame, sys.stdout)
    elif fmt == "json":
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False, indent=1) + "\n")
    elif fmt == "jsonl":
        sys.stdout.write(frame.to_json(orient="records", lines=True, force_ascii=False))
    else:
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200,
                               "display.max_colwidth", 60):
            sys.stdout.write(frame.to_string(index=False) + "\n")
