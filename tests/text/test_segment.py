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


def test_a_paragraph_over_a_million_characters_is_cut_into_bounded_pieces(corpora):
    """spaCy refuses texts over ``nlp.max_length`` (E088): a document on one line must still
    segment and tokenize, every segment a slice of the text and no longer than a piece."""
    from polytag.text import tokenize
    from polytag.text.base import MAX_PIECE_CHARS

    words = (corpora / "en" / "us_eo14110_safe_secure_trustworthy_ai_2023.txt").read_text(encoding="utf-8").split()
    text = " ".join(words * (1_000_001 // len(" ".join(words)) + 1))
    assert len(text) > get_language("en").spacy_nlp.max_length
    segments = segment(text, lang="en")
    assert all(text[s.start:s.end] == s.text for s in segments)
    assert max(len(s.text) for s in segments) <= MAX_PIECE_CHARS
    assert "".join(s.text for s in segments).replace(" ", "") == text.replace(" ", "")  # nothing lost
    tokens = tokenize(text[:3 * MAX_PIECE_CHARS], "en")
    assert all(text[t.start:t.end] == t.text for t in tokens) and tokens[-1].end > 2 * MAX_PIECE_CHARS


@pytest.mark.parametrize("text", ["。".join(["开放模型促进合作"] * 3000), "가" * 25_000, "word " * 5000])
def test_bounded_spans_cut_at_sentence_ends_then_spaces_then_anywhere(text):
    from polytag.text.base import bounded_spans

    spans = list(bounded_spans(text, 0, len(text), limit=1000))
    assert all(0 < end - start <= 1000 for start, end in spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")
    if "。" in text:
        assert all(text[e - 1] == "。" for _, e in spans[:-1])
