"""The segments of a corpus, tokenized once, that both suggestions work on."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from polytag.errors import PolytagError
from polytag.pipeline import segment_documents
from polytag.tables import SEGMENT_KEYS
from polytag.text import UNDETERMINED
from polytag.themes.evaluate import with_doc_id
from polytag.themes.segments import TextUnit, as_units


def segment_pool(corpus: Any, *, lang: str | None = None) -> tuple[pd.DataFrame, list[TextUnit]]:
    """Segments of ``corpus`` (a path, a :class:`polytag.Corpus`, a DataFrame of documents
    with ``doc_id``, ``text`` and ``lang``, or a DataFrame of segments with ``start``/``end``)
    with their tokens; ``lang`` keeps one language only."""
    documents = _documents(corpus)
    if {"start", "end"} <= set(documents.columns):  # already segments
        frame = documents.reindex(columns=list(SEGMENT_KEYS)).copy()
    else:  # segmented as tagging does
        frame, _ = segment_documents(zip(documents["doc_id"].astype(str), documents["text"].astype(str),
                                         documents["lang"]))
    frame = frame[frame["text"].astype(str).str.strip() != ""]
    if lang is not None:
        frame = frame[frame["lang"] == lang]
    units = as_units(frame[["text", "lang"]])
    known = [u.lang != UNDETERMINED for u in units]  # text in no language polytag reads is never suggested
    frame = frame[known].reset_index(drop=True).assign(lang=[u.lang for u, k in zip(units, known) if k])
    if frame.empty:
        raise PolytagError("the corpus holds no segments" + (f" in {lang!r}" if lang else ""))
    return frame, [u for u, k in zip(units, known) if k]


def _documents(corpus: Any) -> pd.DataFrame:
    if isinstance(corpus, (str, Path)):
        from polytag.corpus import Corpus

        corpus = Corpus.from_folder(corpus)
    frame = getattr(corpus, "documents", corpus)
    if not isinstance(frame, pd.DataFrame) or "text" not in frame.columns or frame.empty:
        raise PolytagError("no document to read: give a folder, a polytag.Corpus or a DataFrame with a 'text' column")
    frame = with_doc_id(frame).copy()
    if "doc_id" not in frame.columns:
        frame["doc_id"] = [f"text{i + 1}" for i in range(len(frame))]
    if "lang" not in frame.columns:
        frame["lang"] = None
    return frame
