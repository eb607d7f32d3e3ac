"""A report's keywords per document take bounded time and memory: a document longer than
``MAX_KEYWORD_CHARS`` is sampled by whole paragraphs spread evenly over it."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from polytag.report.keywords import MAX_KEYWORD_CHARS, keyword_table, sample_text

CORPORA = Path(__file__).resolve().parents[2] / "corpora"


def _long_chinese_text() -> str:
    """Over ``MAX_KEYWORD_CHARS`` of distinct Chinese paragraphs (each corpus paragraph tagged
    with its copy number, so no paragraph repeats)."""
    paragraphs = [p for path in sorted((CORPORA / "zh").glob("*.txt"))
                  for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    text, copy = [], 0
    while sum(map(len, text)) < 3 * MAX_KEYWORD_CHARS:
        copy += 1
        text += [f"（{copy}）{p}" for p in paragraphs]
    return "\n\n".join(text)


def test_a_long_text_is_sampled_by_whole_paragraphs_from_start_to_end() -> None:
    text = _long_chinese_text()
    paragraphs = text.split("\n\n")
    sample = sample_text(text).split("\n\n")
    assert MAX_KEYWORD_CHARS / 2 < len("\n\n".join(sample)) <= MAX_KEYWORD_CHARS
    assert set(sample) <= set(paragraphs) and sample[0] == paragraphs[0]
    assert any(p in sample for p in paragraphs[-len(paragraphs) // 10:])  # reaches the end
    assert sample_text(paragraphs[0]) == paragraphs[0]


def test_report_keywords_of_a_long_document_are_those_of_its_sample() -> None:
    text, limit = _long_chinese_text(), 20_000
    long = keyword_table(pd.DataFrame({"doc_id": ["long"], "text": [text], "lang": ["zh"]}), k=5, max_chars=limit)
    sample = sample_text(text, limit)
    sampled = keyword_table(pd.DataFrame({"doc_id": ["long"], "text": [sample], "lang": ["zh"]}), k=5)
    assert len(long) == 5
    pd.testing.assert_frame_equal(long, sampled)
