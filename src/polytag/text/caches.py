"""The caches of tokens and word facts, with one owner and one rule for clearing them.

Whatever is computed from a tokenizer's output depends on the language settings: stop words
decide ``Token.is_stop`` (and so content words, theme features and keyword candidates), the
user dictionary how Chinese is cut. Every cache of such things is made by
:data:`TOKEN_CACHES`: the tokenizers' per-word facts, tokenized segments
(:func:`polytag.themes.segments.text_unit`) and tokenized documents (keywords, kwic). The rule:
a change of settings (:func:`polytag.add_stop_words`) clears them all, so a cached token is
always what a fresh :func:`polytag.tokenize` gives. Caches that hold no tokens (OpenCC
converters, word-frequency lists, fonts) are not settings-dependent and stay with their modules.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class TokenCaches:
    """Owner of every cache that depends on the language settings."""

    def __init__(self) -> None:
        self._words: list[Callable[[], None]] = []
        self._texts: list[Callable[[], None]] = []

    def words(self) -> dict:
        """A new dict for a tokenizer's per-word facts (small: bounded by the vocabulary)."""
        cache: dict = {}
        self._words.append(cache.clear)
        return cache

    def texts(self, maxsize: int) -> Callable[[F], F]:
        """Decorator: keep the last ``maxsize`` results of a function of texts (their tokens)."""

        def decorate(function: F) -> F:
            cached = lru_cache(maxsize=maxsize)(function)
            self._texts.append(cached.cache_clear)
            return cached  # type: ignore[return-value]

        return decorate

    def clear(self) -> None:
        """Empty every cache: what a change of language settings calls."""
        for clear in (*self._words, *self._texts):
            clear()

    def release_texts(self) -> None:
        """Empty the caches of whole texts only, freeing memory (between the files of a batch)
        without losing the per-word facts that make tokenizing fast."""
        for clear in self._texts:
            clear()


#: the process's one owner of token caches
TOKEN_CACHES = TokenCaches()
