"""Top keywords per document or group, as one table (``polytag.keywords`` does the extraction).

Keyword extraction works on one language at a time, so a group is split by language: the
keywords of KR's Korean documents and of its English translations are listed separately.
Text in no registered language (``"und"``, declared or detected) has no keywords.
A group's text longer than ``MAX_KEYWORD_CHARS`` is sampled: paragraphs evenly spread over
it, so a report's keywords take bounded time and memory however large the documents.
"""
from __future__ import annotations

import pandas as pd

from polytag.report.results import MISSING, group_labels
from polytag.tables import require_columns

KEYWORD_COLUMNS = ("lang", "rank", "term", "score")
#: the most characters of a group's text that its keywords are taken from
MAX_KEYWORD_CHARS = 100_000


def sample_text(text: str, limit: int = MAX_KEYWORD_CHARS) -> str:
    """``text`` if it has at most ``limit`` characters; else whole paragraphs taken at an even
    stride from start to end, at most ``limit`` characters in all (deterministic; a text of
    one huge paragraph gives its start)."""
    if len(text) <= limit:
        return text
    paragraphs = text.split("\n\n")
    step = len(text) / limit
    chosen, budget, position = [], 0.0, 0
    for paragraph in paragraphs:  # keep a paragraph each time the stride passes its start
        if position >= budget * step and budget + len(paragraph) <= limit:
            chosen.append(paragraph)
            budget += len(paragraph) + 2
        position += len(paragraph) + 2
    return "\n\n".join(chosen) if chosen else text[:limit]


def keyword_table(documents: pd.DataFrame, *, k: int = 10, by: str = "doc_id",
                  max_chars: int = MAX_KEYWORD_CHARS) -> pd.DataFrame:
    """The ``k`` best keywords of each group of ``documents`` (which need ``text`` and ``lang``):
    columns ``by``, lang, rank (1 = best), term, score. A group's texts are taken together,
    sampled to ``max_chars`` (:func:`sample_text`)."""
    from polytag.keywords import keywords
    from polytag.text import FALLBACK_LANG, UNDETERMINED, detect_language

    require_columns(documents, ["text", by], source="documents", table="documents")
    frame = documents.assign(
        _group=group_labels(documents, by, source="documents").to_numpy(),
        _lang=group_labels(documents, "lang", source="documents").to_numpy() if "lang" in documents else MISSING,
    )
    rows = []
    for (group, lang), texts in frame.groupby(["_group", "_lang"], sort=True):
        text = sample_text("\n\n".join(t for t in texts["text"].dropna().astype(str) if t.strip()), max_chars)
        code = detect_language(text, default=FALLBACK_LANG) if lang == MISSING else lang
        if not text or code == UNDETERMINED:
            continue
        found = keywords(text, k=k, lang=code)
        rows += [{by: group, "lang": lang, "rank": rank, "term": term, "score": score}
                 for rank, (term, score) in enumerate(found, start=1)]
    return pd.DataFrame(rows, columns=list(dict.fromkeys([by, *KEYWORD_COLUMNS])))
