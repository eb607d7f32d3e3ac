"""Which segments to label next (active learning): those whose labels would teach the model
most.

A segment is worth labelling when the model is unsure about it: its probability for some
theme lies close to that theme's decision threshold. Picks are spread over documents and
languages (a document's tenth pick counts less than its first), near-duplicates are skipped,
and a share of the picks is drawn at random from the whole pool, so that estimates made from
the labels (how common a theme is, how good the model is) are not only about hard cases.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from polytag.errors import OutputExistsError, PolytagError
from polytag.io.csvfile import write_frame_csv
from polytag.suggest.pool import segment_pool
from polytag.themes.classifier import ThemeClassifier
from polytag.themes.codebook import Codebook
from polytag.themes.evaluate import read_labelled_table
from polytag.themes.tagging import resolve_model

#: share of picks drawn at random from the pool
RANDOM_SHARE = 0.2
#: each earlier pick from the same document multiplies a segment's priority by this
DOC_DECAY = 0.8
#: each pick of a language beyond its even share multiplies its segments' priority by this
LANG_DECAY = 0.97
#: segments with fewer word tokens are headings or fragments, not worth a label
MIN_WORDS = 5
#: character 4-gram overlap (Jaccard) above which two segments are near-duplicates
NEAR_DUPLICATE = 0.8

_NOT_WORD = re.compile(r"\W+")


def suggest_labels(corpus: Any, *, model: ThemeClassifier | str | Path | None = None,
                   codebook: Codebook | str | Path | None = None, k: int = 200, labelled: Any = None,
                   random_share: float = RANDOM_SHARE, seed: int = 0, lang: str | None = None) -> pd.DataFrame:
    """The ``k`` segments of ``corpus`` to label next, as a labelling sheet: ``id``,
    ``doc_id``, ``lang``, ``start``, ``end``, ``text``, an empty column per theme (fill with
    0/1), and ``why`` (the theme it is uncertain about and its probability, or "random").

    ``model``: a fitted :class:`ThemeClassifier` or a saved model folder; ``codebook``: a
    codebook tagged by its seed terms when there is no model yet (default: the shipped
    model). ``labelled``: segments already labelled (DataFrames or CSV paths with a
    ``text`` column), never suggested again. Deterministic given ``seed``.
    """
    pool, units = segment_pool(corpus, lang=lang)
    classifier = resolve_model(model, codebook, units)
    proba = classifier.predict_proba(units)
    pool["n_words"] = [sum(1 for t in u.tokens if t.is_word) for u in units]
    chosen = select_segments(pool, proba, classifier.thresholds_, list(classifier.themes_), k=k,
                             random_share=random_share, seed=seed, exclude=_texts(labelled))
    sheet = chosen[["doc_id", "lang", "start", "end", "text"]].copy()
    sheet.insert(0, "id", [f"{d}#{s}" for d, s in zip(chosen["doc_id"], chosen["segment"])])
    for theme in classifier.themes_:
        sheet[theme] = pd.array([pd.NA] * len(sheet), dtype="Int64")
    sheet["why"] = chosen["why"].to_numpy()
    return sheet.reset_index(drop=True)


def select_segments(pool: pd.DataFrame, proba: np.ndarray, thresholds: np.ndarray, themes: list[str], *, k: int,
                    random_share: float = RANDOM_SHARE, seed: int = 0, exclude: set[str] | frozenset = frozenset()
                    ) -> pd.DataFrame:
    """Rows of ``pool`` (``doc_id``, ``lang``, ``text``, optional ``n_words``) to label next,
    with a ``why`` column, given the model's probabilities ``proba`` (one column per theme)
    and its ``thresholds``; ``exclude`` holds :func:`text_key` of segments already labelled.
    The selection rule itself, apart from any corpus or model."""
    if k <= 0:
        raise PolytagError("the number of segments to suggest must be positive")
    rng = np.random.default_rng(seed)
    keys = [text_key(t) for t in pool["text"]]
    eligible = ~pd.Series(keys).duplicated().to_numpy() & np.array([k not in exclude for k in keys])
    eligible &= np.array([bool(k) for k in keys])
    if "n_words" in pool.columns:
        eligible &= pool["n_words"].to_numpy() >= MIN_WORDS
    closeness = _closeness(proba, np.asarray(thresholds, dtype=float))
    best_theme = closeness.argmax(axis=1)
    priority = closeness.max(axis=1) + rng.uniform(0, 1e-9, len(pool))  # seeded tie-break
    k = min(k, int(eligible.sum()))
    n_random = int(round(k * random_share))
    docs = pool["doc_id"].astype(str).to_numpy()
    langs = pool["lang"].astype(str).to_numpy()
    doc_picks: dict[str, int] = {}
    lang_picks = {lang: 0 for lang in np.unique(langs[eligible])}
    picked: list[int] = []
    why: list[str] = []
    shingles: list[set[str]] = []
    available = eligible.copy()
    while len(picked) < k - n_random and available.any():
        doc_factor = np.array([DOC_DECAY ** doc_picks.get(d, 0) for d in docs])
        even = len(picked) / len(lang_picks)
        lang_factor = np.array([LANG_DECAY ** max(0.0, lang_picks.get(l, 0) - even) for l in langs])
        score = np.where(available, priority * doc_factor * lang_factor, -np.inf)
        i = int(score.argmax())
        available[i] = False
        grams = _shingles(keys[i])
        if any(_jaccard(grams, other) > NEAR_DUPLICATE for other in shingles):
            continue
        picked.append(i)
        shingles.append(grams)
        doc_picks[docs[i]] = doc_picks.get(docs[i], 0) + 1
        lang_picks[langs[i]] += 1
        j = best_theme[i]
        why.append(f"uncertain: {themes[j]} p={proba[i, j]:.2f} (threshold {thresholds[j]:.2f})")
    for i in rng.permutation(np.flatnonzero(available)):
        if len(picked) >= k:
            break
        grams = _shingles(keys[i])
        if any(_jaccard(grams, other) > NEAR_DUPLICATE for other in shingles):
            continue
        picked.append(int(i))
        shingles.append(grams)
        why.append("random (keeps estimates honest)")
    chosen = pool.iloc[picked].copy()
    chosen["why"] = why
    return chosen


def write_sheet(sheet: pd.DataFrame, out: str | Path, *, force: bool = False) -> Path:
    """Write a labelling sheet as CSV or, for ``.xlsx``, Excel; an existing file is refused
    unless ``force``."""
    path = check_out(out, force=force)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".xlsx":
        sheet.to_excel(path, index=False)
    else:
        write_frame_csv(sheet, path)
    return path


def check_out(out: str | Path, *, force: bool = False) -> Path:
    """``out`` as a sheet path: .csv or .xlsx, and not an existing file unless ``force``."""
    path = Path(out)
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise PolytagError(f"{path}: write the sheet as .csv or .xlsx")
    if path.exists() and not force:
        raise OutputExistsError(f"{path} exists; pass --force to replace it")
    return path


def _closeness(proba: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    """1 at a theme's threshold, 0 at certainty (probability 0 or 1), linear in between."""
    below = proba < thresholds
    span = np.where(below, thresholds, 1.0 - thresholds)
    return 1.0 - np.abs(proba - thresholds) / np.maximum(span, 1e-9)


def _shingles(key: str) -> set[str]:
    return {key[i:i + 4] for i in range(max(1, len(key) - 3))}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _texts(labelled: Any) -> set[str]:
    """Normalised texts of segments already labelled (DataFrames or CSV/xlsx paths)."""
    if labelled is None:
        return set()
    items = labelled if isinstance(labelled, (list, tuple)) else [labelled]
    texts: set[str] = set()
    for item in items:
        if not isinstance(item, pd.DataFrame):
            item = read_labelled_table(item)
        texts |= {text_key(t) for t in item.get("text", [])}
    return texts


def text_key(text: Any) -> str:
    """A segment's text reduced to lower-case letters and digits: equal keys are the same passage."""
    return _NOT_WORD.sub("", str(text).lower())
