"""Features of a segment for the theme classifier.

Three blocks, stacked: (1) lemma unigrams and bigrams of content words, prefixed with the
language; (2) character n-grams of Korean and Chinese text (robust to segmentation
differences); (3) the codebook block, the same in every language, which is what lets weights
learned from English labels fire on Korean and Chinese passages: counts of each concept and
of scope terms, and per theme its weighted seed score, how many of its concepts fired, and
its score in segments that touch the scope (THEMES.md: no theme without technology).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from polytag.text import get_language
from polytag.themes.dictionary import SCOPE, SeedMatch, TermMatcher
from polytag.themes.segments import TextUnit


def word_features(unit: TextUnit, ngrams: int) -> list[str]:
    """``lang:lemma`` unigrams and ``lang:a_b`` n-grams of adjacent content words."""
    lemmas = unit.content[1]
    features = [f"{unit.lang}:{l}" for l in lemmas]
    for n in range(2, ngrams + 1):
        features += [f"{unit.lang}:" + "_".join(lemmas[i:i + n]) for i in range(len(lemmas) - n + 1)]
    return features


def char_text(unit: TextUnit) -> str:
    """Text for character n-grams: only languages whose module asks for them."""
    return unit.text if get_language(unit.lang).char_ngram_features else ""


def identity(features: list[str]) -> list[str]:
    """Analyzer for pre-computed feature lists (module level, so vectorizers can be saved)."""
    return features


@dataclass
class FeatureSpace:
    """Fitted vocabularies and the column layout of the feature matrix."""

    words: TfidfVectorizer
    chars: TfidfVectorizer
    concepts: list[str]
    themes: list[str]
    ngrams: int
    concept_scale: float
    text_scale: float

    @classmethod
    def fit(cls, units: list[TextUnit], matches: list[list[SeedMatch]], *, concepts: list[str], themes: list[str],
            ngrams: int, char_ngrams: tuple[int, int], min_df: int, concept_scale: float,
            text_scale: float) -> "FeatureSpace":
        # a tiny training set (tagging with a codebook alone) still needs vocabularies
        word_lists = [word_features(u, ngrams) for u in units] or [["__"]]
        texts = [char_text(u) for u in units]
        texts = texts if any(texts) else ["__"]
        words = TfidfVectorizer(analyzer=identity, min_df=min(min_df, len(word_lists)), sublinear_tf=True)
        words.fit(word_lists if any(word_lists) else [["__"]])
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(char_ngrams), min_df=min(min_df, len(texts)),
                                sublinear_tf=True)
        chars.fit(texts)
        return cls(words, chars, concepts, themes, ngrams, concept_scale, text_scale)

    @property
    def names(self) -> list[str]:
        return (["w:" + f for f in self.words.get_feature_names_out()]
                + ["c:" + f for f in self.chars.get_feature_names_out()]
                + self.codebook_names)

    @property
    def codebook_names(self) -> list[str]:
        per_theme = [f"{kind}:{t}" for kind in ("theme", "concepts", "scoped") for t in self.themes]
        return ["concept:" + c for c in self.concepts] + ["scope"] + per_theme

    def transform(self, units: list[TextUnit], matches: list[list[SeedMatch]]) -> sp.csr_matrix:
        word_block = self.words.transform([word_features(u, self.ngrams) for u in units])
        char_block = self.chars.transform([char_text(u) for u in units])
        codebook_block = self.codebook_block(matches)
        return sp.hstack([word_block * self.text_scale, char_block * self.text_scale, sp.csr_matrix(codebook_block)],
                         format="csr")

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


def compute_matches(matcher: TermMatcher, units: list[TextUnit]) -> list[list[SeedMatch]]:
    return [matcher.matches(u) for u in units]
