"""Keyword extraction on the real corpora: terms a reader accepts, central terms found, no stop
words or boilerplate, one identity per term, the same shape for every method."""
from __future__ import annotations

import re

import pytest

import polytag
from polytag.errors import LanguageError, PolytagError
from polytag.keywords import keywords, keywords_frame

KO_BRIEF = "ko/brief_rand_open_models_soft_power_2026.txt"
ZH_MEASURES = "zh/cn_genai_interim_measures_2023.txt"
ZH_REPORT = "zh/prc_gov_work_report_2024.txt"
EN_EO = "en/us_eo14110_safe_secure_trustworthy_ai_2023.txt"
BOILERPLATE = re.compile(r"\d|^(sec|section|article|chapter|paragraph)\b|第\S{1,4}条|제\s?\d+\s?조|^(january|july|day|date)$", re.I)
METHODS = ["tfidf", "textrank"]


@pytest.fixture(scope="module", params=METHODS)
def frames(request, corpus):
    """Top-20 keyword frames of a Korean, a Chinese and an English document, per method."""
    return {
        name: keywords_frame(corpus[name], k=20, method=request.param)
        for name in (KO_BRIEF, ZH_MEASURES, ZH_REPORT, EN_EO)
    }


def _terms(frame) -> list[str]:
    return list(frame["term"])


def test_korean_brief_has_its_central_terms(corpus):
    terms = _terms(keywords_frame(corpus[KO_BRIEF], k=20))
    assert "개방형 모델" in terms
    assert "소프트 파워" in terms  # written 소프트파워: one term, Korean nouns joined by a space
    # export control: 수출 통제 itself, or a phrase standing for it (near-duplicates merged)
    assert any("수출 통제" in term for term in terms), terms


def test_chinese_documents_have_their_central_terms_and_no_generic_verbs(corpus):
    measures = _terms(keywords_frame(corpus[ZH_MEASURES], k=20))
    assert any(term.startswith("生成式人工智能") for term in measures[:3]), measures
    assert {"训练数据", "个人信息", "算法"} <= set(measures)
    report = _terms(keywords_frame(corpus[ZH_REPORT], k=20))
    assert "高质量发展" in report
    # the gap left by jieba.analyse: generic verbs are never keywords on their own
    assert not {"发展", "建设", "推进", "加强", "深化"} & set(report), report


def test_english_order_has_its_central_terms(corpus):
    terms = _terms(keywords_frame(corpus[EN_EO], k=20))
    assert {"AI", "generative AI", "dual-use foundation model"} <= set(terms), terms
    assert "critical infrastructure" in _terms(keywords_frame(corpus[EN_EO], k=30))


def test_action_plan_pdf_has_export_control_terms(action_plan_pdf):
    document = polytag.read(action_plan_pdf).documents[0]
    # the plan runs through some thirty policy areas; export controls come in its last pillar
    terms = _terms(keywords_frame(document, k=50))
    assert "export control" in terms, terms
    assert {"AI", "AI system", "national security"} <= set(terms[:20])


def test_keywords_are_never_stop_words_numbers_or_boilerplate(frames, corpus):
    for name, frame in frames.items():
        lang = corpus[name].meta["lang"]
        stop = polytag.stop_words(lang)
        for term in frame["term"]:
            words = [term] if lang == "zh" else term.split()
            assert not any(w.lower() in stop for w in words), (name, term)
            assert not BOILERPLATE.search(term), (name, term)
            assert len(term) >= 2


def test_korean_terms_are_noun_sequences(frames):
    for term in frames[KO_BRIEF]["term"]:
        tokens = polytag.tokenize(term, "ko")
        assert all(t.pos in ("NOUN", "PROPN", "X") for t in tokens), (term, tokens)
        assert not any(t.tag.startswith("J") for t in tokens), "no particle (통제를) in a term"


def test_every_method_returns_the_same_shape(corpus):
    for method in METHODS:
        pairs = keywords(corpus[KO_BRIEF], k=15, method=method)
        assert 0 < len(pairs) <= 15
        assert all(isinstance(t, str) and isinstance(s, float) for t, s in pairs)
        scores = [s for _, s in pairs]
        assert scores == sorted(scores, reverse=True), method
        assert len({t for t, _ in pairs}) == len(pairs)


def test_term_identity_merges_spellings():
    ko = keywords_frame("수출통제 강화. 수출 통제 완화. 수출통제 논의.", k=5, lang="ko")
    row = ko[ko["term"] == "수출 통제"].iloc[0]
    assert row["count"] == 3 and set(row["forms"]) == {"수출통제", "수출 통제"}
    zh = keywords_frame("出口管製很重要。出口管制更重要。出口管制。", k=5, lang="zh")
    row = zh[zh["term"] == "出口管制"].iloc[0]
    assert row["count"] == 3 and set(row["forms"]) == {"出口管製", "出口管制"}
    en = keywords_frame("Open-weight models matter. An open-weight model. The United States and the United States.", k=5)
    assert "open-weight model" in set(en["term"]) and "united states" in set(en["term"])
    row = en[en["term"] == "open-weight model"].iloc[0]
    assert set(row["forms"]) == {"Open-weight models", "open-weight model"}


def test_a_phrase_and_its_sub_phrase_are_merged():
    text = "Semiconductor manufacturing equipment is scarce. " * 3 + "Manufacturing equipment and equipment."
    terms = [t for t, _ in keywords(text, k=10)]
    assert "semiconductor manufacturing equipment" in terms
    assert "semiconductor manufacturing" not in terms and "manufacturing equipment" not in terms


def test_inputs_documents_paths_segments_and_text_agree(corpus, corpora):
    document = corpus[KO_BRIEF]
    from_document = keywords(document, k=10)
    assert keywords(document.text, k=10) == from_document
    assert keywords(corpora / KO_BRIEF, k=10) == from_document
    assert keywords(str(corpora / KO_BRIEF), k=10) == from_document
    segments = [s.text for s in polytag.segment(document.text, lang="ko")]
    assert {t for t, _ in keywords(segments, k=10)} & {t for t, _ in from_document}


def test_corpus_background_scores_against_other_documents(corpus):
    reports = [d for name, d in corpus.items() if name.startswith("zh/prc_gov_work_report")]
    general = keywords(corpus[ZH_REPORT], k=20)
    against_reports = keywords(corpus[ZH_REPORT], k=20, background=reports)
    assert [t for t, _ in against_reports] != [t for t, _ in general]
    assert all(isinstance(t, str) for t, _ in against_reports)
    with pytest.raises(PolytagError, match="no document in 'zh'"):
        keywords(corpus[ZH_REPORT], background=[corpus[KO_BRIEF]])


def test_errors_are_clear(corpus):
    with pytest.raises(PolytagError, match="unknown keyword method"):
        keywords("export controls", method="yake")
    with pytest.raises(PolytagError, match="one language"):
        keywords([corpus[KO_BRIEF], corpus[ZH_MEASURES]])


def test_the_package_is_callable_as_polytag_keywords():
    import polytag.keywords as package

    assert package("export controls and export controls", k=1) == keywords("export controls and export controls", k=1)


def test_a_string_that_looks_like_a_path_but_names_nothing_is_an_error(corpora, monkeypatch):
    """Run from notebooks/, "corpora/zh/..." names no file: that is an error naming the
    folder it was looked for in, never keywords of the path's words."""
    from polytag.errors import UnreadableFileError

    monkeypatch.chdir(corpora.parent / "notebooks")
    for call in (polytag.keywords, polytag.kwic, polytag.tag):
        args = (ZH_REPORT,) if call is not polytag.kwic else ("corpora/zh", "出口管制")
        with pytest.raises(UnreadableFileError, match="no such file or folder.*notebooks"):
            call(*args)
    with pytest.raises(PolytagError, match="takes text"):
        polytag.tag(f"../corpora/{ZH_REPORT}")
    assert keywords(f"../corpora/{ZH_REPORT}", k=3) == keywords(corpora / ZH_REPORT, k=3)
    assert keywords("AI and export controls", k=2) and keywords("中国/美国关系", k=1)  # text stays text


# --- whole terms (issue 11): no fragments, no bare generic words, one name once ---------------

EN_FACT_SHEET = "en/us_factsheet_export_american_ai_2025.txt"


def _fixed_neighbour(text: str, term: str) -> str | None:
    """The character written right before (or after) every occurrence of ``term`` in ``text``, if
    one is and it is no function word (以, 的): the term is then cut from a longer expression
    (时代中国特色社会主义 from 新时代…)."""
    stop = polytag.stop_words("zh")
    for side in (-1, 1):
        found = set()
        for match in re.finditer(re.escape(term), text):
            at = match.start() - 1 if side < 0 else match.end()
            found.add(text[at] if 0 <= at < len(text) else "")
        if len(found) == 1 and (neighbour := found.pop()) and neighbour.isalnum() and neighbour not in stop:
            return neighbour
    return None


def test_government_work_report_has_its_central_terms_and_no_fragments(corpus):
    document = corpus[ZH_REPORT]
    terms = _terms(keywords_frame(document, k=20))
    # the report's new themes: new quality productive forces, AI (人工智能+), science and technology
    assert {"新质生产力", "人工智能", "人工智能+", "科技", "科技创新"} & set(terms), terms
    fragments = {t: n for t in terms if (n := _fixed_neighbour(document.text, t))}
    assert not fragments, fragments  # e.g. 时代中国特色社会主义, always after 新
    assert not {"力度", "施策", "政策", "重点领域"} & set(terms), terms


@pytest.mark.parametrize("name", [ZH_REPORT, KO_BRIEF, EN_FACT_SHEET, "en/us_factsheet_ai_diffusion_framework_2025-01-13.txt"])
def test_no_keyword_is_always_written_inside_the_same_longer_expression(corpus, name):
    document = corpus[name]
    lang = document.meta["lang"]
    for term in _terms(keywords_frame(document, k=30)):
        if lang == "zh":
            assert _fixed_neighbour(document.text, term) is None, term
        else:  # a whole word always written before or after the term, in the same phrase
            words = re.findall(rf"(\w+)[ ]{re.escape(term)}\b|\b{re.escape(term)}[ ](\w+)", document.text, re.I)
            count = len(re.findall(rf"\b{re.escape(term)}\b", document.text, re.I))
            if count >= 2:
                for side in (0, 1):
                    seen = [w[side].lower() for w in words if w[side]]
                    stop = polytag.stop_words(lang)
                    same = {w for w in seen if w not in stop and seen.count(w) == count}
                    assert not same, (term, same)


def test_a_name_with_and_without_title_or_first_name_is_one_keyword(corpus):
    terms = _terms(keywords_frame(corpus[EN_FACT_SHEET], k=40))
    trumps = [t for t in terms if t.lower().split()[-1] == "trump"]
    assert len(trumps) == 1, trumps  # "president trump" or "president donald J. trump", not both
    report = _terms(keywords_frame(corpus[ZH_REPORT], k=40))
    assert len([t for t in report if t.startswith("习近平")]) <= 1, report  # 习近平同志 = 习近平


def test_generic_words_adjectives_and_verbs_are_no_keywords_alone():
    text = ("The agency will address domestic risks. Domestic action matters. Domestic action and\n"
            "national action. We must address export controls. The national security address of the\n"
            "president. Export controls protect national security. President Trump spoke. President\n"
            "Donald J. Trump signed the order. President Trump signed.")
    terms = [t for t, _ in keywords(text, k=20, lang="en")]
    assert not {"domestic", "action", "address", "national", "president", "trump"} & set(terms), terms
    assert {"export control", "national security"} <= set(terms), terms
    assert len([t for t in terms if t.endswith("trump")]) == 1, terms
    zh = [t for t, _ in keywords("加大宏观调控力度。注重精准施策。财政政策要加力。政策要协同。财政政策。", k=20, lang="zh")]
    assert "财政政策" in zh and not {"力度", "施策", "政策"} & set(zh), zh
    ko = [t for t, _ in keywords("AI 정책을 추진한다. 상업적 사용을 허용한다. 상업적 사용. AI 정책 지원.", k=20, lang="ko")]
    assert "AI 정책" in ko and not {"정책", "상업적", "지원"} & set(ko), ko


def test_a_fixed_expression_is_not_cut():
    text = "以习近平新时代中国特色社会主义思想为指导。" * 3 + "坚持中国特色社会主义道路。"
    terms = [t for t, _ in keywords(text, k=20, lang="zh")]
    assert not {"时代中国特色社会主义", "中国特色社会主义思想", "时代中国特色社会主义思想"} & set(terms), terms


def test_a_long_text_on_one_line_is_text_not_a_file_name():
    text = "Export controls on advanced semiconductors protect national security. " * 8
    terms = [term for term, _ in polytag.keywords(text, k=5)]
    assert "export control" in terms


def test_text_in_no_language_polytag_reads_is_refused_by_name():
    with pytest.raises(LanguageError, match="text1: written in no language"):
        polytag.keywords("オープンモデルは重要です。" * 3)


def test_a_word_jieba_makes_up_across_a_conjunction_is_no_term():
    text = ("商务主管部门依据出口管制法和本条例的规定，对两用物项出口实施管制。\n\n"
            "出口经营者应当依照出口管制法和本条例的规定申请两用物项出口许可。\n\n"
            "海关依据出口管制法和本条例的规定，对两用物项出口进行查验。\n")
    terms = {term for term, _ in polytag.keywords(text, k=20, lang="zh")}
    assert "出口管制" in terms
    assert not any("法和本" in term for term in terms)
