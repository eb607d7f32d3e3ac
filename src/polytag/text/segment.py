"""Document -> paragraphs -> segments, the unit that themes are tagged on.

A paragraph is a block of lines; a line that starts with a bullet or a number, or that
follows a line ending a sentence, starts a new paragraph; short hard-wrapped lines are joined.
A paragraph of more than ``max_sentences`` sentences is cut into windows of ``window``
sentences (THEMES.md's unit of analysis). A paragraph of more than 10,000 characters (a whole
document on one line) is first cut into pieces at sentence ends.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from polytag.text.base import bounded_spans, get_language
from polytag.text.detect import detect_language

_BULLET = re.compile(
    r"^\s*(?:[-–—•●○◦▪▫■□◆◇※*⇒➢►]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]\s|[①-⑳]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）"
    r"|第[一二三四五六七八九十百零\d]+[条章节]|제\d+[조장절]|Sec\.|Section\s+\d|Article\s+\d|[가-하][.)]\s)"
)
_SENTENCE_END = re.compile(r"[.!?。！？:：;；]['\"”’」』)）]*\s*$")
_WRAP_WIDTH = 60
#: paragraphs shorter than this are never split into windows (they cannot hold 6 sentences)
_MIN_SPLIT_CHARS = 200


@dataclass(frozen=True)
class Segment:
    """A passage of a document: ``text == document_text[start:end]``."""

    doc_id: str
    index: int
    start: int
    end: int
    lang: str | None
    text: str


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of ``text``, whitespace trimmed; a paragraph longer than
    ``MAX_PIECE_CHARS`` is cut into pieces (``bounded_spans``), so that no tokenizer or
    sentence splitter is ever given a very long string."""
    spans: list[tuple[int, int]] = []
    current: list[int] | None = None  # [start, end] of the paragraph being built
    previous_line = ""
    position = 0
    for raw in text.splitlines(keepends=True):
        line_start, line_end = position, position + len(raw)
        position = line_end
        stripped = raw.strip()
        if not stripped:
            if current:
                spans.append((current[0], current[1]))
            current, previous_line = None, ""
            continue
        lead = len(raw) - len(raw.lstrip())
        start = line_start + lead
        end = line_start + len(raw.rstrip())
        continues = (
            current is not None
            and len(previous_line) >= _WRAP_WIDTH
            and not _SENTENCE_END.search(previous_line)
            and not _BULLET.match(stripped)
        )
        if continues:
            current[1] = end
        else:
            if current:
                spans.append((current[0], current[1]))
            current = [start, end]
        previous_line = stripped
    if current:
        spans.append((current[0], current[1]))
    return [piece for s, e in spans if any(ch.isalnum() for ch in text[s:e]) for piece in bounded_spans(text, s, e)]


def segment(
    text: str,
    *,
    doc_id: str = "",
    lang: str | None = None,
    max_sentences: int = 5,
    window: int = 3,
) -> list[Segment]:
    """Segments of a document text, each with its language: detected per paragraph, and
    ``lang`` (the document's language, detected from the whole text when not given) for a
    paragraph without letters; None only when the document has no letters and no ``lang``."""
    doc_lang = lang or detect_language(text)
    segments: list[Segment] = []
    for p_start, p_end in paragraph_spans(text):
        paragraph = text[p_start:p_end]
        seg_lang = detect_language(paragraph, default=doc_lang)
        for s, e in _windows(paragraph, seg_lang, max_sentences, window):
            segments.append(Segment(doc_id, len(segments), p_start + s, p_start + e, seg_lang, paragraph[s:e]))
    return segments


def _windows(paragraph: str, lang: str | None, max_sentences: int, window: int) -> Iterable[tuple[int, int]]:
    if lang is None or len(paragraph) < _MIN_SPLIT_CHARS:
        return [(0, len(paragraph))]
    language = get_language(lang)
    if not language.may_have_more_sentences(paragraph, max_sentences):
        return [(0, len(paragraph))]
    sentences = language.sentence_spans(paragraph)
    if len(sentences) <= max_sentences:
        return [(0, len(paragraph))]
    return [(sentences[i][0], sentences[min(i + window, len(sentences)) - 1][1]) for i in range(0, len(sentences), window)]
