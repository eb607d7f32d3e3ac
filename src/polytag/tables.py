"""The tables tagging ends in, declared once: the segment table (one row per segment) and the
document table (one row per document). The pipeline builds them, ``polytag tag`` stores them
(Parquet and CSV), ``Corpus`` and reports read them back, all through this module.

Segment table: ``doc_id``, ``segment``, ``start``, ``end``, ``lang``, ``text``, ``n_tokens``,
then per theme ``p_<theme>`` (probability), ``<theme>`` (tagged) and ``hits_<theme>``
(weighted seed-term hits), then ``evidence``: a list of dicts in memory, a JSON string in files
(:func:`evidence_json`, :func:`evidence_items`). Stored tables repeat the document's file and
metadata on each row, its language as ``doc_lang``.

Document table: ``doc_id``, ``doc_lang``, ``n_segments``, ``n_segments_und`` (segments in no
registered language), ``n_tokens``, then per theme
``n_<theme>`` (segments tagged), ``share_<theme>``, ``mean_p_<theme>`` and ``hits_<theme>``;
stored ones add the file, its metadata, ``n_chars`` and ``warnings``.

A theme name becomes column names, so a name whose columns would take another column's name
is refused (:func:`check_theme_names`); a metadata key that would is renamed ``meta_<key>``
(:func:`metadata_columns`).

Light on purpose (pandas and pyarrow load inside the functions that need them): codebooks are
checked here in processes that must not import them.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from polytag.errors import ResultsError, ThemeNameError

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

#: columns of a segment that come from segmentation, before tokens and tags
SEGMENT_KEYS = ("doc_id", "segment", "start", "end", "lang", "text")
#: the segment table's columns before the theme columns, with their types
SEGMENT_FIELDS = {"doc_id": "string", "segment": "int64", "start": "int64", "end": "int64", "lang": "string",
                  "text": "string", "n_tokens": "int64"}
#: the segment table's columns of one theme: prefix ("" for the column named after the theme) -> type
SEGMENT_THEME_FIELDS = {"p_": "float64", "": "bool", "hits_": "float64"}
#: the last column of the segment table
EVIDENCE = "evidence"
#: the document table's columns before the theme columns, with their types
DOCUMENT_FIELDS = {"doc_id": "string", "doc_lang": "string", "n_segments": "int64", "n_segments_und": "int64",
                   "n_tokens": "int64"}
#: the document table's columns of one theme: prefix -> type
DOCUMENT_THEME_FIELDS = {"n_": "int64", "share_": "float64", "mean_p_": "float64", "hits_": "float64"}
#: what a document's file adds to a stored document table, after ``doc_id``
FILE_FIELDS = {"file": "string", "format": "string", "encoding": "string"}
#: what reading adds to a stored document table: ``n_chars`` before the counts, ``warnings`` last
READ_FIELDS = {"n_chars": "int64", "warnings": "string"}
#: metadata every stored document table has a column for, in this order (``year`` from ``date``)
STANDARD_META = ("title", "country", "lang", "date", "year", "doc_type")
#: the counts of every group of a frequency table (:mod:`polytag.report.frequencies`), in order
FREQUENCY_COUNTS = ("n_documents", "n_segments", "n_tokens")
#: the statistics of one theme in a frequency table, in order (column ``<stat>_<theme>``)
FREQUENCY_THEME_STATS = ("n", "share", "mean_p", "hits", "hits_per_10k")
#: column names that a theme name, or a column made from one, must not take
RESERVED_COLUMNS = frozenset({*SEGMENT_FIELDS, EVIDENCE, *DOCUMENT_FIELDS, *FILE_FIELDS, *READ_FIELDS,
                              *STANDARD_META, *FREQUENCY_COUNTS})
_PREFIXES = tuple(p for p in dict.fromkeys([*SEGMENT_THEME_FIELDS, *DOCUMENT_THEME_FIELDS,
                                            *(f"{stat}_" for stat in FREQUENCY_THEME_STATS)]) if p)


def theme_columns(theme: str, table: str = "segments") -> list[str]:
    """The columns ``theme`` gets in the ``"segments"`` or ``"documents"`` table."""
    prefixes = SEGMENT_THEME_FIELDS if table == "segments" else DOCUMENT_THEME_FIELDS
    return [prefix + theme for prefix in prefixes]


def segment_columns(themes: Iterable[str]) -> list[str]:
    """The columns of a segment table tagged with ``themes``, in order."""
    return [*SEGMENT_FIELDS, *(c for t in themes for c in theme_columns(t)), EVIDENCE]


def document_columns(themes: Iterable[str]) -> list[str]:
    """The columns of a document table (counts) for ``themes``, in order."""
    return [*DOCUMENT_FIELDS, *(c for t in themes for c in theme_columns(t, "documents"))]


def check_theme_names(themes: Iterable[Any], *, origin: str = "codebook") -> None:
    """Raise :class:`~polytag.errors.ThemeNameError` for a theme name that is a column already,
    starts like a theme column (``p_``, ``n_``, ``hits_``, ...) or whose columns would take a
    column's name (``tokens`` would make ``n_tokens``), and for two themes whose columns meet."""
    made_by: dict[str, str] = {}  # column -> the theme that makes it
    for theme in map(str, themes):
        made = [theme, *(prefix + theme for prefix in _PREFIXES)]
        if theme.startswith(_PREFIXES) or any(c in RESERVED_COLUMNS for c in made):
            raise ThemeNameError(f"{origin}: theme name {theme!r} collides with a column of the tagging tables; "
                                 "rename the theme")
        shared = next((c for c in made if c in made_by), None)
        if shared is not None:
            raise ThemeNameError(f"{origin}: theme name {theme!r} collides with theme {made_by[shared]!r} "
                                 f"(both make the column {shared!r}); rename one of them")
        made_by.update(dict.fromkeys(made, theme))


def metadata_columns(keys: Iterable[str], themes: Iterable[str]) -> dict[str, str]:
    """Column name of each document metadata key in tables tagged with ``themes``: the key
    itself, or ``meta_<key>`` where it would collide with a table column (a manifest column
    called ``openness`` or ``n_tokens``)."""
    taken = {*RESERVED_COLUMNS, *segment_columns(themes), *document_columns(themes)} - set(STANDARD_META)
    return {key: f"meta_{key}" if key in taken else key for key in keys}


def themes_of(segments: "pd.DataFrame") -> list[str]:
    """The themes of a tagged segment table: every ``X`` with both an ``X`` and a ``p_X`` column."""
    return [c[2:] for c in segments.columns if str(c).startswith("p_") and c[2:] in segments.columns]


def evidence_json(evidence: list[dict]) -> str:
    """Evidence as the compact JSON string stored in Parquet and CSV files."""
    return json.dumps(evidence, ensure_ascii=False, separators=(",", ":"))


def evidence_items(value: Any) -> list[dict]:
    """Evidence as a list of dicts, from what a table holds: a JSON string (files), a list or
    array of mappings (Parquet read back, memory), or nothing."""
    if isinstance(value, str):
        return json.loads(value) if value else []
    if value is None or (isinstance(value, float) and value != value):
        return []
    return [dict(item) for item in value]


def segment_schema(themes: Iterable[str]) -> "pa.Schema":
    """The Arrow schema of a stored segment table (before the document's file and metadata)."""
    import pyarrow as pa

    themes = list(themes)
    fields = [*SEGMENT_FIELDS.items(),
              *((prefix + t, kind) for t in themes for prefix, kind in SEGMENT_THEME_FIELDS.items()),
              (EVIDENCE, "string")]
    return pa.schema([(name, pa.type_for_alias(kind)) for name, kind in fields])


def document_schema(themes: Iterable[str], metadata: Iterable[str]) -> "pa.Schema":
    """The Arrow schema of a stored document table: doc_id, file, format, encoding, the
    ``metadata`` columns (``year`` an integer, the others text), n_chars, the counts of
    ``themes`` (:func:`document_columns` after ``doc_lang``, which is the ``lang`` metadata
    here) and warnings."""
    import pyarrow as pa

    counts = [*list(DOCUMENT_FIELDS.items())[2:],
              *((prefix + t, kind) for t in themes for prefix, kind in DOCUMENT_THEME_FIELDS.items())]
    meta = [(name, "int64" if name == "year" else "string") for name in metadata]
    fields = [("doc_id", "string"), *FILE_FIELDS.items(), *meta, ("n_chars", READ_FIELDS["n_chars"]), *counts,
              ("warnings", READ_FIELDS["warnings"])]
    return pa.schema([(name, pa.type_for_alias(kind)) for name, kind in fields])


def segment_metadata(columns: Iterable[str], themes: Iterable[str]) -> dict[str, str]:
    """The document columns (of a stored document table or ``Corpus.documents``) that a
    stored segment table repeats on each row, ``file`` then the metadata, each with its name
    there: ``lang`` is ``doc_lang`` (``lang`` is the segment's), a key that would collide
    ``meta_<key>`` (:func:`metadata_columns`)."""
    themes = list(themes)
    skip = {"doc_id", "text", "format", "encoding", *READ_FIELDS, *document_columns(themes)}
    keys = [c for c in columns if c not in skip]
    keys = [*(k for k in ("file", *STANDARD_META) if k in keys), *(k for k in keys if k not in STANDARD_META
                                                                   and k != "file")]
    names = metadata_columns([k for k in keys if k != "file"], themes)
    return {key: "file" if key == "file" else "doc_lang" if key == "lang" else names[key] for key in keys}


def segment_table(frame: "pd.DataFrame", themes: Iterable[str]) -> "pa.Table":
    """A segment table as stored: the columns of :func:`segment_schema`, evidence as JSON."""
    import pyarrow as pa

    schema = segment_schema(themes)
    frame = frame.assign(**{EVIDENCE: [evidence_json(items) for items in frame[EVIDENCE]]})
    return pa.Table.from_pandas(frame[schema.names], schema=schema, preserve_index=False)


def read_segments(frame: "pd.DataFrame", themes: Iterable[str], *, source: str) -> "pd.DataFrame":
    """A segment table read back (from files or memory) as polytag uses it: checked for the
    columns of ``themes`` (:class:`~polytag.errors.ResultsError` names what is missing),
    evidence as lists of dicts and ``year`` as a nullable integer."""
    require_columns(frame, segment_columns(themes), source=source, table="segments")
    frame = read_years(frame)
    frame[EVIDENCE] = [evidence_items(value) for value in frame[EVIDENCE]]
    return frame


def read_years(frame: "pd.DataFrame") -> "pd.DataFrame":
    """A copy of ``frame`` whose ``year`` (if any) is a nullable integer."""
    import pandas as pd

    frame = frame.copy()
    if "year" in frame.columns:
        frame["year"] = pd.to_numeric(frame["year"], errors="coerce").astype("Int64")
    return frame


def document_frame(rows: list[Mapping[str, Any]], themes: Iterable[str]) -> "pd.DataFrame":
    """Document-table rows as a DataFrame with the declared columns and types (counts as
    integers; a share or mean without segments as a missing value)."""
    import pandas as pd

    themes = list(themes)
    types = {**DOCUMENT_FIELDS, **{prefix + t: kind for t in themes for prefix, kind in DOCUMENT_THEME_FIELDS.items()}}
    frame = pd.DataFrame(list(rows), columns=document_columns(themes))
    return frame.astype({name: "object" if kind == "string" else kind for name, kind in types.items()})


def require_columns(frame: "pd.DataFrame", columns: Iterable[str], *, source: str, table: str) -> None:
    """Raise :class:`~polytag.errors.ResultsError` listing the ``columns`` that ``frame`` lacks."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ResultsError(source, f"the {table} table has no column {', '.join(map(repr, missing))}")
