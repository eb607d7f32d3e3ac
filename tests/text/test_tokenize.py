"""Tokenizers of the three languages: offsets, lemmas, Traditional Chinese, stop words."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import polytag
from polytag.text import get_language, tokenize

MIXED = list("한국어개방형모델中文开源臺灣的開源模型EnglishAIopen-weight😀👍🏽\u0301\u0308\u200b，。！？「」（）ＡＢＣ１２３ \n\t—…·")
texts = st.text(
    alphabet=st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(MIXED)),
    max_size=80,
)


@pytest.mark.parametrize("lang", ["ko", "zh", "en"])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_offsets_are_exact_for_any_text(lang, text):
    tokens = tokenize(text, lang)
    for token in tokens:
        assert text[token.start:token.end] == token.text
        assert token.text.strip(), "no whitespace tokens"
    assert [t.start for t in tokens] == sorted(t.start for t in tokens)
    assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:])), "tokens never overlap"
    # nothing but whitespace is left out
    covered = set()
    for t in tokens:
        covered.update(range(t.start, t.end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


@pytest.mark.parametrize(
    "text, lemmas",
    [
        ("상무부는 수출을 통제한다", {"통제", "하다"}),
        ("미국은 수출 통제를 줄였다", {"줄이다"}),
        ("모델 가중치를 공개했으며", {"공개", "하다"}),
        ("아름다운 생태계이다", {"아름답다", "이다"}),
    ],
)
def test_korean_lemmas_are_dictionary_forms(text, lemmas):
    got = [t.lemma for t in tokenize(text, "ko")]
    assert lemmas <= set(got)
    assert not {"하", "줄이", "아름답", "이"} & set(got), "never a bare stem"


def test_korean_compounds_tokenize_consistently():
    spaced = [t.lemma for t in tokenize("수출 통제", "ko")]
    joined = [t.lemma for t in tokenize("수출통제", "ko")]
    assert spaced == joined == ["수출", "통제"]
    assert [t.lemma for t in tokenize("개방형 모델", "ko")] == ["개방형", "모델"]


def test_korean_particles_are_stop_words():
    tokens = {t.text: t for t in tokenize("개방형 모델은 소프트파워를 강화한다", "ko")}
    assert tokens["은"].is_stop and tokens["를"].is_stop
    assert not tokens["모델"].is_stop


def test_chinese_user_dictionary_keeps_policy_terms_whole():
    words = [t.text for t in tokenize("美国加强出口管制，中国支持全球南方能力建设和开源模型，反对小院高墙。", "zh")]
    for term in ["出口管制", "全球南方", "能力建设", "开源模型", "小院高墙"]:
        assert term in words


def test_chinese_user_words_get_their_tags_without_touching_jieba():
    import jieba.posseg

    tokens = {t.text: t for t in tokenize("开源模型和小院高墙", "zh")}
    assert tokens["开源模型"].tag == "n" and tokens["开源模型"].pos == "NOUN"
    assert "开源模型" not in jieba.posseg.dt.word_tag_tab
    assert [pair.word for pair in jieba.posseg.dt.cut("开源模型")] != ["开源模型"]


def test_traditional_chinese_tokenizes_like_simplified():
    simplified = "美国对人工智能芯片实施出口管制，开源模型发展迅速。"
    traditional = "美國對人工智慧晶片實施出口管制，開源模型發展迅速。"
    trad_tokens = tokenize(traditional, "zh")
    assert [t.text for t in trad_tokens][:3] == ["美國", "對", "人工智慧"] or "開源模型" in [t.text for t in trad_tokens]
    assert "開源模型" in [t.text for t in trad_tokens]
    lemmas = {t.lemma for t in trad_tokens}
    assert {"出口管制", "开源模型", "美国"} <= lemmas
    assert {t.lemma for t in tokenize(simplified, "zh")} & lemmas >= {"出口管制", "开源模型", "发展"}
    assert get_language("zh").normalize("開源模型") == "开源模型"


def test_taiwan_and_hong_kong_words_meet_mainland_lemmas_with_original_offsets():
    text = "美國商務部限制對中國銷售先進晶片；台灣的人工智慧軟體、資料庫與記憶體產業，網際網路服務。"
    tokens = tokenize(text, "zh")
    assert all(text[t.start:t.end] == t.text for t in tokens)
    by_text = {t.text: t.lemma for t in tokens}
    assert by_text["晶片"] == "芯片" and by_text["人工智慧"] == "人工智能" and by_text["資料庫"] == "数据库"
    assert by_text["記憶體"] == "内存"  # a phrase of another length keeps exact offsets
    assert {"软件", "互联网"} <= {t.lemma for t in tokens} or {"软件", "互联网服务"} <= {t.lemma for t in tokens}
    # words that are themselves common mainland usage are not "translated" (OpenCC maps 建立 -> 创建,
    # 核心 -> 内核): the Traditional text gets the lemmas of its Simplified twin
    assert "".join(t.lemma for t in tokenize("建立核心技術", "zh")) == "建立核心技术"
    assert {"创建", "内核"}.isdisjoint(t.lemma for t in tokenize("建立核心技術，新增資料", "zh"))


def test_english_lemmas_are_lowercase_lookups_and_keep_acronyms():
    tokens = {t.text: t for t in tokenize("Agencies strengthen export controls on AI chips in the US.", "en")}
    assert tokens["Agencies"].lemma == "agency"
    assert tokens["controls"].lemma == "control"
    assert tokens["chips"].lemma == "chip"
    assert tokens["AI"].lemma == "AI" and tokens["US"].lemma == "US"
    assert tokens["the"].is_stop and not tokens["US"].is_stop


def test_language_is_detected_when_not_given():
    assert tokenize("개방형 모델")[0].tag.startswith("N")
    assert tokenize("开源模型")[0].text == "开源模型"


def test_unknown_language_is_a_named_error():
    with pytest.raises(polytag.errors.LanguageError):
        tokenize("text", "fr")


@pytest.mark.parametrize("lang, path", [("ko", "ko/brief_rand_open_models_soft_power_2026.txt"),
                                        ("zh", "zh/prc_gov_work_report_2024.txt"),
                                        ("en", "en/us_factsheet_ai_diffusion_framework_2025-01-13.txt")])
def test_real_documents_tokenize_with_exact_offsets(corpora, lang, path):
    text = (corpora / path).read_text(encoding="utf-8")
    tokens = tokenize(text, lang)
    assert len(tokens) > 500
    assert all(text[t.start:t.end] == t.text for t in tokens)
