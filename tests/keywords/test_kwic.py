"""Keyword-in-context in the three languages: exact offsets, token boundaries, phrases, lemmas,
globs, regular expressions."""
from __future__ import annotations

import pytest

from polytag.errors import PolytagError
from polytag.keywords import kwic
from polytag.text import tokenize

CASES = [  # (document, pattern, minimum matches)
    ("ko/brief_rand_open_models_soft_power_2026.txt", "수출 통제", 7),
    ("ko/brief_rand_open_models_soft_power_2026.txt", "개방형 모델", 20),
    ("zh/cn_genai_interim_measures_2023.txt", "生成式人工智能 服务", 15),
    ("zh/prc_gov_work_report_2024.txt", "高质量发展", 20),
    ("en/us_eo_promoting_export_american_ai_stack_2025.txt", "export*", 10),
    ("en/us_eo14110_safe_secure_trustworthy_ai_2023.txt", "dual-use foundation model", 15),
]


@pytest.mark.parametrize("name, pattern, at_least", CASES)
def test_offsets_are_exact_and_token_bounded(corpus, name, pattern, at_least):
    document = corpus[name]
    frame = kwic(document, pattern, window=4)
    assert len(frame) >= at_least
    tokens = tokenize(document.text, document.meta["lang"])
    starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
    for row in frame.itertuples():
        assert document.text[row.start:row.end] == row.keyword
        assert row.start in starts and row.end in ends, "matches begin and end on token boundaries"
        assert row.doc_id == name and row.pattern == pattern
    assert list(frame["start"]) == sorted(frame["start"])


def test_india_never_matches_inside_indonesia():
    text = "印度和印度尼西亚签署协议。印度尼西亚的出口增长，印度的也增长。"
    frame = kwic(text, "印度", lang="zh")
    assert [text[s:e] for s, e in zip(frame["start"], frame["end"])] == ["印度", "印度"]
    assert list(frame["start"]) == [0, 24]
    assert len(kwic(text, "印度尼西亚", lang="zh")) == 2


def test_korean_phrases_match_either_spelling(corpus):
    text = "미국은 수출통제를 강화했고 수출 통제 조치를 조정했다."
    for pattern in ("수출 통제", "수출통제"):
        assert list(kwic(text, pattern)["keyword"]) == ["수출통제", "수출 통제"]
    assert list(kwic(text, "통제하다")["keyword"]) == []  # 통제 is not followed by 하다 here
    assert list(kwic("수출을 통제한다", "통제하다")["keyword"]) == ["통제한다"]  # 한다: one token, lemma 하다


def test_lemmas_case_and_traditional_spelling():
    english = kwic("Export controls matter. An export control regime. The exporter exports.", "export control")
    assert list(english["keyword"]) == ["Export controls", "export control"]
    assert list(kwic("The exporter exports.", "export")["keyword"]) == ["exports"]
    chinese = kwic("出口管製與開源模型，以及开源模型。", "开源模型", lang="zh")
    assert list(chinese["keyword"]) == ["開源模型", "开源模型"]


def test_context_window_and_valuetypes():
    text = "one two three four five six seven eight nine ten"
    row = kwic(text, "six", window=2).iloc[0]
    assert (row["pre"], row["keyword"], row["post"]) == ("four five", "six", "seven eight")
    assert list(kwic(text, "th*e", valuetype="glob")["keyword"]) == ["three"]
    assert list(kwic(text, "^t", valuetype="regex")["keyword"]) == ["two", "three", "ten"]
    assert list(kwic(text, "t*", valuetype="fixed")["keyword"]) == []
    both = kwic(text, ["two", "nine ten"])
    assert list(both["keyword"]) == ["two", "nine ten"] and list(both["pattern"]) == ["two", "nine ten"]
    with pytest.raises(PolytagError, match="invalid regular expression"):
        kwic(text, "(", valuetype="regex")


def test_every_match_in_a_folder(corpora):
    frame = kwic(corpora / "zh", "人工智能")
    assert {"prc_gov_work_report_2022.txt", "prc_gov_work_report_2024.txt"} <= set(frame["doc_id"])
    assert set(frame["keyword"]) == {"人工智能"}
    # 生成式人工智能 is one token, and 人工智能 is found inside it, as the dictionary tagger finds it
    assert "cn_genai_interim_measures_2023.txt" in set(frame["doc_id"])
    assert len(kwic(corpora / "zh", "生成式人工智能*")) >= 30


def _tagger_spans(text: str, lang: str, term: str) -> list[tuple[int, int]]:
    """Where the dictionary tagger finds ``term`` in ``text``, with a codebook made of it alone."""
    from polytag.themes import Codebook
    from polytag.themes.dictionary import TermMatcher
    from polytag.themes.segments import text_unit

    matcher = TermMatcher(Codebook.from_dict({"themes": {"t": {"concepts": {"c": {lang: [term]}}}}}))
    return [(m.start, m.end) for m in matcher.matches(text_unit(text, lang))]


KWIC_AS_TAGGER = [  # (text, lang, term, the passages both must find)
    ("我们发展生成式人工智能服务，也推动人工智能+行动。", "zh", "人工智能", ["人工智能", "人工智能"]),
    ("我們發展生成式人工智慧服務。", "zh", "人工智能", ["人工智慧"]),
    ("印度和印度尼西亚签署协议，印度尼西亚的出口增长。", "zh", "印度", ["印度"]),
    ("Open weight models spread. An open-weight model is released; openweight is not a word.", "en",
     "open-weight model", ["Open weight models", "open-weight model"]),
    ("We export chips; the exporter exports models.", "en", "export", ["export", "exports"]),
    ("정부는 수출통제를 강화하고 수출 통제 조치를 조정했다. 생성형 인공지능서비스도 늘었다.", "ko", "수출 통제",
     ["수출통제", "수출 통제"]),
    ("생성형 인공지능서비스와 인공지능 서비스가 늘었다.", "ko", "인공지능", ["인공지능", "인공지능"]),
]


@pytest.mark.parametrize("text, lang, term, passages", KWIC_AS_TAGGER)
def test_kwic_finds_what_the_dictionary_tagger_matches(text, lang, term, passages):
    frame = kwic(text, term, lang=lang)
    found = list(zip(frame["start"], frame["end"]))
    assert [text[s:e] for s, e in found] == passages
    assert found == _tagger_spans(text, lang, term)


def test_a_polytag_corpus_is_read_as_its_documents(corpora):
    import pandas as pd

    import polytag

    folder = corpora / "zh"
    corpus = polytag.Corpus.from_folder(folder)
    from_corpus = kwic(corpus, "人工智能", window=5)
    assert len(from_corpus) > 0
    pd.testing.assert_frame_equal(from_corpus, kwic(str(folder), "人工智能", window=5))
