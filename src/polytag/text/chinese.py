"""Chinese: jieba with part-of-speech tags and a user dictionary of policy terms.

Text in Traditional characters is segmented through its Simplified form (jieba's dictionary
is Simplified), character for character, so offsets and the original characters are kept in
``Token.text`` while ``Token.lemma`` holds the Simplified form used for matching.
"""
from __future__ import annotations

import re
import threading
from collections import ChainMap
from typing import Sequence
from importlib import resources

import zhconv

from polytag.text.base import LanguageModule, TermWord, latin_term_form, register_language
from polytag.text.tokens import Token

_SENTENCE_MARKS = "。！？!?；;"
_SENTENCE = re.compile(rf"[^{_SENTENCE_MARKS}]*(?:[{_SENTENCE_MARKS}]+[”’」』）)]*|$)")
_UPOS = {
    "n": "NOUN", "nr": "PROPN", "ns": "PROPN", "nt": "PROPN", "nz": "PROPN", "ng": "NOUN",
    "nrt": "PROPN", "nrfg": "PROPN", "vn": "NOUN", "an": "NOUN", "v": "VERB", "vd": "VERB",
    "vg": "VERB", "vi": "VERB", "vq": "VERB", "a": "ADJ", "ad": "ADV", "ag": "ADJ", "b": "ADJ",
    "d": "ADV", "df": "ADV", "dg": "ADV", "r": "PRON", "rr": "PRON", "rz": "PRON", "rg": "PRON",
    "m": "NUM", "mq": "NUM", "q": "NOUN", "p": "ADP", "c": "CCONJ", "u": "PART", "uj": "PART",
    "ul": "PART", "uz": "PART", "ug": "PART", "uv": "PART", "ud": "PART", "y": "PART",
    "e": "INTJ", "o": "INTJ", "f": "NOUN", "s": "NOUN", "t": "NOUN", "tg": "NOUN", "l": "NOUN",
    "i": "NOUN", "j": "PROPN", "z": "ADJ", "zg": "ADJ", "g": "NOUN", "h": "X", "k": "X",
    "eng": "X", "x": "PUNCT", "yg": "X",
}
#: jieba tags of words that can make up a term: nouns, names, organisations, other proper
#: nouns, verbal and adjectival nouns, abbreviations; not time words, places like 境内 or
#: localisers, which are mostly boilerplate
_TERM_FLAGS = frozenset({"n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "vn", "an", "j"})
#: words jieba tags as nouns that are verbs or adverbs in policy prose (利用, 依法, 有关) or
#: mis-segmented (采取有效): never part of a term
_NOT_TERM_WORDS = frozenset(
    {"利用", "依法", "有关", "相关", "采取有效", "进一步", "有效", "方面", "大力发展", "深化", "全面", "着力", "基本"}
)
_PUNCT_OR_SPACE = re.compile(r"^(?:\s+|[^\w]+)$")
_DIGITS = re.compile(r"^[\d０-９.,%％]+$")


def _traditional_chars() -> frozenset[str]:
    """Characters whose Simplified form differs: a cheap test for 'needs conversion'."""
    zhconv.loaddict()
    table = zhconv.zhconv.zhcdicts["zh2Hans"]
    return frozenset(k for k, v in table.items() if len(k) == 1 and k != v)


def _pos_tokenizer(tokenizer):
    """A jieba POS tokenizer over ``tokenizer`` (which uses jieba's default dictionary) that
    reads the default words' tags from the table ``jieba.posseg`` loaded on import instead of
    loading a second copy (about 40 MB). Tags of user words go to a table of its own:
    jieba's stays untouched."""
    import jieba.posseg

    tagger = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    tagger.tokenizer = tokenizer
    tagger.word_tag_tab = ChainMap({}, jieba.posseg.dt.word_tag_tab)  # makesure_userdict_loaded fills the first
    return tagger


def to_simplified(text: str) -> str:
    """Simplified form of ``text`` with the same length (one character for one)."""
    converted = zhconv.convert(text, "zh-hans")
    if len(converted) == len(text):
        return converted
    return "".join(zhconv.convert(ch, "zh-hans") if len(zhconv.convert(ch, "zh-hans")) == 1 else ch for ch in text)


@register_language("zh")
class Chinese(LanguageModule):
    spacy_lang = "zh"
    char_ngram_features = True
    compound_tokens = True

    def __init__(self) -> None:
        super().__init__()
        self._posseg = None
        self._lock = threading.Lock()
        self._traditional = _traditional_chars()

    @property
    def posseg(self):
        """The process's one jieba POS tokenizer, with polytag's user dictionary loaded."""
        if self._posseg is None:
            with self._lock:
                if self._posseg is None:
                    import jieba
                    import jieba.posseg

                    jieba.setLogLevel(60)
                    tokenizer = jieba.Tokenizer()
                    with resources.as_file(resources.files("polytag.text.data") / "zh_userdict.txt") as path:
                        tokenizer.load_userdict(str(path))
                    self._posseg = _pos_tokenizer(tokenizer)
        return self._posseg

    def is_word(self, text: str) -> bool:
        return self.posseg.tokenizer.FREQ.get(text, 0) > 0

    def normalize(self, text: str) -> str:
        if self._traditional.isdisjoint(text):
            return text.lower()
        return to_simplified(text).lower()

    def tokenize_paragraph(self, text: str, offset: int = 0) -> list[Token]:
        simplified = text if self._traditional.isdisjoint(text) else to_simplified(text)
        words = self._word_cache
        tokens = []
        start = 0
        for word, flag in self.posseg.cut(simplified):
            end = start + len(word)
            info = words.get((word, flag))
            if info is None:
                info = words[(word, flag)] = self._word_info(word, flag)
            if info is not None:
                lemma, pos, is_stop = info
                tokens.append(Token(text[start:end], lemma, pos, flag, start + offset, end + offset, is_stop))
            start = end
        return tokens

    def _word_info(self, word: str, flag: str) -> tuple[str, str, bool] | None:
        """(lemma, UPOS, is_stop) of a jieba word, None for whitespace (cached per word)."""
        if word.isspace():
            return None
        pos = _UPOS.get(flag, "X")
        if flag in ("x", "m", "eng") or pos == "X":
            pos = "PUNCT" if _PUNCT_OR_SPACE.match(word) else "NUM" if _DIGITS.match(word) else pos
        lemma = word.lower()
        return lemma, pos, pos == "PUNCT" or lemma in self.stop_words

    term_separator = ""

    def term_word(self, tokens: Sequence[Token], i: int) -> TermWord | None:
        """Noun-like words by jieba's tag (出口管制, 全球南方, 开源模型), and Latin words (AI).
        A verbal noun (发展, 建设) is part of terms (高质量发展) but not a term by itself."""
        token = tokens[i]
        if token.is_stop or token.lemma in _NOT_TERM_WORDS:
            return None
        if token.tag in _TERM_FLAGS:
            return TermWord(token.start, token.end, token.lemma, token.lemma, alone=token.tag != "vn")
        if token.tag == "eng":
            form = latin_term_form(token.text)
            return TermWord(token.start, token.end, form, form) if form else None
        return None

    sentence_marks = re.compile(f"[{_SENTENCE_MARKS}]+")

    def sentence_spans(self, text: str) -> list[tuple[int, int]]:
        spans = []
        for match in _SENTENCE.finditer(text):
            start, end = match.span()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.append((start, end))
        return spans
