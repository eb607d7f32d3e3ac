"""Every CSV file polytag writes goes through here, so no cell can run as a spreadsheet formula.

Excel and LibreOffice run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or
carriage return before one) as a formula, and document text and manifest titles are written
by people polytag does not know. Following the OWASP rule, such a text cell is written with a
leading ``'``, which spreadsheets show as text. Numbers are never changed; Parquet files keep
the text as it is.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

#: the first characters that make a spreadsheet read a cell as a formula
FORMULA_START = "=+-@\t\r"
_RISKY = "^[" + re.escape(FORMULA_START) + "]"


def neutralise(value: object) -> object:
    """``value`` with a leading ``'`` when it is text that starts like a formula."""
    risky = isinstance(value, str) and value != "" and value[0] in FORMULA_START
    return "'" + value if risky else value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with :func:`neutralise` applied to its text columns."""
    text = [name for name in frame.columns if frame[name].dtype == object or pd.api.types.is_string_dtype(frame[name])]
    return frame.assign(**{str(name): frame[name].map(neutralise) for name in text}) if text else frame


def neutralise_table(table: pa.Table) -> pa.Table:
    """``table`` with :func:`neutralise` applied to its string columns (vectorised)."""
    columns = []
    for column in table.columns:
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            column = pc.if_else(pc.match_substring_regex(column, _RISKY),
                                pc.binary_join_element_wise("'", column, ""), column)
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=table.schema)


def write_frame_csv(frame: pd.DataFrame, target: str | Path | IO[str]) -> None:
    """Write a DataFrame as CSV (no index), formulas neutralised."""
    neutralise_frame(frame).to_csv(target, index=False)


def write_rows_csv(path: Path, columns: list[str], rows: Iterable[Mapping[str, object]]) -> None:
    """Write dict rows as a UTF-8 CSV file with a header, formulas neutralised."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows({key: neutralise(value) for key, value in row.items()} for row in rows)


class TableCSVWriter:
    """pyarrow's streaming CSV writer, formulas neutralised in every table written."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self._writer = pcsv.CSVWriter(path, schema)

    def write_table(self, table: pa.Table) -> None:
        self._writer.write_table(neutralise_table(table))

    def __enter__(self) -> "TableCSVWriter":
        return self

    def __exit__(self, *exc) -> None:
        self._writer.close()
