"""Top keywords per document or group, as one table (``polytag.keywords`` does the extraction).

Keyword extraction works on one language at a time, so a group is split by language: the
keywords of KR's Korean documents and of its English translations are listed separately.
"""
from __future__ import annotations

import pandas as pd

from polytag.report.results import MISSING, group_labels, require_columns

KEYWORD_COLUMNS = ("lang", "rank", "term", "score")


def keyword_table(documents: pd.DataFrame, *, k: int = 10, by: str = "doc_id") -> pd.DataFrame:
    """The ``k`` best keywords of each group of ``documents`` (which need ``text`` and ``lang``):
    columns ``by``, lang, rank (1 = best), term, score. A group's texts are taken together."""
    from polytag.keywords import keywords

    require_columns(documents, ["text", by], source="documents", table="documents")
    frame = documents.assign(
        _group=group_labels(documents, by, source="documents").to_numpy(),
        _lang=group_labels(documents, "lang", source="documents").to_numpy() if "lang" in documents else MISSING,
    )
    rows = []
    for (group, lang), texts in frame.groupby(["_group", "_lang"], sort=True):
        text = "\n\n".join(t for t in texts["text"].dropna().astype(str) if t.strip())
        if not text:
            continue
        found = keywords(text, k=k, lang=None if lang == MISSING else lang)
        rows += [{by: group, "lang": lang, "rank": rank, "term": term, "score": score}
                 for rank, (term, score) in enumerate(found, start=1)]
    return pd.DataFrame(rows, columns=list(dict.fromkeys([by, *KEYWORD_COLUMNS])))
