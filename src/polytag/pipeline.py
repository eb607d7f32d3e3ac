"""The one tagging pipeline: documents -> segments -> tokens -> tags -> the segment and document
tables (declared in :mod:`polytag.tables`). ``polytag.Corpus.tag`` and the batch worker (``polytag tag``) call
:func:`tag_documents`; ``polytag.tag`` tags segments it is given through the same
:func:`~polytag.themes.tagging.tag_units`.

A document's language is its declared one (manifest, sidecar, front matter) or the one detected
from its whole text; each segment takes it from its document unless its own script says
otherwise (:func:`polytag.text.segment`). Text without letters is in the ``fallback_lang``
setting ("en" unless a caller says otherwise); a segment in no registered language is ``"und"``
and gets no tokens and no themes (``p_<theme>`` empty). A segment's language is resolved here,
once. Per-document counts are computed here, once.
"""
from __future__ import annotations

import math
from typing import Any, Iterable, NamedTuple

import pandas as pd

from polytag.tables import SEGMENT_KEYS, document_frame
from polytag.text.base import UNDETERMINED
from polytag.text.detect import FALLBACK_LANG, detect_language


def resolve_language(text: str, declared: Any, fallback_lang: str) -> str:
    """The language of a document or segment: ``declared`` when given, else the one detected
    from its text (``"und"`` for a script no language is written in), ``fallback_lang`` when
    it has no letters."""
    if isinstance(declared, str) and declared:
        return declared
    return detect_language(text, default=fallback_lang)


class Tagged(NamedTuple):
    """What :func:`tag_documents` returns: the two tables and the model that tagged them."""

    segments: pd.DataFrame
    documents: pd.DataFrame
    model: Any


def tag_documents(documents: Iterable[tuple[str, str, Any]], *, model: Any = None, codebook: Any = None,
                  fallback_lang: str = FALLBACK_LANG) -> Tagged:
    """Segment, tokenize and tag ``documents`` (``(doc_id, text, declared language)`` triples).

    Returns the segment table and the document table (:func:`document_counts`) of
    :mod:`polytag.tables`, evidence as lists of dicts, and the model. ``model``/``codebook`` as
    for :func:`polytag.tag`; ``fallback_lang``: the language of a document without letters.
    """
    from polytag.themes.segments import as_units
    from polytag.themes.tagging import resolve_model, tag_units

    frame, langs = segment_documents(documents, fallback_lang=fallback_lang)
    units = as_units(frame[["text", "lang"]])  # tokenized once: to fit a codebook's model, tag and count
    classifier = resolve_model(model, codebook, units)
    segments = tag_units(frame, units, classifier)
    return Tagged(segments, document_counts(segments, langs, list(classifier.themes_)), classifier)


def segment_documents(documents: Iterable[tuple[str, str, Any]], *,
                      fallback_lang: str = FALLBACK_LANG) -> tuple[pd.DataFrame, dict[str, str]]:
    """The segments of ``documents`` (``(doc_id, text, declared language)`` triples) as a
    table of :data:`SEGMENT_KEYS`, and each document's language (``fallback_lang`` for a
    document without letters)."""
    from polytag.text import get_language, segment

    get_language(fallback_lang)  # an unknown code fails here, before any work
    rows, langs = [], {}
    for doc_id, text, declared in documents:
        lang = langs[doc_id] = resolve_language(text, declared, fallback_lang)
        rows += [{"doc_id": doc_id, "segment": s.index, "start": s.start, "end": s.end, "lang": s.lang,
                  "text": s.text} for s in segment(text, doc_id=doc_id, lang=lang)]
    return pd.DataFrame(rows, columns=list(SEGMENT_KEYS)), langs


def document_counts(segments: pd.DataFrame, langs: dict[str, str], themes: list[str]) -> pd.DataFrame:
    """The document table: one row per document of ``langs`` (documents without segments
    included): doc_id, doc_lang, n_segments, n_segments_und (those in no registered language),
    n_tokens, and per theme ``n_<theme>`` (segments tagged), ``share_<theme>`` (of all its
    segments, ``und`` ones counting as untagged; empty without segments), ``mean_p_<theme>``
    (over the segments that have one) and ``hits_<theme>`` (summed seed-term hits)."""
    by_doc = dict(tuple(segments.groupby("doc_id", sort=False))) if len(segments) else {}
    rows = []
    for doc_id, lang in langs.items():
        part = by_doc.get(doc_id)
        n = 0 if part is None else len(part)
        row: dict[str, Any] = {"doc_id": doc_id, "doc_lang": lang, "n_segments": n,
                               "n_segments_und": 0 if part is None else int((part["lang"] == UNDETERMINED).sum()),
                               "n_tokens": 0 if part is None else int(part["n_tokens"].sum())}
        for theme in themes:
            tagged = 0 if part is None else int(part[theme].sum())
            mean = float(part[f"p_{theme}"].mean()) if n else math.nan
            row.update({f"n_{theme}": tagged, f"share_{theme}": tagged / n if n else None,
                        f"mean_p_{theme}": mean if math.isfinite(mean) else None,
                        f"hits_{theme}": 0.0 if part is None else float(part[f"hits_{theme}"].sum())})
        rows.append(row)
    return document_frame(rows, themes)
