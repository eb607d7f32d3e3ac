"""Tagging results as reports read them: segments, documents, errors and run information,
from a ``polytag tag --out`` folder or from a tagged :class:`polytag.Corpus`.

A results folder holds ``segments.parquet``, ``documents.parquet`` (a ``.csv`` of the same
name is read when the Parquet file is absent), ``errors.csv`` and ``run.json``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from polytag.errors import ERROR_COLUMNS, ResultsError
from polytag.tables import read_segments, read_years, require_columns, themes_of

#: label of a group whose key is missing (a document without a country, say)
MISSING = "(none)"


@dataclass
class Results:
    """What a report is made from.

    ``segments``: the segment table of :mod:`polytag.tables` with each segment's document
    metadata (``evidence`` as lists of dicts); ``documents``: one row per document with its
    metadata (and ``text`` when known); ``errors``: file, error, reason;
    ``themes``: theme names in codebook order; ``run``: how the results were made (polytag
    version, model, codebook); ``source``: where they came from, for messages.
    """

    segments: pd.DataFrame
    documents: pd.DataFrame
    errors: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(ERROR_COLUMNS)))
    themes: list[str] = field(default_factory=list)
    run: dict[str, Any] = field(default_factory=dict)
    source: str = "results"

    def __post_init__(self) -> None:
        self.themes = list(self.themes) or themes_of(self.segments)
        self.segments = read_segments(self.segments, self.themes, source=self.source)
        require_columns(self.documents, ["doc_id"], source=self.source, table="documents")
        self.documents = read_years(self.documents)


def load_results(outdir: str | Path) -> Results:
    """Read a results folder written by ``polytag tag PATH --out OUTDIR``.

    Raises :class:`~polytag.errors.ResultsError` naming the folder and what is missing when it
    is not a results folder or a table lacks a column the report needs.
    """
    folder = Path(outdir)
    if not folder.is_dir():
        raise ResultsError(folder, "no such folder" if not folder.exists() else "not a folder")
    run = _read_run(folder)
    segments = _read_table(folder, "segments")
    documents = _read_table(folder, "documents")
    errors_path = folder / "errors.csv"
    errors = pd.read_csv(errors_path, dtype=str) if errors_path.is_file() and errors_path.stat().st_size else None
    documents = documents.merge(rebuild_texts(segments), on="doc_id", how="left") if "text" not in documents else documents
    return Results(
        segments=segments,
        documents=documents,
        errors=errors if errors is not None else pd.DataFrame(columns=list(ERROR_COLUMNS)),
        themes=run.get("themes") or [],
        run=run,
        source=str(folder),
    )


def group_labels(frame: pd.DataFrame, by: str, *, source: str = "results") -> pd.Series:
    """The group of each row as a string; a missing key becomes ``"(none)"``.

    Years read back as floats (because a document had none) are shown as ``2025``, not ``2025.0``.
    """
    require_columns(frame, [by], source=source, table="segments")
    column = frame[by]
    if pd.api.types.is_float_dtype(column):
        column = column.astype("Int64")
    labels = column.astype("string").str.strip()
    return labels.mask(labels.isna() | (labels == ""), MISSING).astype(str)


def rebuild_texts(segments: pd.DataFrame) -> pd.DataFrame:
    """Each document's text (``doc_id``, ``text``) put back together from its segments.

    Segment offsets stay valid: ``text[start:end]`` is the segment's text. What lay between
    segments (whitespace, lines without letters) is not stored, so it comes back as newlines.
    """
    rows = []
    for doc_id, group in segments.sort_values(["doc_id", "start"]).groupby("doc_id", sort=False):
        parts: list[str] = []
        position = 0
        for start, text in zip(group["start"].astype(int), group["text"].astype(str)):
            parts.append("\n" * max(start - position, 0) + text[max(position - start, 0):])
            position = max(position, start + len(text))
        rows.append({"doc_id": doc_id, "text": "".join(parts)})
    return pd.DataFrame(rows, columns=["doc_id", "text"])


def _read_table(folder: Path, name: str) -> pd.DataFrame:
    parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
    try:
        if parquet.is_file():
            return pd.read_parquet(parquet)
        if csv.is_file():
            return pd.read_csv(csv)
    except (OSError, ValueError) as error:
        raise ResultsError(folder, f"cannot read {name}: {error}") from error
    raise ResultsError(
        folder, f"no {parquet.name} or {csv.name}: not a polytag results folder (make one with `polytag tag PATH --out OUTDIR`)"
    )


def _read_run(folder: Path) -> dict[str, Any]:
    path = folder / "run.json"
    if not path.is_file():
        return {}
    try:
        run = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ResultsError(folder, f"cannot read run.json: {error}") from error
    if not isinstance(run, dict):
        raise ResultsError(folder, "run.json is not a JSON object")
    return run
