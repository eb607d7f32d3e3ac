"""Keyword-in-context, as quanteda's ``kwic``: every match of a pattern with the tokens around it.

Matching is on tokens, so 印度 never matches inside 印度尼西亚 and "export" never inside
"exporter". A pattern with spaces is a sequence of tokens; a part without wildcards is
tokenized with the language's tokenizer, so 수출통제 matches 수출 통제 (and the reverse), and
"open-weight" matches open - weight. Each token matches on its surface form or its lemma, case
and Traditional/Simplified spelling ignored: "model" finds "models", 開源 finds 开源.
"""
from __future__ import annotations

import fnmatch
import re
from typing import Any, Callable, Sequence

import pandas as pd

from polytag.errors import PolytagError
from polytag.keywords.corpus import as_texts, paragraphs
from polytag.text import get_language
from polytag.text.base import LanguageModule
from polytag.text.tokens import Token

COLUMNS = ["docname", "start", "end", "pre", "keyword", "post", "pattern"]
VALUETYPES = ("glob", "regex", "fixed")
_GLOB_CHARS = re.compile(r"[*?\[]")
_WHITESPACE = re.compile(r"\s+")

Matcher = Callable[[str, str], bool]  # (normalised surface, lemma) -> match


def kwic(
    corpus: Any,
    pattern: str | Sequence[str],
    *,
    window: int = 5,
    lang: str | None = None,
    valuetype: str = "glob",
) -> pd.DataFrame:
    """Every match of ``pattern`` (one or several) in ``corpus`` with ``window`` tokens of context.

    Columns: docname, start, end (character offsets into the document text:
    ``text[start:end] == keyword``), pre, keyword, post (the context as written, whitespace
    collapsed) and pattern. ``valuetype``: "glob" (``export*``), "regex" (searched within each
    token) or "fixed". ``corpus`` is anything :func:`polytag.keywords.corpus.as_texts` takes.
    """
    if valuetype not in VALUETYPES:
        raise PolytagError(f"unknown valuetype {valuetype!r}; use one of {', '.join(VALUETYPES)}")
    patterns = [pattern] if isinstance(pattern, str) else list(pattern)
    rows = []
    for text in as_texts(corpus, lang=lang):
        language = get_language(text.lang)
        tokens = [t for paragraph in paragraphs(text) for t in paragraph.tokens]
        keys = [(language.normalize(t.text), t.lemma.lower()) for t in tokens]
        for raw in patterns:
            matchers = _compile(raw, language, valuetype)
            n = len(matchers)
            for i in range(len(tokens) - n + 1):
                if all(match(*keys[i + j]) for j, match in enumerate(matchers)):
                    start, end = tokens[i].start, tokens[i + n - 1].end
                    rows.append({
                        "docname": text.name,
                        "start": start,
                        "end": end,
                        "pre": _context(text.text, tokens[max(0, i - window) : i]),
                        "keyword": text.text[start:end],
                        "post": _context(text.text, tokens[i + n : i + n + window]),
                        "pattern": raw,
                    })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.sort_values(["docname", "start"], kind="stable").reset_index(drop=True)


def _compile(pattern: str, language: LanguageModule, valuetype: str) -> list[Matcher]:
    """One matcher per token of ``pattern``."""
    matchers: list[Matcher] = []
    for part in pattern.split():
        if valuetype == "regex":
            matchers.append(_regex(part))
        elif valuetype == "glob" and _GLOB_CHARS.search(part):
            matchers.append(_glob(language.normalize(part)))
        else:
            matchers.extend(_fixed(language.normalize(t.text)) for t in language.tokenize(part))
    if not matchers:
        raise PolytagError(f"the pattern {pattern!r} holds no token")
    return matchers


def _fixed(value: str) -> Matcher:
    return lambda surface, lemma: value in (surface, lemma)


def _glob(value: str) -> Matcher:
    regex = re.compile(fnmatch.translate(value))
    return lambda surface, lemma: bool(regex.match(surface) or regex.match(lemma))


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
