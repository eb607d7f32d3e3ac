"""Part files: the segments of one input file as Parquet, with the document's summary (or
its error) as JSON in the schema metadata. Workers write them; the assembly reads them."""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from polytag.batch.worker import FileTask
from polytag.io.atomic import write_atomic
from polytag.tables import segment_schema, segment_table

#: key of the JSON document summary (or error) in a part file's schema metadata
PART_META = b"polytag"


def tag_file(task: FileTask, classifier) -> tuple[pa.Table, dict[str, Any]]:
    """Read one file and tag it with :func:`polytag.pipeline.tag_documents`: its segment table
    and its document summary.

    Raises a :class:`~polytag.errors.DocumentError` when the file cannot be read.
    """
    from polytag.io.reader import load_document
    from polytag.pipeline import tag_documents
    from polytag.text.caches import TOKEN_CACHES

    document = load_document(Path(task.path), doc_id=task.doc_id, manifest_meta=task.manifest_meta,
                             ocr=task.ocr)
    frame, documents, _ = tag_documents([(document.id, document.text, document.meta.get("lang"))], model=classifier,
                                        fallback_lang=task.fallback_lang)
    TOKEN_CACHES.release_texts()  # tokens are not needed again; keeps a worker's memory flat
    counts = documents.iloc[0].to_dict()
    lang = counts.pop("doc_lang")
    info: dict[str, Any] = {"doc_id": document.id, "format": document.format, "encoding": document.encoding,
                            "meta": {**document.meta, "lang": lang} if lang else document.meta,
                            "n_chars": len(document.text), "warnings": "; ".join(document.warnings) or None,
                            **{k: _plain(v) for k, v in counts.items() if k != "doc_id"}}
    return segment_table(frame, classifier.themes_), {"document": info}


def _plain(value: Any) -> Any:
    """A count as a JSON value: NumPy numbers as Python ones, NaN and None as None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def write_part(target: Path, table: pa.Table | None, summary: dict[str, Any], themes: list[str]) -> int:
    """Write a part file atomically (an empty one for a file that failed); returns its rows."""
    table = segment_schema(themes).empty_table() if table is None else table
    table = table.replace_schema_metadata({PART_META: json.dumps(summary, ensure_ascii=False).encode("utf-8")})
    write_atomic(target, lambda tmp: pq.write_table(table, tmp))
    return table.num_rows


def read_part_summary(path: Path) -> dict[str, Any]:
    """The document summary (``{"document": {...}}``) or ``{"error": {...}}`` of a part file."""
    return json.loads(pq.read_schema(path).metadata[PART_META])
