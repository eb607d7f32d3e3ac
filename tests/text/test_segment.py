from __future__ import annotations

import pytest

from polytag.text import get_language, segment


def test_segments_are_slices_of_the_text(corpora):
    text = (corpora / "en" / "us_eo14110_safe_secure_trustworthy_ai_2023.txt").read_text(encoding="utf-8")
    segments = segment(text, doc_id="eo")
    assert len(segments) > 100
    assert all(text[s.start:s.end] == s.text for s in segments)
    assert [s.index for s in segments] == list(range(len(segments)))


def test_a_long_paragraph_is_cut_into_windows_of_three_sentences():
    sentences = [f"Sentence number {i} talks about open models and export controls." for i in range(8)]
    segments = segment(" ".join(sentences), lang="en")
    assert [s.text for s in segments] == [" ".join(sentences[0:3]), " ".join(sentences[3:6]), " ".join(sentences[6:8])]


@pytest.mark.parametrize("lang, path", [("en", "en/us_eo14110_safe_secure_trustworthy_ai_2023.txt"),
                                        ("zh", "zh/prc_gov_work_report_2024.txt")])
def test_counting_sentence_marks_never_changes_the_segments(corpora, lang, path, monkeypatch):
    """Paragraphs with too few sentence marks are not sentence-split: the result must be
    what splitting every paragraph gives."""
    text = (corpora / path).read_text(encoding="utf-8")
    quick = segment(text, lang=lang)
    monkeypatch.setattr(type(get_language(lang)), "may_have_more_sentences", lambda self, text, n: True)
    assert segment(text, lang=lang) == quick
    assert any(len(s.text) > 200 for s in quick)
