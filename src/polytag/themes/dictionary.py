"""Dictionary tagging (quanteda-style lookup): seed-term matches per segment and theme.

Seed terms are tokenized with the same language module as the text and matched on token
lemmas (or lower-cased surface forms), so 수출통제 and 수출 통제 match the same seed, and
印度 does not match inside 印度尼西亚. Hyphens are transparent ("open-source" = "open source").
In languages whose tokens are compounds (Chinese), a one-token seed also matches at the start
or end of a longer token (开源 in 开源社区). Exclusions cancel overlapping matches of their
theme (对外开放 is not openness).
"""
from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin

from polytag.text import Token, get_language
from polytag.themes.codebook import Codebook
from polytag.themes.segments import TextUnit, as_units

_TRANSPARENT = frozenset({"-", "‐", "‑", "–", "/"})


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


@dataclass(frozen=True)
class _Pattern:
    pieces: tuple[str, ...]
    concept: str  # concept id, "scope", or "" for an exclusion
    theme: str
    term: str
    weight: float
    wild: bool


class TermMatcher:
    """A codebook compiled for matching, one index per language (built on first use)."""

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self._indexes: dict[str, tuple[dict[str, list[_Pattern]], list[_Pattern], set[str]]] = {}

    def _index(self, lang: str):
        index = self._indexes.get(lang)
        if index is None:
            language = get_language(lang)
            by_first: dict[str, list[_Pattern]] = {}
            wild: list[_Pattern] = []
            for concept, theme, term, weight in self._entries(lang):
                pieces = _pattern_pieces(term, language)
                if not pieces:
                    continue
                pattern = _Pattern(pieces, concept, theme, term, weight, any("*" in p for p in pieces))
                if pattern.wild:
                    wild.append(pattern)
                else:
                    by_first.setdefault(pieces[0], []).append(pattern)
            for patterns in by_first.values():
                patterns.sort(key=lambda p: -len(p.pieces))
            affixes = {p.pieces[0] for ps in by_first.values() for p in ps if len(p.pieces) == 1} if language.compound_tokens else set()
            index = self._indexes[lang] = (by_first, wild, affixes)
        return index

    def _entries(self, lang: str) -> list[tuple[str, str, str, float]]:
        """(concept id, theme, term, weight) of every seed, exclusion ("") and scope term."""
        entries = [(SCOPE, "", term, 0.0) for term in self.codebook.scope.get(lang, ())]
        for theme in self.codebook.themes:
            entries += [(c.id, theme.name, term, c.weight) for c in theme.concepts for term in c.terms.get(lang, ())]
            entries += [("", theme.name, term, 0.0) for term in theme.exclude.get(lang, ())]
        return entries

    def matches(self, unit: TextUnit) -> list[SeedMatch]:
        """Seed matches in one segment: longest first, one per theme at each position."""
        by_first, wild, affixes = self._index(unit.lang)
        tokens = [t for t in unit.tokens if t.text not in _TRANSPARENT]
        keys = [(t.lemma, t.text.lower()) for t in tokens]
        found: list[tuple[_Pattern, int, int]] = []
        for i, (lemma, lower) in enumerate(keys):
            candidates = by_first.get(lemma, []) + (by_first.get(lower, []) if lower != lemma else [])
            for pattern in candidates + wild:
                n = len(pattern.pieces)
                if i + n <= len(tokens) and all(_piece_matches(p, keys[i + k]) for k, p in enumerate(pattern.pieces)):
                    found.append((pattern, tokens[i].start, tokens[i + n - 1].end))
            if affixes and len(lemma) > 2:
                found += self._affix_matches(lemma, tokens[i], by_first, affixes, unit.lang)
        return _resolve(found, unit.text)


    @staticmethod
    def _affix_matches(lemma: str, token: Token, by_first, affixes: set[str], lang: str) -> list[tuple[_Pattern, int, int]]:
        """One-token seeds at the start or end of a compound token whose rest is a word:
        开源 in 开源社区 (社区 is a word), but not 印度 in 印度尼西亚."""
        language = get_language(lang)
        found = []
        for cut in range(1, len(lemma)):
            for part, rest, start, end in ((lemma[:cut], lemma[cut:], token.start, token.start + cut),
                                           (lemma[cut:], lemma[:cut], token.start + cut, token.end)):
                if part in affixes and language.is_word(rest):
                    found += [(p, start, end) for p in by_first[part] if len(p.pieces) == 1]
        return found


def _pattern_pieces(term: str, language) -> tuple[str, ...]:
    if "*" in term:
        return tuple(p.lower() for p in term.split())
    return tuple(t.lemma for t in language.tokenize(term) if t.text not in _TRANSPARENT)


def _piece_matches(piece: str, key: tuple[str, str]) -> bool:
    if "*" in piece:
        return fnmatchcase(key[0].lower(), piece) or fnmatchcase(key[1], piece)
    return piece == key[0] or piece == key[1]


def _resolve(found: list[tuple[_Pattern, int, int]], text: str) -> list[SeedMatch]:
    """Drop matches cancelled by an exclusion, and matches inside a longer one of the same theme."""
    excluded = [(p.theme, s, e) for p, s, e in found if not p.concept]
    kept: list[SeedMatch] = []
    taken: list[tuple[str, int, int]] = []
    for pattern, start, end in sorted((f for f in found if f[0].concept), key=lambda f: (f[1], -(f[2] - f[1]))):
        theme = pattern.theme
        if any(t == theme and s < end and start < e for t, s, e in excluded):
            continue
        if any(t == theme and s <= start and end <= e for t, s, e in taken):
            continue
        taken.append((theme, start, end))
        kept.append(SeedMatch(theme, pattern.concept, pattern.term, start, end, pattern.weight))
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
