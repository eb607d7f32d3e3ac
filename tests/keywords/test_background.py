"""Specificity of words and terms: against general-language frequencies (wordfreq, offline) and
against the documents of a corpus (smoothed IDF)."""
from __future__ import annotations

import math

import pytest

from polytag.keywords.background import CorpusBackground, GeneralBackground
from polytag.keywords.corpus import as_texts
from polytag.keywords.terms import Term


@pytest.fixture(scope="module")
def english() -> GeneralBackground:
    return GeneralBackground("en")


def test_common_words_are_less_specific_than_rare_ones(english):
    the, policy, semiconductor = english.word("the"), english.word("policy"), english.word("semiconductor")
    assert the < policy < semiconductor < english.word("zzqxkw")
    assert english.word("kratsios") == english.word("zzqxkw")  # unlisted Latin words are not split: rarest
    assert english.word("U.S.") == english.word("u.s")  # listed as "u.s", looked up case-blind


@pytest.mark.parametrize("lang, compound, parts", [("en", "open-weight", ["open", "weight"]),
                                                   ("ko", "개방형", ["개방", "형"]),
                                                   ("zh", "开源模型", ["开源", "模型"])])
def test_a_compound_of_listed_words_is_rarer_than_its_parts_but_not_unknown(lang, compound, parts):
    background = GeneralBackground(lang)
    listed = [background.word(p) for p in parts]
    unknown = background.word("ᄀ" * 3 if lang == "ko" else "zzqxkw")
    assert max(listed) < background.word(compound) < unknown


def test_a_term_weighs_its_words_by_the_square_root_of_their_number(english):
    words = ("export", "control")
    term = english.term(Term("export control", words))
    assert term == pytest.approx(sum(map(english.word, words)) / math.sqrt(2))
    assert english.word("control") < term < english.word("export") + english.word("control")


def test_corpus_specificity_is_smoothed_idf_over_documents():
    texts = as_texts(["Export controls matter. Open models matter.", "Export controls again.",
                      "Chips and models."], lang="en")
    background = CorpusBackground(texts)
    idf = lambda df: math.log((1 + 3) / (1 + df)) + 1  # noqa: E731
    assert background.word("export") == pytest.approx(idf(2))
    assert background.word("model") == pytest.approx(idf(2))
    assert background.word("chip") == pytest.approx(idf(1))
    assert background.word("semiconductor") == pytest.approx(idf(0))
    assert background.term(Term("export control", ("export", "control"))) == pytest.approx(idf(2))
