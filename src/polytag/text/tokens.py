"""The token every language module produces."""
from __future__ import annotations

from typing import NamedTuple


class Token(NamedTuple):
    """One token of a text.

    ``text`` is always ``source[start:end]``: offsets index the string that was tokenized.
    ``lemma`` is the dictionary form used for matching and counting (lower-cased English
    lemma, Simplified Chinese, Korean verbs as 하다-forms); ``pos`` is a Universal POS tag and
    ``tag`` the tokenizer library's own tag (kiwipiepy, jieba). English words are
    untagged (``X``): no English tagger can be installed offline.
    """

    text: str
    lemma: str
    pos: str
    tag: str
    start: int
    end: int
    is_stop: bool

    @property
    def is_word(self) -> bool:
        """True for tokens that can be content words (not punctuation, symbols or numbers)."""
        return self.pos not in NON_WORD_POS


NON_WORD_POS = frozenset({"PUNCT", "SYM", "NUM", "SPACE"})
