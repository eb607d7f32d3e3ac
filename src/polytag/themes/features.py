"""Features of a segment for the theme classifier, as a fitted transformer.

Three blocks, stacked: (1) lemma unigrams and bigrams of content words, prefixed with the
language; (2) character n-grams of Korean and Chinese text (robust to segmentation
differences; Chinese read in its mainland Simplified form); (3) the codebook block, the same
in every language, which is what lets weights learned from English labels fire on Korean and
Chinese passages: counts of each concept and of scope terms, and per theme its weighted seed
score, how many of its concepts fired, and its score in segments that touch the scope
(THEMES.md: no theme without technology).

Every column has a structured name, :class:`FeatureName` (its block and key), so evidence is
found without parsing name strings.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from polytag.text import get_language
from polytag.themes.dictionary import SCOPE, SeedMatch, TermMatcher
from polytag.themes.segments import TextUnit

#: blocks of the feature matrix, in column order
WORD, CHARS, CONCEPT, SCOPE_BLOCK, THEME_SCORE, THEME_CONCEPTS, THEME_SCOPED = (
    "word", "chars", "concept", "scope", "theme_score", "theme_concepts", "theme_scoped")


class FeatureName(NamedTuple):
    """What one column counts: ``block`` (see the constants above) and ``key`` (the lemmas of
    a word n-gram, the characters of an n-gram, a concept id, or a theme name)."""

    block: str
    key: str | tuple[str, ...]


def word_features(unit: TextUnit, ngrams: int) -> list[str]:
    """``lang:lemma`` unigrams and ``lang:a_b`` n-grams of adjacent content words."""
    lemmas = unit.content[1]
    features = [f"{unit.lang}:{l}" for l in lemmas]
    for n in range(2, ngrams + 1):
        features += [f"{unit.lang}:" + "_".join(lemmas[i:i + n]) for i in range(len(lemmas) - n + 1)]
    return features


def char_text(unit: TextUnit) -> str:
    """Text for character n-grams: only languages whose module asks for them."""
    language = get_language(unit.lang)
    return language.feature_text(unit.text, unit.tokens) if language.char_ngram_features else ""


def identity(features: list[str]) -> list[str]:
    """Analyzer for pre-computed feature lists (module level, so vectorizers can be saved)."""
    return features


class ThemeFeatures:
    """The feature transformer: ``fit`` learns the word and character vocabularies (and
    rebuilds every fitted attribute), ``transform`` gives a sparse matrix whose columns
    ``feature_names_`` describes. Segments come with their codebook matches, which the
    classifier computes once for features, seed scores and evidence alike."""

    def __init__(self, *, concepts: list[str], themes: list[str], ngrams: int, char_ngrams: tuple[int, int],
                 min_df: int, concept_scale: float, text_scale: float) -> None:
        self.concepts = list(concepts)
        self.themes = list(themes)
        self.ngrams = ngrams
        self.char_ngrams = tuple(char_ngrams)
        self.min_df = min_df
        self.concept_scale = concept_scale
        self.text_scale = text_scale

    def fit(self, units: list[TextUnit], matches: list[list[SeedMatch]]) -> "ThemeFeatures":
        word_lists = [word_features(u, self.ngrams) for u in units]
        texts = [char_text(u) for u in units]
        words = _fit_vocabulary(TfidfVectorizer(analyzer=identity, min_df=self.min_df, sublinear_tf=True),
                                word_lists, ["und:placeholder"])
        chars = _fit_vocabulary(TfidfVectorizer(analyzer="char_wb", ngram_range=self.char_ngrams,
                                                min_df=self.min_df, sublinear_tf=True), texts, "__")
        return self.set_vocabularies(words, chars)

    def set_vocabularies(self, words: TfidfVectorizer, chars: TfidfVectorizer) -> "ThemeFeatures":
        """Install fitted vocabularies (from ``fit`` or a saved model) and name the columns."""
        self.words_, self.chars_ = words, chars
        self.feature_names_ = (
            [FeatureName(WORD, tuple(f.split(":", 1)[1].split("_"))) for f in words.get_feature_names_out()]
            + [FeatureName(CHARS, f) for f in chars.get_feature_names_out()]
            + [FeatureName(CONCEPT, c) for c in self.concepts] + [FeatureName(SCOPE_BLOCK, "")]
            + [FeatureName(block, t) for block in (THEME_SCORE, THEME_CONCEPTS, THEME_SCOPED) for t in self.themes])
        return self

    def transform(self, units: list[TextUnit], matches: list[list[SeedMatch]]) -> sp.csr_matrix:
        word_block = self.words_.transform([word_features(u, self.ngrams) for u in units])
        char_block = self.chars_.transform([char_text(u) for u in units])
        return sp.hstack([word_block * self.text_scale, char_block * self.text_scale,
                          sp.csr_matrix(self.codebook_block(matches))], format="csr")

    def codebook_block(self, matches: list[list[SeedMatch]]) -> np.ndarray:
        concept_index = {c: i for i, c in enumerate(self.concepts)}
        theme_index = {t: i for i, t in enumerate(self.themes)}
        n_concepts, n_themes = len(self.concepts), len(self.themes)
        counts = np.zeros((len(matches), n_concepts + 1))
        scores = np.zeros((len(matches), n_themes))
        distinct = np.zeros((len(matches), n_themes))
        for row, found in enumerate(matches):
            fired: set[str] = set()
            for m in found:
                if m.concept == SCOPE:
                    counts[row, n_concepts] += 1.0
                elif m.concept in concept_index:
                    counts[row, concept_index[m.concept]] += 1.0
                if m.theme in theme_index and m.weight > 0:
                    scores[row, theme_index[m.theme]] += m.weight
                    if m.concept not in fired:
                        fired.add(m.concept)
                        distinct[row, theme_index[m.theme]] += 1.0
        in_scope = (counts[:, n_concepts] > 0).astype(float)[:, None]
        block = np.hstack([np.log1p(counts), np.log1p(scores), distinct / 2.0, np.log1p(scores) * in_scope])
        return block * self.concept_scale


def _fit_vocabulary(vectorizer: TfidfVectorizer, inputs: list, placeholder) -> TfidfVectorizer:
    """``vectorizer`` fitted on ``inputs``, or on one placeholder when they hold no feature
    seen ``min_df`` times (a handful of segments tagged with a codebook alone)."""
    try:
        return vectorizer.fit(inputs)
    except ValueError:  # scikit-learn: "empty vocabulary" / "After pruning, no terms remain"
        return vectorizer.set_params(min_df=1).fit([placeholder])


def compute_matches(matcher: TermMatcher, units: list[TextUnit]) -> list[list[SeedMatch]]:
    return [matcher.matches(u) for u in units]
