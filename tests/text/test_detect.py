from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

import polytag.text.base as base
import polytag.text.detect as detect
from polytag.errors import LanguageError
from polytag.text import (LanguageModule, Token, detect_language, register_language, register_script, script_shares,
                          tokenize)
from polytag.text.detect import script_of


@pytest.mark.parametrize("ch, script", [
    ("한", "hangul"), ("ㄱ", "hangul"), ("漢", "han"), ("か", "kana"), ("ー", "kana"), ("a", "latin"), ("é", "latin"),
    ("Ａ", "latin"), ("ж", "cyrillic"), ("ب", "arabic"), ("ɐ", "other"), ("ა", "other"), ("・", None), ("²", None),
    ("½", None), ("①", None), ("7", None), ("٣", None), ("_", None), ("。", None),
])
def test_each_character_has_its_script(ch, script):
    assert script_of(ch) == script


@given(st.text(alphabet=st.sampled_from("aZé² 7_한ㄱ漢字かカー・。,Аж٣ɐა①Ａ\n"), max_size=60))
def test_shares_count_every_letter_once(text):
    counts = Counter(s for s in map(script_of, text) if s)
    total = sum(counts.values())
    assert script_shares(text) == pytest.approx({k: v / total for k, v in counts.items()})


@pytest.mark.parametrize("text, lang", [
    ("미국의 AI Action Plan은 개방형 모델을 강조한다.", "ko"),
    ("美國 國家安保戰略을 發表했다", "ko"),  # Hanja quoted in Korean
    ("연구・개발", "ko"),  # the middle dot is not kana
    ("中国发布《人工智能全球治理行动计划》(Global AI Governance Action Plan)。", "zh"),
    ("The Plan mentions 人工智能 once.", "en"),
    ("オープンモデル", "und"),
    ("人工知能の安全性に関する基本方針", "und"),  # mostly Han, but the kana make it no Chinese
    ("Искусственный интеллект и открытые модели (open-weight models)", "und"),
    ("الذكاء الاصطناعي", "und"),
    ("2025 — 12", None),
])
def test_language_follows_the_script_shares(text, lang):
    assert detect_language(text) == lang


def test_text_without_letters_gets_the_default():
    assert detect_language("2025 — 12 ①", default="zh") == "zh"
    assert detect_language("オープン", default="zh") == "und"  # letters, just in no registered language


def _rule_before_declarations(text: str) -> str | None:
    """The rule polytag applied before languages declared their scripts (Hangul, Han, Latin)."""
    shares = script_shares(text)
    if not shares:
        return None
    if shares.get("hangul", 0) >= 0.1:
        return "ko"
    return "zh" if shares.get("han", 0) * 4 >= shares.get("latin", 0) else "en"


@given(st.text(alphabet=st.sampled_from("abcdefgh 한국어는 中文字 ,.2"), max_size=80))
def test_korean_chinese_english_mixtures_keep_their_language(text):
    assert detect_language(text) == _rule_before_declarations(text)


@pytest.fixture()
def own_registry(monkeypatch):
    """Registrations made in a test are undone after it."""
    monkeypatch.setattr(base, "_REGISTRY", dict(base._REGISTRY))
    monkeypatch.setattr(base, "_INSTANCES", dict(base._INSTANCES))
    monkeypatch.setattr(detect, "_SCRIPTS", dict(detect._SCRIPTS))


def _register_runic() -> None:
    register_script("runic", "\u16a0-\u16ea")

    @register_language("x-runic")
    class Runic(LanguageModule):
        """A toy language written in runes, quoting English."""

        scripts = {"runic": 1.0, "latin": 0.0}

        def default_stop_words(self) -> list[str]:
            return ["ᚦᛖ"]

        def tokenize_paragraph(self, text: str, offset: int = 0) -> list[Token]:
            words, start = [], 0
            for word in text.split():
                start = text.index(word, start)
                words.append(Token(word, word, "X", "X", offset + start, offset + start + len(word), word == "ᚦᛖ"))
                start += len(word)
            return words

        def sentence_spans(self, text: str) -> list[tuple[int, int]]:
            return [(0, len(text))]


def test_a_registered_language_is_detected_from_the_script_it_declares(own_registry):
    runes = "ᚠᚢᚦᚨᚱᚲ ᚦᛖ ᚷᚹᚺᚾ AI"
    assert detect_language(runes) == "und"
    _register_runic()
    assert detect_language(runes) == "x-runic"
    assert [t.text for t in tokenize(runes)] == ["ᚠᚢᚦᚨᚱᚲ", "ᚦᛖ", "ᚷᚹᚺᚾ", "AI"]
    # the languages that were there keep their texts
    before = ("개방형 모델", "开源模型", "open models", "オープン")
    assert [detect_language(text) for text in before] == ["ko", "zh", "en", "und"]


def test_a_language_declaring_an_unknown_script_is_an_error(own_registry):
    @register_language("x-klingon")
    class Klingon(LanguageModule):
        scripts = {"piqad": 1.0}

    with pytest.raises(LanguageError, match="piqad"):
        detect_language("text")


def test_text_in_no_registered_language_has_no_tokens():
    assert tokenize("オープンモデルは重要です。") == []
    assert tokenize("Искусственный интеллект") == []
    assert [t.text for t in tokenize("Искусственный интеллект", "en")] == ["Искусственный", "интеллект"]
