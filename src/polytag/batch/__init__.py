"""Batch tagging: every document under a folder, in parallel, resumable, into Parquet and CSV.

``tag_folder(path, out)`` reads, segments and tags each file (on local worker processes or a
Dask cluster), caches one part per file in ``out/.polytag/parts``, and writes
``segments.parquet``, ``documents.parquet`` (each with a ``.csv`` twin), ``errors.csv`` and
``run.json``. See :mod:`polytag.batch.outdir` for the layout.
"""
from __future__ import annotations

from polytag.batch.run import RunSummary, tag_folder

__all__ = ["RunSummary", "tag_folder"]
