from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polytag.text import detect_language, script_shares
from polytag.text.detect import script_of


@pytest.mark.parametrize("ch, script", [("한", "hangul"), ("ㄱ", "hangul"), ("漢", "han"), ("か", "kana"),
                                        ("a", "latin"), ("é", "latin"), ("Ａ", "latin"), ("ɐ", None),
                                        ("²", None), ("½", None), ("7", None), ("_", None), ("。", None)])
def test_each_character_has_its_script(ch, script):
    assert script_of(ch) == script


@given(st.text(alphabet=st.sampled_from("aZé² 7_한ㄱ漢字かカ。,Ａɐ\n"), max_size=60))
def test_shares_count_every_letter_once(text):
    counts = Counter(s for s in map(script_of, text) if s)
    total = sum(counts.values())
    assert script_shares(text) == pytest.approx({k: v / total for k, v in counts.items()})


@pytest.mark.parametrize("text, lang", [
    ("미국의 AI Action Plan은 개방형 모델을 강조한다.", "ko"),
    ("中国发布《人工智能全球治理行动计划》(Global AI Governance Action Plan)。", "zh"),
    ("The Plan mentions 人工智能 once.", "en"),
    ("オープンモデル", None),
    ("2025 — 12", None),
])
def test_language_follows_the_script_shares(text, lang):
    assert detect_language(text) == lang
