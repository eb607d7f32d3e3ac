"""Dictionary tagging (quanteda-style lookup): seed-term matches per segment and theme.

Seed terms are compiled and found by the term layer (:mod:`polytag.text.terms`), the same
matcher kwic uses: lemmas or lower-cased surface forms, transparent hyphens, Chinese compounds
(开源 in 开源社区, never 印度 in 印度尼西亚). Exclusions cancel overlapping matches of their
theme (对外开放 is not openness).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin

from polytag.text.terms import TermHit, TermIndex
from polytag.themes.codebook import Codebook
from polytag.themes.segments import TextUnit, as_units

SCOPE = "scope"


@dataclass(frozen=True)
class SeedMatch:
    """One codebook term found in a text: ``text[start:end]`` is the matched passage.

    ``concept`` is ``theme.concept``; scope terms have ``theme == ""`` and ``concept == "scope"``.
    A match of weight 0 is context for the classifier, not a seed hit.
    """

    theme: str
    concept: str
    term: str
    start: int
    end: int
    weight: float


class TermMatcher:
    """A codebook compiled for matching: one :class:`~polytag.text.terms.TermIndex` per
    language (built on first use). A term's ``key`` is its concept id, "scope", or "" for an
    exclusion."""

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self._indexes: dict[str, TermIndex] = {}

    def index(self, lang: str) -> TermIndex:
        found = self._indexes.get(lang)
        if found is None:
            found = self._indexes[lang] = TermIndex(self._entries(lang), lang)
        return found

    def _entries(self, lang: str) -> list[tuple[str, str, str, float]]:
        """(concept id, theme, term, weight) of every seed, exclusion ("") and scope term."""
        entries = [(SCOPE, "", term, 0.0) for term in self.codebook.scope.get(lang, ())]
        for theme in self.codebook.themes:
            entries += [(c.id, theme.name, term, c.weight) for c in theme.concepts for term in c.terms.get(lang, ())]
            entries += [("", theme.name, term, 0.0) for term in theme.exclude.get(lang, ())]
        return entries

    def matches(self, unit: TextUnit) -> list[SeedMatch]:
        """Seed matches in one segment: longest first, one per theme at each position."""
        return _resolve(self.index(unit.lang).find(unit.tokens))


def _resolve(found: list[TermHit]) -> list[SeedMatch]:
    """Drop matches cancelled by an exclusion, and matches inside a longer one of the same theme."""
    excluded = [(h.term.theme, h.start, h.end) for h in found if not h.term.key]
    kept: list[SeedMatch] = []
    taken: list[tuple[str, int, int]] = []
    for hit in sorted((h for h in found if h.term.key), key=lambda h: (h.start, -(h.end - h.start))):
        theme, start, end = hit.term.theme, hit.start, hit.end
        if any(t == theme and s < end and start < e for t, s, e in excluded):
            continue
        if any(t == theme and s <= start and end <= e for t, s, e in taken):
            continue
        taken.append((theme, start, end))
        kept.append(SeedMatch(theme, hit.term.key, hit.term.term, start, end, hit.term.weight))
    return kept


#: the seed-term verdict: a theme is given when its seed probability reaches this
SEED_CUT = 0.5


def seed_scores(matches: list[list[SeedMatch]], themes: list[str]) -> np.ndarray:
    """Summed weights of the distinct seed terms of each theme found in each segment, shape
    (n_segments, n_themes): a repeated word is one piece of evidence."""
    column = {t: j for j, t in enumerate(themes)}
    scores = np.zeros((len(matches), len(themes)))
    for row, found in enumerate(matches):
        for m in {(m.theme, m.term): m for m in found if m.theme in column}.values():
            scores[row, column[m.theme]] += m.weight
    return scores


def seed_probability(scores: np.ndarray) -> np.ndarray:
    """The codebook's verdict as a probability, ``1 - exp(-1.2 s)``: one seed term of weight 1
    (0.70) passes :data:`SEED_CUT`, one of weight 0.5 (0.45) needs company."""
    return 1.0 - np.exp(-1.2 * scores)


class DictionaryTagger(ClassifierMixin, BaseEstimator):
    """The dictionary baseline as an estimator (quanteda-style lookup): a theme applies when
    its seed probability reaches :data:`SEED_CUT`, exactly as a :class:`ThemeClassifier`
    fitted without labels tags. Nothing is learned in ``fit``; it exists so the tagger
    composes with scikit-learn tools like the classifier does."""

    def __init__(self, codebook: Codebook | str | None = None) -> None:
        self.codebook = codebook

    def fit(self, X: Any = None, y: Any = None) -> "DictionaryTagger":
        self.codebook_ = Codebook.load(self.codebook)
        self.themes_ = self.codebook_.theme_names
        self.matcher_ = TermMatcher(self.codebook_)
        return self

    def _ensure_fitted(self) -> None:
        if not hasattr(self, "matcher_"):
            self.fit()

    def match(self, X: Any) -> list[list[SeedMatch]]:
        self._ensure_fitted()
        return [self.matcher_.matches(unit) for unit in as_units(X)]

    def scores(self, X: Any) -> np.ndarray:
        """Seed scores (:func:`seed_scores`), shape (n_segments, n_themes)."""
        self._ensure_fitted()
        return seed_scores(self.match(X), self.themes_)

    def predict_proba(self, X: Any) -> np.ndarray:
        return seed_probability(self.scores(X))

    def predict(self, X: Any) -> np.ndarray:
        return (self.predict_proba(X) >= SEED_CUT).astype(int)
