"""Keyness: which terms set a group of documents apart from the rest, as quanteda's
``textstat_keyness`` does.

The statistics live in :func:`keyness_statistics`, which takes two count vectors, so that any
level with counts (terms here; themes or codebook concepts elsewhere) can use them.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import chi2 as chi2_distribution

from polytag.errors import PolytagError, UnknownOptionError
from polytag.keywords.corpus import Text, as_texts
from polytag.keywords.terms import Term, index_terms

MEASURES = {"chi2": "chi2", "lr": "G2"}
#: the zero-count correction of Hardie's log ratio
_LOG_RATIO_CORRECTION = 0.5


def keyness_statistics(
    target: pd.Series,
    reference: pd.Series,
    *,
    measure: str = "chi2",
    target_total: float | None = None,
    reference_total: float | None = None,
) -> pd.DataFrame:
    """Keyness of every feature of two count vectors (indexed by feature; missing = 0).

    Columns: n_target, n_reference, chi2 (Yates-corrected), G2 (log-likelihood, Williams-
    corrected: quanteda's defaults), p (of the chosen measure, 1 degree of freedom) and
    log_ratio (log2 of the relative frequencies, 0.5 added to zero counts). Both statistics are
    signed: negative where the feature is relatively more frequent in the reference. Sorted by
    ``measure`` ("chi2" or "lr"), descending. The totals default to the sums of the vectors;
    give them when the counts do not sum to the size of each group (overlapping terms).
    """
    if measure not in MEASURES:
        raise UnknownOptionError(f"unknown keyness measure {measure!r}; use one of {', '.join(MEASURES)}")
    counts = pd.concat([target.rename("n_target"), reference.rename("n_reference")], axis=1).fillna(0)
    a = counts["n_target"].to_numpy(dtype=float)
    b = counts["n_reference"].to_numpy(dtype=float)
    size_t = float(target_total if target_total is not None else a.sum())
    size_r = float(reference_total if reference_total is not None else b.sum())
    c, d = size_t - a, size_r - b
    n = size_t + size_r
    row, col_t, col_r = a + b, size_t, size_r
    expected_a = row * col_t / n
    sign = np.sign(a - expected_a)
    with np.errstate(divide="ignore", invalid="ignore"):
        numerator = np.maximum(np.abs(a * d - b * c) - n / 2, 0) ** 2
        chi2 = np.nan_to_num(n * numerator / (row * (c + d) * col_t * col_r)) * sign
        observed = np.stack([a, b, c, d])
        expected = np.stack([expected_a, row * col_r / n, (c + d) * col_t / n, (c + d) * col_r / n])
        terms = np.where(observed > 0, observed * np.log(observed / expected), 0.0)
        williams = 1 + (n / row + n / (c + d) - 1) * (n / col_t + n / col_r - 1) / (6 * n)
        g2 = np.nan_to_num(2 * terms.sum(axis=0) / williams) * sign
    statistic = chi2 if measure == "chi2" else g2
    frame = counts.astype(int).assign(
        chi2=chi2,
        G2=g2,
        p=chi2_distribution.sf(np.abs(statistic), 1),
        log_ratio=np.log2(
            (np.where(a > 0, a, _LOG_RATIO_CORRECTION) / size_t) / (np.where(b > 0, b, _LOG_RATIO_CORRECTION) / size_r)
        ),
    )
    return frame.sort_values(MEASURES[measure], ascending=False, kind="stable")


def keyness(
    corpus: Any,
    *,
    by: str = "country",
    target: Any,
    measure: str = "chi2",
    lang: str | None = None,
) -> pd.DataFrame:
    """Terms that set the documents whose ``by`` metadata equals ``target`` apart from the
    other documents: term, n_target, n_reference, chi2, G2, p, log_ratio (see
    :func:`keyness_statistics`), most distinctive of the target first.

    ``corpus``: a path, ReadResult, list of Documents or DataFrame (``text``, ``lang`` and
    metadata columns). ``by`` is any metadata column (country, doc_type, ...; ``year`` comes
    from ``date``). Term keyness needs one language: ``lang`` keeps only documents in it.
    Phrases seen once, and sub-phrases never seen outside a longer term, are left out.
    """
    texts = as_texts(corpus)
    if lang is not None:
        texts = [t for t in texts if t.lang == lang]
    groups = _split(texts, by, target)
    languages = sorted({t.lang for group in groups for t in group})
    if len(languages) > 1:
        raise PolytagError(
            f"term keyness needs documents in one language, but these are in {', '.join(languages)}: "
            "pass lang= (--lang) to compare the documents of one language, or compare theme frequencies "
            "(theme-level keyness) across languages"
        )
    target_index, reference_index = (index_terms(group) for group in groups)
    target_counts, reference_counts = (
        pd.Series({key: t.count for key, t in index.terms.items()}, dtype=float)
        for index in (target_index, reference_index)
    )
    terms = {**reference_index.terms, **target_index.terms}
    total = target_counts.add(reference_counts, fill_value=0)
    enclosed = enclosed_terms(terms, target_counts, reference_counts)
    kept = [key for key in total.index if (total[key] >= 2 or len(terms[key].words) == 1) and key not in enclosed]
    frame = keyness_statistics(
        target_counts.reindex(kept).dropna(),
        reference_counts.reindex(kept).dropna(),
        measure=measure,
        target_total=target_index.n_words,
        reference_total=reference_index.n_words,
    )
    frame.insert(0, "term", [terms[key].name for key in frame.index])
    return frame.reset_index(drop=True)


def enclosed_terms(terms: dict[str, Term], target: pd.Series, reference: pd.Series) -> set[str]:
    """Sub-phrases that never occur outside one longer term (the same counts in both groups,
    as "intelligence service" inside "generative artificial intelligence service")."""
    by_words: dict[tuple[str, ...], list[str]] = {}
    for key, term in terms.items():
        by_words.setdefault(term.words, []).append(key)
    counts = {key: (target.get(key, 0), reference.get(key, 0)) for key in terms}
    enclosed = set()
    for key, term in terms.items():
        n = len(term.words)
        for size in range(1, n):
            for start in range(n - size + 1):
                for sub in by_words.get(term.words[start : start + size], ()):
                    if counts[sub] == counts[key]:
                        enclosed.add(sub)
    return enclosed


def _split(texts: list[Text], by: str, target: Any) -> tuple[list[Text], list[Text]]:
    """(target documents, reference documents); an error naming the values found if either is empty."""
    wanted = str(target)
    chosen = [t for t in texts if t.meta.get(by) == wanted]
    others = [t for t in texts if t.meta.get(by) != wanted]
    if not chosen or not others:
        values = sorted({t.meta.get(by, "(missing)") for t in texts})
        side = "no" if not chosen else "every"
        raise PolytagError(f"{side} document has {by} == {wanted!r}; the values of {by!r} are: {', '.join(values)}")
    return chosen, others
