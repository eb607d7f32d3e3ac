"""Keyword-in-context, as quanteda's ``kwic``: every match of a pattern with the tokens around it.

Words and phrases ("fixed" and "glob" patterns) are compiled and found by the term layer
(:mod:`polytag.text.terms`), the matcher the dictionary tagger uses, so kwic finds what tagging
counts: 印度 never inside 印度尼西亚 but 人工智能 inside 生成式人工智能服务, "export" never inside
"exporter", 수출통제 = 수출 통제, "open-weight model" = "Open weight models" (lemmas, case and
hyphens), 開源 = 开源. A "regex" pattern is searched within each token (its surface or lemma).
"""
from __future__ import annotations

import re
from typing import Any, Callable, Sequence

import pandas as pd

from polytag.errors import PolytagError, UnknownOptionError
from polytag.keywords.corpus import as_texts, paragraphs
from polytag.text import get_language
from polytag.text.terms import TermIndex
from polytag.text.tokens import Token

COLUMNS = ["doc_id", "start", "end", "pre", "keyword", "post", "pattern"]
VALUETYPES = ("glob", "regex", "fixed")
_WHITESPACE = re.compile(r"\s+")

Matcher = Callable[[str, str], bool]  # (lower-cased surface, lemma) -> match


def kwic(
    corpus: Any,
    pattern: str | Sequence[str],
    *,
    window: int = 5,
    lang: str | None = None,
    valuetype: str = "glob",
) -> pd.DataFrame:
    """Every match of ``pattern`` (one or several) in ``corpus`` with ``window`` tokens of context.

    Columns: doc_id, start, end (character offsets into the document text:
    ``text[start:end] == keyword``), pre, keyword, post (the context as written, whitespace
    collapsed) and pattern. ``valuetype``: "glob" (``export*``), "regex" (searched within each
    token) or "fixed". ``corpus`` is anything :func:`polytag.keywords.corpus.as_texts` takes.
    """
    if valuetype not in VALUETYPES:
        raise UnknownOptionError(f"unknown valuetype {valuetype!r}; use one of {', '.join(VALUETYPES)}")
    patterns = [pattern] if isinstance(pattern, str) else list(pattern)
    compiled: dict[str, Callable[[list[Token]], list[tuple[str, int, int, int, int]]]] = {}
    rows = []
    for text in as_texts(corpus, lang=lang):
        if text.lang not in compiled:
            compiled[text.lang] = _compile(patterns, text.lang, valuetype)
        tokens = [t for paragraph in paragraphs(text) for t in paragraph.tokens]
        for raw, start, end, first, last in dict.fromkeys(compiled[text.lang](tokens)):
            rows.append({
                "doc_id": text.name,
                "start": start,
                "end": end,
                "pre": _context(text.text, tokens[max(0, first - window) : first]),
                "keyword": text.text[start:end],
                "post": _context(text.text, tokens[last + 1 : last + 1 + window]),
                "pattern": raw,
            })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    order = {raw: i for i, raw in enumerate(patterns)}
    frame = frame.assign(_order=frame["pattern"].map(order))
    return (frame.sort_values(["doc_id", "start", "_order", "end"], kind="stable").drop(columns="_order")
            .reset_index(drop=True))


def _compile(patterns: list[str], lang: str, valuetype: str) -> Callable[[list[Token]], list[tuple]]:
    """A function from a document's tokens to its matches (pattern, start, end, first token,
    last token)."""
    if valuetype == "regex":
        by_pattern = [(raw, [_regex(part) for part in raw.split()]) for raw in patterns]
        for raw, matchers in by_pattern:
            if not matchers:
                raise PolytagError(f"the pattern {raw!r} holds no token")
        normalize = get_language(lang).normalize
        return lambda tokens: _regex_matches(by_pattern, tokens, normalize)
    index = TermIndex([(raw, "", raw, 1.0) for raw in patterns], lang,
                      wildcards="glob" if valuetype == "glob" else "")
    empty = [raw for raw in patterns if raw not in index.keys()]
    if empty:
        raise PolytagError(f"the pattern {empty[0]!r} holds no token")
    return lambda tokens: [(h.term.key, h.start, h.end, h.first, h.last) for h in index.find(tokens)]


def _regex_matches(by_pattern: list[tuple[str, list[Matcher]]], tokens: list[Token],
                   normalize: Callable[[str], str]) -> list[tuple]:
    keys = [(normalize(t.text), t.lemma.lower()) for t in tokens]
    found = []
    for raw, matchers in by_pattern:
        n = len(matchers)
        for i in range(len(tokens) - n + 1):
            if all(match(*keys[i + j]) for j, match in enumerate(matchers)):
                found.append((raw, tokens[i].start, tokens[i + n - 1].end, i, i + n - 1))
    return found


def _regex(value: str) -> Matcher:
    try:
        regex = re.compile(value, re.IGNORECASE)
    except re.error as error:
        raise PolytagError(f"invalid regular expression {value!r}: {error}") from None
    return lambda surface, lemma: bool(regex.search(surface) or regex.search(lemma))


def _context(text: str, tokens: list[Token]) -> str:
    if not tokens:
        return ""
    return _WHITESPACE.sub(" ", text[tokens[0].start : tokens[-1].end])
