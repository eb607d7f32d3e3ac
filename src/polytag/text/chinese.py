"""Chinese: jieba with part-of-speech tags and a user dictionary of policy terms.

Text in Traditional characters is segmented through its Simplified form (jieba's dictionary
is Simplified), converted with OpenCC's phrase tables (Hong Kong variants, then Taiwan words
and characters, to mainland Simplified), so that regional words meet the same seeds and
features: 晶片 -> 芯片, 人工智慧 -> 人工智能, 軟體 -> 软件, 資料庫 -> 数据库. OpenCC's Taiwan
table also maps common words the other way round (建立 -> 创建, 核心 -> 内核): a word whose
character-for-character form is itself common mainland usage keeps that form. ``Token.text``
and the offsets keep the original characters; ``Token.lemma`` holds the mainland form.
"""
from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections import ChainMap
from functools import lru_cache
from typing import Sequence
from importlib import resources

import opencc

from polytag.text.base import LanguageModule, TermWord, latin_term_form, register_language
from polytag.text.caches import TOKEN_CACHES
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
#: jieba tags of words that only modify a noun (区别词: 新型, 民营, 国有): inside terms
#: (新型工业化, 民营经济), never at their end
_MODIFIER_FLAGS = frozenset({"b"})
#: words jieba tags as nouns or names that are verbs or adverbs in policy prose (利用, 依法,
#: 有关, 施策, 弘扬) or mis-segmented (采取有效): never part of a term
_NOT_TERM_WORDS = frozenset(
    {"利用", "依法", "有关", "相关", "采取有效", "进一步", "有效", "方面", "大力发展", "深化", "全面", "着力", "基本",
     "施策", "弘扬"}
)
#: words jieba tags as verbs that policy prose uses as verbal nouns at the end of a term
#: (科技创新, 国内需求, 乡村振兴, 社会治理): part of terms, as 发展 is, not terms alone
_VERBAL_NOUNS = frozenset({"创新", "需求", "振兴", "开放", "治理"})
#: conjunctions: a word jieba made up (not in its dictionary) across one of them is a wrong cut
#: (法和本 in 出口管制法和本条例), never part of a term
_CONJUNCTIONS = frozenset("和与及或")
#: jieba frequency from which a word counts as common mainland usage (建立, 核心, 资料), so a
#: Taiwan phrase mapping does not replace it (晶片 31, 软体 30, 人工智慧 3 are converted)
_COMMON_MAINLAND = 1000
_PUNCT_OR_SPACE = re.compile(r"^(?:\s+|[^\w]+)$")
_DIGITS = re.compile(r"^[\d０-９.,%％]+$")


def _is_attached_adjective(tokens: Sequence[Token], i: int) -> bool:
    """A one-character adjective written onto the noun after it (新 in 新时代, 大 in 大市场)."""
    token = tokens[i]
    if token.tag != "a" or len(token.lemma) != 1 or i + 1 == len(tokens):
        return False
    following = tokens[i + 1]
    return following.start == token.end and following.tag in _TERM_FLAGS and not following.is_stop


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


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Mainland Simplified form of ``text``: Hong Kong variants to standard Traditional, then
    Taiwan phrases and characters to Simplified (OpenCC ``hk2t`` + ``tw2sp``). Simplified text
    comes back unchanged; the length may change (記憶體 -> 内存)."""
    if _converter("t2s").convert(text) == text:
        return text
    return _phrases_to_simplified(text)


def _phrases_to_simplified(text: str) -> str:
    return _converter("tw2sp").convert(_converter("hk2t").convert(text))


#: phrases never cross these: conversion and alignment work chunk by chunk between them
_CHUNK_BREAK = re.compile(r"[\s，。、；：！？（）《》「」『』“”‘’,.;:!?()\[\]]+")


class Alignment:
    """Maps offsets in the Simplified form of a text back to the original. Most conversions
    keep the length (晶片 -> 芯片), and the map is the identity; where a phrase changes length
    (記憶體 -> 内存), the text is cut into the smallest pieces that convert on their own and
    offsets map piece by piece (proportionally inside a changed phrase)."""

    def __init__(self, text: str) -> None:
        converted = to_simplified(text)
        self._blocks: list[tuple[int, int, int, int]] = []  # (conv_start, conv_end, orig_start, orig_end)
        if len(converted) != len(text):  # Traditional text with a phrase of another length
            parts = []
            for start, end in _chunks(text):
                parts.append(self._add_pieces(text, start, end, sum(map(len, parts))))
            converted = "".join(parts)
        self.converted = converted
        self._starts = [b[0] for b in self._blocks]

    def _add_pieces(self, text: str, start: int, end: int, at: int) -> str:
        """Convert ``text[start:end]``, recording its pieces' blocks from converted offset ``at``."""
        chunk = text[start:end]
        converted = _phrases_to_simplified(chunk)
        if len(converted) == len(chunk):
            self._blocks.append((at, at + len(converted), start, end))
            return converted
        p = c = 0
        while p < len(chunk):  # invariant: converted[c:] == _phrases_to_simplified(chunk[p:])
            for k in range(p + 1, len(chunk) + 1):
                left = _phrases_to_simplified(chunk[p:k])
                if converted.startswith(left, c) and _phrases_to_simplified(chunk[k:]) == converted[c + len(left):]:
                    break
            self._blocks.append((at + c, at + c + len(left), start + p, start + k))
            p, c = k, c + len(left)
        return converted

    def __call__(self, position: int, *, end: bool = False) -> int:
        """The original offset of ``position`` in the converted text (an end offset is looked
        up in the block it closes)."""
        if not self._blocks:
            return position
        k = max(bisect_right(self._starts, position - (1 if end else 0)) - 1, 0)
        conv_start, conv_end, orig_start, orig_end = self._blocks[k]
        if conv_end == conv_start:
            return orig_end if end else orig_start
        return orig_start + round((position - conv_start) * (orig_end - orig_start) / (conv_end - conv_start))


def _chunks(text: str) -> list[tuple[int, int]]:
    """(start, end) of the runs between and of the chunk breaks, covering ``text``."""
    cuts = sorted({0, len(text), *(i for m in _CHUNK_BREAK.finditer(text) for i in m.span())})
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


@register_language("zh")
class Chinese(LanguageModule):
    # a Han character carries about a word (four Latin letters); Chinese texts quote English
    scripts = {"han": 4.0, "latin": 0.0}
    spacy_lang = "zh"
    char_ngram_features = True
    compound_tokens = True

    def __init__(self) -> None:
        super().__init__()
        self._posseg = None
        self._lock = threading.Lock()
        self._lemma_cache: dict[tuple[str, str], str] = TOKEN_CACHES.words()

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
        simplified = _converter("t2s").convert(text)
        if len(simplified) != len(text):  # keep the length: character by character
            simplified = "".join(c if len(c := _converter("t2s").convert(ch)) == 1 else ch for ch in text)
        return simplified.lower()

    def feature_text(self, text: str, tokens: Sequence[Token]) -> str:
        if _converter("t2s").convert(text) == text:
            return text
        return "".join(t.lemma for t in tokens)

    def _mainland_lemma(self, lemma: str, original: str) -> str:
        """``lemma`` (OpenCC's mainland form of ``original``), or the character-for-character
        form of ``original`` where that is itself a common mainland word."""
        key = (lemma, original)
        found = self._lemma_cache.get(key)
        if found is None:
            chars = _converter("t2s").convert(original).lower()
            common = chars != lemma and self.posseg.tokenizer.FREQ.get(chars, 0) >= _COMMON_MAINLAND
            found = self._lemma_cache[key] = chars if common else lemma
        return found

    def tokenize_paragraph(self, text: str, offset: int = 0) -> list[Token]:
        align = Alignment(text)
        simplified = align.converted
        traditional = simplified != text
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
                first, last = align(start), align(end, end=True)
                if traditional:
                    lemma = self._mainland_lemma(lemma, text[first:last])
                if last > first:
                    tokens.append(Token(text[first:last], lemma, pos, flag, first + offset, last + offset, is_stop))
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
        A verbal noun (发展, 建设, 创新) is part of terms (高质量发展, 科技创新) but not a term by
        itself; a modifier (新型, or a one-character adjective written onto a noun: 新时代, 大市场)
        begins terms (新型工业化, 全国统一大市场)."""
        token = tokens[i]
        if token.is_stop or token.lemma in _NOT_TERM_WORDS or self._is_wrong_cut(token.text):
            return None
        if token.tag in _TERM_FLAGS or token.lemma in _VERBAL_NOUNS:
            return TermWord(token.start, token.end, token.lemma, token.lemma,
                            alone=token.tag != "vn" and token.lemma not in _VERBAL_NOUNS)
        if token.tag in _MODIFIER_FLAGS or _is_attached_adjective(tokens, i):
            return TermWord(token.start, token.end, token.lemma, token.lemma, head=False, alone=False)
        if token.tag == "eng":
            form = latin_term_form(token.text)
            return TermWord(token.start, token.end, form, form) if form else None
        return None

    def _is_wrong_cut(self, word: str) -> bool:
        """A word of several characters that jieba made up across a conjunction (法和本)."""
        return len(word) > 1 and not _CONJUNCTIONS.isdisjoint(word) and not self.is_word(word)

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
