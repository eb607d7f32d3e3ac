"""The passages behind a number: the highest-probability tagged segments of a theme per
group, and their text with the evidence highlighted as escaped HTML."""
from __future__ import annotations

from html import escape
from typing import Callable

import pandas as pd

from polytag.report.results import group_labels
from polytag.tables import require_columns, theme_columns

#: evidence sources that are codebook seed terms (the others are learned features)
SEED = "seed"


def top_passages(segments: pd.DataFrame, theme: str, *, by: str = "country", group: object = None,
                 k: int = 5) -> pd.DataFrame:
    """The ``k`` tagged segments with the highest ``p_<theme>`` in each group of ``by`` (or in
    ``group`` only): the passages counted in ``n_<theme>`` of :func:`theme_frequencies`.

    Columns: the group, doc_id, title (when known), segment, start, end, p, hits, text, terms
    (seed terms matched) and evidence (this theme's items only; offsets into ``text``).
    """
    require_columns(segments, theme_columns(theme), source="segments", table="segments")
    tagged = segments[segments[theme].astype(bool)]
    frame = tagged.assign(_group=group_labels(tagged, by, source="segments").to_numpy())
    if group is not None:
        frame = frame[frame["_group"] == str(group)]
    frame = frame.sort_values(["_group", f"p_{theme}", "doc_id", "segment"], ascending=[True, False, True, True])
    frame = frame.groupby("_group", sort=False).head(k)
    evidence = [[item for item in items if item.get("theme") == theme] for items in frame["evidence"]]
    out = pd.DataFrame({
        by: frame["_group"],
        "doc_id": frame["doc_id"],
        "title": frame["title"] if "title" in frame else pd.NA,
        "segment": frame["segment"].astype(int),
        "start": frame["start"].astype(int),
        "end": frame["end"].astype(int),
        "p": frame[f"p_{theme}"].astype(float),
        "hits": frame[f"hits_{theme}"].astype(float),
        "text": frame["text"],
        "terms": [sorted({str(i.get("term") or i.get("text")) for i in items if i.get("source") == SEED}) for items in evidence],
        "evidence": evidence,
    })
    return out.reset_index(drop=True)


def highlight(text: str, evidence: list[dict], *, escape_text: Callable[[str], str] = escape) -> str:
    """``text`` as HTML with each evidence span in ``<mark>``; every piece of text (around and
    inside the marks, and the terms in their titles) goes through ``escape_text``.

    Overlapping spans merge into one mark; a mark holding a seed term gets class ``seed``,
    one holding only learned features class ``feature``. Its title lists the terms.
    """
    spans = sorted(
        ((max(0, int(item["start"])), min(len(text), int(item["end"])), item) for item in evidence),
        key=lambda span: span[:2],
    )
    merged: list[tuple[int, int, list[dict]]] = []
    for start, end, item in spans:
        if end <= start:
            continue
        if merged and start < merged[-1][1]:
            last_start, last_end, items = merged[-1]
            merged[-1] = (last_start, max(last_end, end), [*items, item])
        else:
            merged.append((start, end, [item]))
    pieces, position = [], 0
    for start, end, items in merged:
        kind = SEED if any(i.get("source") == SEED for i in items) else "feature"
        terms = sorted({str(i.get("term") or i.get("text")) for i in items})
        pieces.append(escape_text(text[position:start]))
        pieces.append(f'<mark class="{kind}" title="{escape("; ".join(terms))}">{escape_text(text[start:end])}</mark>')
        position = end
    pieces.append(escape_text(text[position:]))
    return "".join(pieces)
