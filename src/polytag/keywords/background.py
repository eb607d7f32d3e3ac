"""How specific a word or term is: against general-language frequencies (``wordfreq``, shipped
offline, so a single document can be scored) or against the documents of a corpus (IDF).

Specificity is an inverse document/word frequency in nats. A multi-word term's specificity
from word frequencies is the sum of its words' divided by the square root of their number:
rarer than any of its words, but not as rare as if the words were independent.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from polytag.keywords.corpus import Text
from polytag.keywords.terms import Term, index_terms
from polytag.text.detect import script_of

#: the frequency of a word made of listed words (open-weight, 개방형) is theirs combined as
#: wordfreq combines them, divided by this for each split (wordfreq does so for Chinese)
_SPLIT_PENALTY = 10.0
_HYPHEN_OR_SPACE = re.compile(r"[\s\-‐‑]+")


class GeneralBackground:
    """Specificity from general-language word frequencies (``wordfreq``) of one language."""

    def __init__(self, lang: str) -> None:
        self._frequencies, self._rarest = _frequency_list(lang)
        self._cache: dict[str, float] = {}

    def word(self, word: str) -> float:
        """``-ln`` of the word's frequency; a word the list lacks is taken as a compound of
        words it knows (개방형 = 개방 + 형), or else as rare as the rarest listed word."""
        value = self._cache.get(word)
        if value is None:
            value = self._cache[word] = -math.log(self._frequency(word.lower()))
        return value

    def term(self, term: Term) -> float:
        return sum(self.word(w) for w in term.words) / math.sqrt(len(term.words))

    def _frequency(self, word: str) -> float:
        known = self._frequencies.get(word) or self._frequencies.get(word.rstrip("."))  # U.S. is listed as u.s
        if known:
            return known
        pieces = [p for p in _HYPHEN_OR_SPACE.split(word) if p]
        if len(pieces) == 1:
            pieces = self._split(word)
            if pieces is None:
                return self._rarest
        return 1.0 / sum(1.0 / self._frequency(p) for p in pieces) / _SPLIT_PENALTY ** (len(pieces) - 1)

    def _split(self, word: str) -> list[str] | None:
        """Longest-first split of a Hangul or Han word into listed words; None if impossible.
        (Latin words are not split: 'kratsios' is not 'k' + 'rat' + 'sios'.)"""
        if len(word) < 2 or not all(script_of(ch) in ("hangul", "han") for ch in word):
            return None
        pieces, start = [], 0
        while start < len(word):
            for end in range(len(word), start, -1):
                if word[start:end] in self._frequencies:
                    pieces.append(word[start:end])
                    start = end
                    break
            else:
                return None
        return pieces


class CorpusBackground:
    """Specificity as smoothed IDF over the documents of a corpus: ``ln((1+N)/(1+df)) + 1``."""

    def __init__(self, texts: list[Text]) -> None:
        self._n = len(texts)
        self._term_df: dict[str, int] = {}
        self._word_df: dict[str, int] = {}
        for text in texts:
            index = index_terms([text])
            for key in index.terms:
                self._term_df[key] = self._term_df.get(key, 0) + 1
            for word in {w.lemma for _, run in index.runs for w in run}:
                self._word_df[word] = self._word_df.get(word, 0) + 1

    def word(self, word: str) -> float:
        return self._idf(self._word_df.get(word, 0))

    def term(self, term: Term) -> float:
        return self._idf(self._term_df.get(term.key, 0))

    def _idf(self, df: int) -> float:
        return math.log((1 + self._n) / (1 + df)) + 1


@lru_cache(maxsize=None)
def _frequency_list(lang: str) -> tuple[dict[str, float], float]:
    """wordfreq's frequencies for ``lang`` and the smallest of them (about 0.25 s to load)."""
    import wordfreq

    frequencies = wordfreq.get_frequency_dict(lang)
    return frequencies, min(frequencies.values())
