"""Assembling the final tables from the part files: ``segments``, ``documents`` (Parquet and
CSV), ``errors.csv`` and ``run.json``, rows sorted by document id and segment index.

This runs in the parent after the workers, so it is the serial tail of every run: parts are
read by a few threads ahead of the writer, and the Parquet and CSV files are written side by
side in two threads (pyarrow releases the GIL while it reads and writes).
"""
from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from polytag.batch.outdir import OutDir
from polytag.batch.parts import read_part_summary
from polytag.batch.worker import FileTask
from polytag.errors import ERROR_COLUMNS, printable_path
from polytag.io.atomic import write_atomic
from polytag.io.csvfile import TableCSVWriter, write_rows_csv
from polytag.io.metadata import year_of
from polytag.tables import STANDARD_META, document_schema, metadata_columns, segment_metadata, segment_schema

_ROW_GROUP = 50_000
_READERS = 4  # threads reading parts
_READ_AHEAD = 16  # parts read ahead of the writer


def write_outputs(outdir: OutDir, tasks: list[FileTask], themes: list[str], extra_errors: list[dict[str, str]],
                  run_info: dict[str, Any], *, clock: float) -> dict[str, int]:
    """Assemble the final tables from the parts of ``tasks``, then ``run.json`` from
    ``run_info`` with the counts, the end time and the seconds since ``clock`` (a
    ``time.perf_counter()`` value); returns the counts."""
    documents, errors = [], list(extra_errors)
    by_doc = sorted(tasks, key=lambda task: task.doc_id)
    kept = []
    with ThreadPoolExecutor(_READERS) as pool:
        summaries = list(pool.map(read_part_summary, [outdir.part(task.key) for task in by_doc]))
    for task, summary in zip(by_doc, summaries):
        if "error" in summary:
            errors.append(summary["error"])
        else:
            documents.append(summary["document"] | {"file": printable_path(task.path)})
            kept.append(task)
    doc_table = _documents_table(documents, themes)
    n_segments = _write_segments(outdir, kept, doc_table, themes)
    _write_table(outdir, doc_table, "documents")
    errors.sort(key=lambda row: (row["file"], row["error"]))
    write_atomic(outdir.path / "errors.csv", lambda tmp: write_rows_csv(tmp, list(ERROR_COLUMNS), errors))
    counts = {"documents": len(documents), "segments": n_segments, "errors": len(errors)}
    run_info["counts"] = {**counts, **run_info.get("counts", {})}
    run_info["finished"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    run_info["seconds"] = round(time.perf_counter() - clock, 3)
    write_atomic(outdir.path / "run.json", lambda tmp: tmp.write_text(
        json.dumps(run_info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"))
    return counts


def _write_segments(outdir: OutDir, tasks: list[FileTask], documents: pa.Table, themes: list[str]) -> int:
    """Stream the parts into ``segments.parquet``/``.csv``, document metadata repeated on
    each row; only a few row groups are held at a time."""
    names = segment_metadata(documents.column_names, themes)
    base = segment_schema(themes)
    meta = documents.select(list(names)).rename_columns(list(names.values()))
    schema = pa.schema([base.field("doc_id"), *meta.schema, *(f for f in base if f.name != "doc_id")])
    total = 0

    def write(parquet_tmp: Path, csv_tmp: Path) -> None:
        nonlocal total
        with pq.ParquetWriter(parquet_tmp, schema) as parquet, TableCSVWriter(csv_tmp, schema) as csv_out, \
                ThreadPoolExecutor(2) as writers:
            pending: list[Future] = []
            for table in _row_groups(_read_parts([outdir.part(task.key) for task in tasks]), meta, schema):
                for future in pending:  # one row group written while the next is read
                    future.result()
                pending = [writers.submit(parquet.write_table, table), writers.submit(csv_out.write_table, table)]
                total += table.num_rows
            for future in pending:
                future.result()

    _write_pair(outdir.path / "segments.parquet", outdir.path / "segments.csv", write)
    return total


def _row_groups(parts: Iterable[pa.Table], meta: pa.Table, schema: pa.Schema) -> Iterator[pa.Table]:
    """Tables of about ``_ROW_GROUP`` rows from consecutive parts (part ``i`` is document
    ``meta[i]``), with the document's metadata columns added and columns in ``schema`` order."""
    buffer: list[pa.Table] = []
    first, rows_held = 0, 0  # document index of buffer[0], rows in the buffer

    def joined() -> pa.Table:
        segments = pa.concat_tables(buffer)
        rows = np.repeat(np.arange(first, first + len(buffer)), [part.num_rows for part in buffer])
        doc_meta = meta.take(pa.array(rows, pa.int64()))
        columns = {name: segments.column(name) for name in segments.column_names}
        columns.update({name: doc_meta.column(name) for name in doc_meta.column_names})
        return pa.Table.from_arrays([columns[name] for name in schema.names], schema=schema)

    for part in parts:
        buffer.append(part.replace_schema_metadata(None))
        rows_held += part.num_rows
        if rows_held >= _ROW_GROUP:
            yield joined()
            first, rows_held, buffer = first + len(buffer), 0, []
    if buffer:
        yield joined()


def _read_parts(paths: list[Path]) -> Iterator[pa.Table]:
    """The part files' tables in order, read by threads a bounded number ahead."""
    with ThreadPoolExecutor(_READERS) as pool:
        ahead: deque[Future] = deque()
        for path in paths:
            ahead.append(pool.submit(_read_part, path))
            if len(ahead) > _READ_AHEAD:
                yield ahead.popleft().result()
        while ahead:
            yield ahead.popleft().result()


def _read_part(path: Path) -> pa.Table:
    with pq.ParquetFile(path) as part:  # lighter than pq.read_table, which builds a dataset
        return part.read()


def _write_table(outdir: OutDir, table: pa.Table, name: str) -> None:
    def write(parquet_tmp: Path, csv_tmp: Path) -> None:
        pq.write_table(table, parquet_tmp)
        with TableCSVWriter(csv_tmp, table.schema) as csv_out:
            csv_out.write_table(table)

    _write_pair(outdir.path / f"{name}.parquet", outdir.path / f"{name}.csv", write)


def _write_pair(parquet: Path, csv_path: Path, write) -> None:
    """Write a Parquet file and its CSV twin together, each moved into place atomically."""
    write_atomic(parquet, lambda parquet_tmp: write_atomic(csv_path, lambda csv_tmp: write(parquet_tmp, csv_tmp)))


def _documents_table(documents: list[dict[str, Any]], themes: list[str]) -> pa.Table:
    """One row per document (:func:`polytag.tables.document_schema`): metadata keys standard
    ones first, then the others sorted, a key that clashes with a column as ``meta_<key>``."""
    others = sorted({key for doc in documents for key in doc["meta"]} - set(STANDARD_META))
    names = metadata_columns([*STANDARD_META, *others], themes)
    schema = document_schema(themes, names.values())
    rows = []
    for doc in documents:
        meta = doc["meta"]
        row = {name: doc.get(name) for name in schema.names}
        row.update({names[key]: meta.get(key) for key in names})
        row["year"] = year_of(meta)
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=schema)
