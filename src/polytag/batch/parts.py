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

#: key of the JSON document summary (or error) in a part file's schema metadata
PART_META = b"polytag"


def segment_schema(themes: list[str]) -> pa.Schema:
    """Columns of a part file (and of ``segments.parquet`` before the document metadata)."""
    fields = [("doc_id", pa.string()), ("segment", pa.int64()), ("start", pa.int64()), ("end", pa.int64()),
              ("lang", pa.string()), ("text", pa.string()), ("n_tokens", pa.int64())]
    for theme in themes:
        fields += [(f"p_{theme}", pa.float64()), (theme, pa.bool_()), (f"hits_{theme}", pa.float64())]
    fields.append(("evidence", pa.string()))
    return pa.schema(fields)


def tag_file(task: FileTask, classifier) -> tuple[pa.Table, dict[str, Any]]:
    """Read, segment and tag one file: its segment table and its document summary.

    Raises a :class:`~polytag.errors.DocumentError` when the file cannot be read.
    """
    from polytag.io.reader import load_document
    from polytag.text import detect_language, segment
    from polytag.themes.segments import text_unit
    from polytag.themes.tagging import evidence_json, tag

    document = load_document(Path(task.path), doc_id=task.doc_id, manifest_meta=task.manifest_meta,
                             ocr=task.ocr)
    lang = document.meta.get("lang") or detect_language(document.text)
    segments = segment(document.text, doc_id=document.id, lang=lang)
    themes = list(classifier.themes_)
    schema = segment_schema(themes)
    info: dict[str, Any] = {"doc_id": document.id, "format": document.format, "encoding": document.encoding,
                            "meta": {**document.meta, "lang": lang} if lang else document.meta,
                            "n_chars": len(document.text), "n_segments": len(segments), "n_tokens": 0,
                            "warnings": "; ".join(document.warnings) or None}
    if not segments:
        for theme in themes:
            info.update({f"n_{theme}": 0, f"share_{theme}": None, f"mean_p_{theme}": None, f"hits_{theme}": 0.0})
        return schema.empty_table(), {"document": info}
    frame = tag(segments, model=classifier)
    text_unit.cache_clear()  # tokens are not needed again; keeps a worker's memory flat
    frame["evidence"] = [evidence_json(items) for items in frame["evidence"]]
    table = pa.Table.from_pandas(frame[schema.names], schema=schema, preserve_index=False)
    info["n_tokens"] = int(frame["n_tokens"].sum())
    for theme in themes:
        tagged = int(frame[theme].sum())
        mean = float(frame[f"p_{theme}"].mean())
        info.update({f"n_{theme}": tagged, f"share_{theme}": tagged / len(frame),
                     f"mean_p_{theme}": mean if math.isfinite(mean) else None,
                     f"hits_{theme}": float(frame[f"hits_{theme}"].sum())})
    return table, {"document": info}


def write_part(target: Path, table: pa.Table | None, summary: dict[str, Any], themes: list[str]) -> int:
    """Write a part file atomically (an empty one for a file that failed); returns its rows."""
    table = segment_schema(themes).empty_table() if table is None else table
    table = table.replace_schema_metadata({PART_META: json.dumps(summary, ensure_ascii=False).encode("utf-8")})
    write_atomic(target, lambda tmp: pq.write_table(table, tmp))
    return table.num_rows


def read_part_summary(path: Path) -> dict[str, Any]:
    """The document summary (``{"document": {...}}``) or ``{"error": {...}}`` of a part file."""
    return json.loads(pq.read_schema(path).metadata[PART_META])
