"""Theme frequencies per document or group, the numbers every report table and chart shows.

For each group and theme: ``n_<theme>`` segments tagged out of ``n_segments``, their
``share_<theme>``, the ``mean_p_<theme>`` probability over the group's segments, the summed
seed-term ``hits_<theme>`` and ``hits_per_10k_<theme>`` (hits per 10,000 word tokens).
Shares pool the group's segments: a long document weighs more than a short one.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from polytag.report.results import group_labels
from polytag.tables import require_columns, theme_columns, themes_of


def theme_frequencies(segments: pd.DataFrame, *, by: str = "country", themes: list[str] | None = None) -> pd.DataFrame:
    """One row per group of ``segments`` (sorted by group): ``by``, n_documents, n_segments,
    n_tokens, then per theme the statistics of :data:`polytag.tables.FREQUENCY_THEME_STATS`.

    ``segments``: a tagged segments table (``polytag tag`` output or ``Corpus.tag()``);
    ``by``: any of its columns, e.g. country, lang, year, doc_type, file or doc_id.
    """
    themes = themes or themes_of(segments)
    require_columns(segments, ["doc_id", "n_tokens", *(c for t in themes for c in theme_columns(t))],
                    source="segments", table="segments")
    keys = group_labels(segments, by, source="segments")
    grouped = segments.assign(_group=keys.to_numpy()).groupby("_group", sort=True)
    out = pd.DataFrame({
        "n_documents": grouped["doc_id"].nunique(),
        "n_segments": grouped.size(),
        "n_tokens": grouped["n_tokens"].sum().astype(int),
    })
    for theme in themes:
        tagged = grouped[theme].agg(lambda column: int(column.astype(bool).sum()))
        hits = grouped[f"hits_{theme}"].sum().astype(float)
        out[f"n_{theme}"] = tagged.astype(int)
        out[f"share_{theme}"] = tagged / out["n_segments"]
        out[f"mean_p_{theme}"] = grouped[f"p_{theme}"].mean()
        out[f"hits_{theme}"] = hits
        out[f"hits_per_10k_{theme}"] = np.where(out["n_tokens"] > 0, hits * 10_000 / out["n_tokens"].clip(lower=1), 0.0)
    return out.rename_axis(by).reset_index()
