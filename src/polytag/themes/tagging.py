"""``polytag.tag``: theme probabilities, decisions and evidence for segments, as a DataFrame."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from polytag.errors import PolytagError
from polytag.pipeline import resolve_language
from polytag.tables import EVIDENCE, theme_columns
from polytag.text import FALLBACK_LANG, UNDETERMINED, Segment, get_language, segment
from polytag.themes.classifier import ThemeClassifier
from polytag.themes.codebook import Codebook
from polytag.themes.model_io import load_default_model, load_model
from polytag.themes.segments import TextUnit, as_units


def resolve_model(model: ThemeClassifier | str | None, codebook: Codebook | str | None, X: Any) -> ThemeClassifier:
    """The model to tag with: a given one (object or saved folder); for a custom codebook and
    no model, its seed terms (there are no labels to learn from); else the shipped model."""
    if isinstance(model, ThemeClassifier):
        return model
    if model is not None:
        return load_model(model)
    if codebook is not None:
        return ThemeClassifier(Codebook.load(codebook)).fit(X)
    return load_default_model()


def tag(text_or_segments: Any, codebook: Codebook | str | None = None, model: ThemeClassifier | str | None = None,
        *, lang: str | None = None, fallback_lang: str = FALLBACK_LANG) -> pd.DataFrame:
    """Tag segments with themes.

    ``text_or_segments``: a document's text (segmented first), a list of segment strings, of
    ``(text, lang)`` pairs or of :class:`polytag.Segment`, or a DataFrame with ``text`` (and
    ``lang``). ``lang``: the language of every segment that has none (else detected per
    segment); ``fallback_lang``: the language of text without letters. Returns one
    row per segment: its text and language, ``p_<theme>`` probabilities, ``<theme>`` booleans,
    ``hits_<theme>`` weighted seed-term hits, ``n_tokens``, and ``evidence`` for the themes
    given (a list of dicts with theme, text, start, end, source, weight, term; offsets into
    the segment text). A segment in no registered language has lang ``"und"``, no tokens,
    empty (NaN) probabilities and no theme.
    """
    get_language(fallback_lang)  # an unknown code fails here, before any work
    if isinstance(text_or_segments, str):
        _refuse_path(text_or_segments)
        text_or_segments = segment(text_or_segments, lang=resolve_language(text_or_segments, lang, fallback_lang))
    frame = _segments_frame(text_or_segments, lang)
    frame["lang"] = [resolve_language(text, code, fallback_lang) for text, code in zip(frame["text"], frame["lang"])]
    units = as_units(frame[["text", "lang"]])  # tokenized once, for fitting, tagging and counting
    return tag_units(frame, units, resolve_model(model, codebook, units))


def _refuse_path(text: str) -> None:
    """``tag`` takes text: a string that names a file, or looks like a path, is an error."""
    from polytag.io.folder import looks_like_path, path_or_text

    if looks_like_path(text) and path_or_text(text) is not None:
        raise PolytagError(f"polytag.tag takes text, and {text!r} is a file or folder: tag its documents with "
                           "polytag.Corpus.from_folder(path).tag(), or pass polytag.read_document(path).text")


def tag_units(frame: pd.DataFrame, units: list[TextUnit], classifier: ThemeClassifier) -> pd.DataFrame:
    """:func:`tag`'s columns added to ``frame``, whose rows are the tokenized ``units``: those
    of a segment table (:mod:`polytag.tables`) after the columns ``frame`` has. Units in no
    registered language (``"und"``) are not shown to the classifier: their probabilities are
    NaN (not estimated), their themes False, their hits 0."""
    known = [i for i, u in enumerate(units) if u.lang != UNDETERMINED]
    shape = (len(units), len(classifier.themes_))
    proba, decisions, hits = np.full(shape, np.nan), np.zeros(shape, dtype=bool), np.zeros(shape)
    evidence: list[list[dict]] = [[] for _ in units]
    if known:
        tagged = classifier.tag([units[i] for i in known])
        proba[known], decisions[known], hits[known] = tagged.proba, tagged.decisions, tagged.hits
        for i, found in zip(known, tagged.evidence):
            # dict(vars(e)): what dataclasses.asdict gives for these flat records, without its deep copy
            evidence[i] = [dict(vars(e)) for items in found.values() for e in items]
    frame["lang"] = [u.lang for u in units]
    frame["n_tokens"] = [sum(1 for t in u.tokens if t.is_word) for u in units]
    for j, theme in enumerate(classifier.themes_):
        p, tagged_column, hits_column = theme_columns(theme)
        frame[p] = proba[:, j]
        frame[tagged_column] = decisions[:, j]
        frame[hits_column] = hits[:, j]
    frame[EVIDENCE] = evidence
    return frame


def _segments_frame(items: Any, lang: str | None) -> pd.DataFrame:
    if isinstance(items, pd.DataFrame):
        frame = items.copy()
        if "lang" not in frame.columns:
            frame["lang"] = lang
        return frame.reset_index(drop=True)
    rows = []
    for item in items:
        if isinstance(item, Segment):
            rows.append({"doc_id": item.doc_id, "segment": item.index, "start": item.start, "end": item.end,
                         "lang": item.lang or lang, "text": item.text})
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):  # (text, lang)
            rows.append({"text": item[0], "lang": item[1] or lang})
        else:
            rows.append({"text": str(item), "lang": lang})
    return pd.DataFrame(rows, columns=None if rows else ["text", "lang"])
