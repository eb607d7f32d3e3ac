"""The term layer: terms compiled once per language and found in tokens the same way for the
dictionary tagger, the classifier's seed evidence and kwic."""
from __future__ import annotations

import pytest

from polytag.text import tokenize
from polytag.text.terms import TermIndex


def found(terms: list[str], text: str, lang: str, *, wildcards: str = "*") -> list[tuple[str, str]]:
    index = TermIndex([(term, "", term, 1.0) for term in terms], lang, wildcards=wildcards)
    return [(hit.term.key, text[hit.start:hit.end]) for hit in index.find(tokenize(text, lang))]


@pytest.mark.parametrize("lang, term, text, expected", [
    ("en", "open-weight model", "Open weight models and open-weight models.", ["Open weight models", "open-weight models"]),
    ("en", "export control", "exporters control nothing; export controls do.", ["export controls"]),
    ("zh", "人工智能", "生成式人工智能服务与人工智能+行动", ["人工智能", "人工智能"]),
    ("zh", "印度", "印度尼西亚不是印度。", ["印度"]),
    ("zh", "开源", "開源社區", ["開源"]),  # Traditional text, Simplified term, inside a compound
    ("ko", "수출통제", "수출통제와 수출 통제를 강화", ["수출통제", "수출 통제"]),
])
def test_a_term_is_found_by_lemma_surface_and_compound_never_inside_another_word(lang, term, text, expected):
    assert found([term], text, lang) == [(term, e) for e in expected]


def test_the_match_inside_a_longer_name_is_not_taken():
    text = "印度尼西亚不是印度。"
    index = TermIndex([("india", "", "印度", 1.0)], "zh")
    hits = index.find(tokenize(text, "zh"))
    assert [h.start for h in hits] == [text.rindex("印度")]


def test_wildcards_follow_the_option():
    text = "Exports and exporters of export goods."
    assert [m for _, m in found(["export*"], text, "en")] == ["Exports", "exporters", "export"]
    assert found(["export*"], text, "en", wildcards="") == []  # taken literally
    assert [m for _, m in found(["export?"], text, "en", wildcards="glob")] == ["Exports"]


def test_hits_index_the_first_and_last_tokens_of_the_match():
    text = "We back open-weight models."
    tokens = tokenize(text, "en")
    hit, = TermIndex([("k", "", "open-weight model", 1.0)], "en").find(tokens)
    assert tokens[hit.first].text == "open" and tokens[hit.last].text == "models"
    assert (hit.start, hit.end) == (tokens[hit.first].start, tokens[hit.last].end)


def test_a_term_without_any_token_is_left_out():
    index = TermIndex([("dash", "", "-", 1.0), ("ok", "", "open", 1.0)], "en")
    assert index.keys() == {"ok"}
