"""What theme estimators take as input: segments with their language, tokenized once.

``X`` may be a list of strings (language detected per string; ``FALLBACK_LANG`` for a string
without letters), a DataFrame with a ``text``
column and an optional ``lang`` column, a list of :class:`polytag.Segment`, or one string.
Tokenization is cached per (text, language), so cross-validation and grid search do not
tokenize the same segment again (a cache of :data:`~polytag.text.caches.TOKEN_CACHES`, cleared
when stop words change).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, Sequence

import pandas as pd

from polytag.text import FALLBACK_LANG, Segment, Token, detect_language, get_language
from polytag.text.caches import TOKEN_CACHES


@dataclass(frozen=True)
class TextUnit:
    """A segment ready for theme features: its text, language and tokens."""

    text: str
    lang: str
    tokens: tuple[Token, ...]

    @cached_property
    def content(self) -> tuple[list[Token], list[str]]:
        """Content words (not stop words, with a letter) and their lower-cased lemmas: what
        word features count and word evidence points at."""
        tokens = [t for t in self.tokens if t.is_word and not t.is_stop and any(map(str.isalpha, t.text))]
        return tokens, [t.lemma.lower() for t in tokens]


@TOKEN_CACHES.texts(maxsize=8192)
def text_unit(text: str, lang: str | None) -> TextUnit:
    """``text`` tokenized in ``lang`` (detected when None)."""
    code = lang or detect_language(text, default=FALLBACK_LANG)
    return TextUnit(text, code, tuple(get_language(code).tokenize(text)))


def as_units(X: Any) -> list[TextUnit]:
    """Normalise any supported input to a list of :class:`TextUnit` (a list of units is
    returned as it is: the tokenization cache is bounded and must not be relied on)."""
    if isinstance(X, (list, tuple)) and all(isinstance(item, TextUnit) for item in X):
        return list(X)
    return [text_unit(text, lang) for text, lang in as_pairs(X)]


def as_pairs(X: Any) -> list[tuple[str, str | None]]:
    if isinstance(X, str):
        return [(X, None)]
    if isinstance(X, pd.DataFrame):
        if "text" not in X.columns:
            raise ValueError("a DataFrame of segments needs a 'text' column")
        langs: Sequence = X["lang"] if "lang" in X.columns else [None] * len(X)
        return [(str(t), _lang_or_none(l)) for t, l in zip(X["text"], langs)]
    if isinstance(X, pd.Series):
        return [(str(t), None) for t in X]
    pairs = []
    for item in X:
        if isinstance(item, Segment):
            pairs.append((item.text, item.lang))
        elif isinstance(item, TextUnit):
            pairs.append((item.text, item.lang))
        elif isinstance(item, tuple) and len(item) == 2:
            pairs.append((str(item[0]), _lang_or_none(item[1])))
        else:
            pairs.append((str(item), None))
    return pairs


def _lang_or_none(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value) or value == "":
        return None
    return str(value)
