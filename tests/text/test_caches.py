"""Token caches have one owner and one rule: after a change of stop words, every cached token
(tokenized segments, keyword paragraphs, per-word facts) agrees with a fresh tokenize."""
from __future__ import annotations

import pytest

import polytag
from polytag.keywords.corpus import Text, paragraphs
from polytag.text import get_language, tokenize
from polytag.text.caches import TOKEN_CACHES
from polytag.themes.segments import as_units, text_unit

CASES = [("en", "The frontier models of the AI frontier.", "frontier"),
         ("zh", "前沿模型是人工智能的前沿。", "前沿"),
         ("ko", "개방형 모델은 모델 생태계를 키운다.", "모델")]


@pytest.fixture
def stop_words_restored():
    saved = {lang: set(get_language(lang).stop_words) for lang, _, _ in CASES}
    yield
    for lang, words in saved.items():
        language = get_language(lang)
        language.stop_words.clear()
        language.stop_words.update(words)
    TOKEN_CACHES.clear()


@pytest.mark.parametrize("lang, text, word", CASES, ids=[c[0] for c in CASES])
def test_cached_tokens_agree_with_a_fresh_tokenize_after_add_stop_words(lang, text, word, stop_words_restored):
    document = Text("doc", text, lang, {"lang": lang})
    unit, parts = text_unit(text, lang), paragraphs(document)  # fill the caches
    assert word in unit.content[1] and not any(t.is_stop for t in parts[0].tokens if t.lemma == word)
    polytag.add_stop_words(lang, {word})
    assert word in polytag.stop_words(lang)
    fresh = tokenize(text, lang)
    assert [t.is_stop for t in fresh if t.lemma == word] == [True, True]
    assert list(text_unit(text, lang).tokens) == fresh
    assert [t for p in paragraphs(document) for t in p.tokens] == fresh
    assert word not in text_unit(text, lang).content[1]  # what theme features count


def test_releasing_texts_keeps_results_equal():
    text = "Open-weight models and 开源模型."
    before = text_unit(text, "en")
    TOKEN_CACHES.release_texts()
    again = text_unit(text, "en")
    assert again is not before and again == before
    assert as_units([before])[0] is before  # units given are used as they are, never tokenized again
