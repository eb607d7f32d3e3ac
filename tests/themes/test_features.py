"""Theme features: lemma n-grams of content words, character text, and the codebook block that
is the same in every language, each column named by its block and key."""
from __future__ import annotations

import math

import numpy as np
import pytest

from polytag.themes import Codebook
from polytag.themes.dictionary import TermMatcher
from polytag.themes.features import (CHARS, CONCEPT, SCOPE_BLOCK, THEME_CONCEPTS, THEME_SCORE, THEME_SCOPED, WORD,
                                     FeatureName, ThemeFeatures, char_text, compute_matches, word_features)
from polytag.themes.segments import as_units

CODEBOOK = Codebook.from_dict({
    "scope": {"en": ["AI"], "zh": ["人工智能"]},
    "themes": {
        "open": {"concepts": {"weights": {"en": ["open weights"], "zh": ["开源模型"]},
                              "code": {"en": ["open source"], "weight": 0.5}}},
        "trade": {"concepts": {"export": {"en": ["export control"], "zh": ["出口管制"]}}},
    },
})
TEXTS = [("AI models with open weights and open source code.", "en"), ("Export controls on chips.", "en"),
         ("The weather is fine.", "en"), ("人工智能开源模型与出口管制。", "zh")]


def transform(concept_scale: float = 1.0) -> tuple[np.ndarray, dict[FeatureName, int]]:
    units = as_units(TEXTS)
    matches = compute_matches(TermMatcher(CODEBOOK), units)
    features = ThemeFeatures(concepts=[c.id for c in CODEBOOK.concepts], themes=CODEBOOK.theme_names, ngrams=2,
                             char_ngrams=(2, 3), min_df=1, concept_scale=concept_scale, text_scale=1.0)
    matrix = features.fit(units, matches).transform(units, matches).toarray()
    assert matrix.shape == (len(TEXTS), len(features.feature_names_))
    return matrix, {name: i for i, name in enumerate(features.feature_names_)}


def test_word_features_are_lemma_ngrams_of_adjacent_content_words():
    unit = as_units([("Open-weight models help the developers of AI.", "en")])[0]
    lemmas = unit.content[1]
    assert lemmas == ["open", "weight", "model", "help", "developer", "ai"]  # no stop words, no punctuation
    assert word_features(unit, 1) == [f"en:{lemma}" for lemma in lemmas]
    assert word_features(unit, 2) == word_features(unit, 1) + [f"en:{a}_{b}" for a, b in zip(lemmas, lemmas[1:])]


def test_character_text_only_where_the_language_asks_and_in_mainland_form():
    english, traditional, korean = as_units([("Open models.", "en"), ("開源軟體與人工智慧", "zh"),
                                             ("개방형 모델을 지원한다", "ko")])
    assert char_text(english) == ""
    assert char_text(traditional) == "开源软件与人工智能"  # the features of Simplified text fire
    assert char_text(korean) == korean.text


def test_the_codebook_block_counts_concepts_scope_and_theme_scores():
    matrix, column = transform()
    at = lambda row, block, key: matrix[row, column[FeatureName(block, key)]]  # noqa: E731
    assert at(0, CONCEPT, "open.weights") == pytest.approx(math.log1p(1))
    assert at(0, SCOPE_BLOCK, "") == pytest.approx(math.log1p(1))
    assert at(0, THEME_SCORE, "open") == pytest.approx(math.log1p(1.5))  # weights 1 + 0.5
    assert at(0, THEME_CONCEPTS, "open") == pytest.approx(1.0)  # two concepts fired, halved
    assert at(0, THEME_SCOPED, "open") == pytest.approx(math.log1p(1.5))  # the segment touches the scope
    assert at(1, THEME_SCORE, "trade") == pytest.approx(math.log1p(1)) and at(1, THEME_SCOPED, "trade") == 0
    assert at(3, CONCEPT, "open.weights") == at(0, CONCEPT, "open.weights")  # the same column in Chinese
    assert at(3, THEME_SCOPED, "trade") == pytest.approx(math.log1p(1))
    codebook_columns = [i for name, i in column.items() if name.block not in (WORD, CHARS)]
    assert not matrix[2, codebook_columns].any()


def test_word_and_character_columns_are_named_by_their_keys():
    matrix, column = transform()
    bigram = column[FeatureName(WORD, ("open", "weight"))]
    assert matrix[0, bigram] > 0 and matrix[1, bigram] == 0
    chars = [i for name, i in column.items() if name.block == CHARS]
    assert chars and not matrix[:3, chars].any() and matrix[3, chars].any()  # English has no character block
    assert column[FeatureName(CHARS, "开源")] in chars


def test_concept_scale_scales_only_the_codebook_block():
    plain, column = transform()
    scaled, _ = transform(concept_scale=2.0)
    codebook = [i for name, i in column.items() if name.block not in (WORD, CHARS)]
    text = [i for name, i in column.items() if name.block in (WORD, CHARS)]
    np.testing.assert_allclose(scaled[:, codebook], 2 * plain[:, codebook])
    np.testing.assert_allclose(scaled[:, text], plain[:, text])
