"""Korean: kiwipiepy morphemes, regrouped so that offsets never overlap.

Kiwi returns morphemes whose spans can overlap where a stem and an ending fuse in writing
(했다 = 하 + 었 + 다). polytag keeps nouns as their own tokens (so 수출통제 and 수출 통제 both
give 수출 + 통제), attaches noun suffixes to their noun (개방 + 형 -> 개방형), and makes one token
of a verb or adjective stem with its endings, whose lemma is the dictionary form (통제 + 한다
-> 통제, 하다; 줄였다 -> 줄이다).
"""
from __future__ import annotations

import math
import threading
from typing import Sequence

from polytag.text.base import LanguageModule, TermWord, latin_term_form, register_language
from polytag.text.tokens import Token

_VERB_STEMS = ("VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA")
_UPOS = {
    "NNG": "NOUN", "NNB": "NOUN", "NR": "NUM", "NNP": "PROPN", "NP": "PRON",
    "VV": "VERB", "VA": "ADJ", "VX": "AUX", "VCP": "AUX", "VCN": "ADJ",
    "XSV": "VERB", "XSA": "ADJ", "MM": "DET", "MAG": "ADV", "MAJ": "CCONJ", "IC": "INTJ",
    "SF": "PUNCT", "SP": "PUNCT", "SS": "PUNCT", "SSO": "PUNCT", "SSC": "PUNCT", "SE": "PUNCT",
    "SO": "PUNCT", "SW": "SYM", "SL": "X", "SH": "X", "SN": "NUM", "SB": "PUNCT",
    "W_URL": "X", "W_EMAIL": "X", "W_HASHTAG": "X", "W_MENTION": "X", "W_SERIAL": "NUM",
    "W_EMOJI": "SYM", "XPN": "NOUN", "XSN": "NOUN", "XR": "NOUN", "Z_CODA": "X", "Z_SIOT": "X",
    "UN": "X",
}

#: noun tags that can make up a term (common and proper nouns, roots, Hanja); bound nouns
#: (NNB: 년, 월, 조), numerals and pronouns cannot
_TERM_TAGS = frozenset({"NNG", "NNP", "XR", "SH"})
#: units of legal structure (제1조 제2항 제3호, 제1장 제2절): boilerplate, never part of a term
_LEGAL_UNITS = frozenset({"조", "항", "호", "장", "절", "관", "목", "편"})
#: the noun suffix that makes a noun an adjective (상업 + 적 -> 상업적, "commercial"): such a
#: word modifies the next (지정학적 가치) and is never a term alone; two-syllable nouns ending
#: in 적 (목적, 실적) are nouns of their own
_ADJECTIVAL_SUFFIX = "적"
#: common nouns and roots whose use Kiwi's language model decides (proper nouns are names)
_USE_TAGS = frozenset({"NNG", "XR"})
#: a noun after which Kiwi's language model expects 하다/되다 (XSV, XSA) at least this often is
#: a verbal noun (사용, 허가, 보호, 중요): part of terms (수출 허가, 기술 보호), not a term alone
VERBAL_NOUN = 0.1
#: a noun after which it expects a particle less often than this modifies the next noun and
#: heads no term (국제, 대외, 최종 in 최종 사용자)
MODIFIER_NOUN = 0.02
#: predictions of the language model summed for those shares
_PREDICTIONS = 30


def _base_tag(tag: str) -> str:
    """Kiwi marks irregular conjugation as VV-I / VA-R; the part before the dash is the tag."""
    return tag.split("-", 1)[0]


_STOP_POS = frozenset({"ADP", "PART", "PUNCT"})


def _kind(kiwi_tag: str) -> tuple[str, str, bool, bool, bool, bool]:
    """What the merging rules need to know of a Kiwi tag (cached per tag)."""
    tag = _base_tag(kiwi_tag)
    return (tag, _upos(tag), tag.startswith("E"), tag == "XSN", tag.startswith("NN"), tag in _VERB_STEMS)


def _upos(tag: str) -> str:
    if tag.startswith("J"):
        return "ADP"
    if tag.startswith("E"):
        return "PART"
    return _UPOS.get(tag, "X")


@register_language("ko")
class Korean(LanguageModule):
    # a Hangul syllable carries about a third of a word; Korean texts quote Hanja and English
    scripts = {"hangul": 2.0, "han": 0.0, "latin": 0.0}
    spacy_lang = "ko"
    char_ngram_features = True

    def __init__(self) -> None:
        super().__init__()
        self._kiwi = None
        self._lock = threading.Lock()
        self._morpheme_kinds: dict[str, tuple[str, str, bool, bool, bool, bool]] = {}
        self._noun_uses: dict[tuple[str, str], tuple[bool, bool]] = {}

    @property
    def kiwi(self):
        """The process's one Kiwi (about 240 MB once warm): built on first use."""
        if self._kiwi is None:
            with self._lock:
                if self._kiwi is None:
                    from kiwipiepy import Kiwi

                    # Without the multi-word (WikiData) and default (Wikipedia/Namuwiki) proper-noun
                    # dictionaries: together about 270 MB per process. The first changed no token
                    # of the corpus or the labelled segments; the second 8 of 35,603 (재단법인 and
                    # 행정조사 split into two nouns, 부칙 kept whole), none in a seed term.
                    self._kiwi = Kiwi(num_workers=1, load_multi_dict=False, load_default_dict=False)
        return self._kiwi

    def tokenize_paragraph(self, text: str, offset: int = 0) -> list[Token]:
        # [start, end, lemma, pos, tag] per token, merged in place; Tokens built once at the end
        pieces: list[list] = []
        kinds = self._morpheme_kinds
        for morph in self.kiwi.tokenize(text):
            form, start, end = morph.form, morph.start, morph.end
            kind = kinds.get(morph.tag)
            if kind is None:
                kind = kinds[morph.tag] = _kind(morph.tag)
            tag, pos, is_ending, is_noun_suffix, is_noun, is_stem = kind
            if pieces:
                previous = pieces[-1]
                if start < previous[1] or (start == previous[1] and (
                        (is_ending and previous[3] in ("VERB", "ADJ", "AUX"))
                        or (is_noun_suffix and previous[3] in ("NOUN", "PROPN")))):
                    # fused in writing (했 = 하 + 었), an ending, or a noun suffix (개방 + 형)
                    previous[1] = max(previous[1], end)
                    if is_noun_suffix:
                        previous[2] += form
                    continue
                if previous[4] == "XPN" and start == previous[1] and is_noun:
                    previous[1:5] = [end, previous[2] + form, "NOUN", tag]
                    continue
            pieces.append([start, end, form + "다" if is_stem else form, pos, tag])
        stop = self.stop_words
        return [Token(text[s:e], lemma, pos, tag, s + offset, e + offset, pos in _STOP_POS or lemma in stop)
                for s, e, lemma, pos, tag in pieces]

    def sentence_spans(self, text: str) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in self.kiwi.split_into_sents(text)]

    def _noun_use(self, lemma: str, tag: str) -> tuple[bool, bool]:
        """(head, alone) of a common noun in terms, from what Kiwi's language model expects next:
        a verbal noun (하다/되다 at least ``VERBAL_NOUN`` of the time) is no term alone, a modifier
        noun (a particle under ``MODIFIER_NOUN``) heads no term. Computed once per noun."""
        use = self._noun_uses.get((lemma, tag))
        if use is None:
            try:
                predicted = self.kiwi.predict_next_morpheme([(lemma, tag)], top_n=_PREDICTIONS)
            except ValueError:  # not one morpheme of Kiwi's (개방형 = 개방 + 형): after its morphemes
                morphemes = self.kiwi.tokenize(lemma)
                predicted = self.kiwi.predict_next_morpheme(morphemes, top_n=_PREDICTIONS) if morphemes else []
            verbal = sum(math.exp(m.score) for m in predicted if _base_tag(m.tag) in ("XSV", "XSA"))
            particle = sum(math.exp(m.score) for m in predicted if m.tag.startswith("J"))
            use = (particle >= MODIFIER_NOUN, verbal < VERBAL_NOUN) if predicted else (True, True)
            self._noun_uses[(lemma, tag)] = use
        return use

    def term_word(self, tokens: Sequence[Token], i: int) -> TermWord | None:
        """Nouns (with their noun suffixes: 개방형) and Latin names (AI, RAND, DeepSeek); not a noun
        used as a verb or adjective (통제 in 통제한다, 관대 in 관대한, 강조 in "…을 강조"). A noun
        made an adjective by 적 (상업적) only begins terms; a verbal noun is no term alone, a
        modifier noun ends no term (see ``_noun_use``)."""
        token = tokens[i]
        if token.is_stop or token.lemma in _LEGAL_UNITS:
            return None
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if following is not None and following.start == token.end and following.tag in ("XSV", "XSA"):
            return None
        if _is_bullet_predicate(tokens, i):
            return None
        if token.tag in _TERM_TAGS:
            if len(token.lemma) > 2 and token.lemma.endswith(_ADJECTIVAL_SUFFIX):
                return TermWord(token.start, token.end, token.lemma, token.lemma, head=False, alone=False)
            head, alone = self._noun_use(token.lemma, token.tag) if token.tag in _USE_TAGS else (True, True)
            return TermWord(token.start, token.end, token.lemma, token.lemma, head=head, alone=alone)
        if token.tag == "SL" and sum(ch.isupper() for ch in token.text) >= 2:  # AI, OpenAI; not "Soft"
            form = latin_term_form(token.text)
            return TermWord(token.start, token.end, form, form) if form else None
        return None


def _is_bullet_predicate(tokens: Sequence[Token], i: int) -> bool:
    """Bullet-style Korean ends a clause with a bare verbal noun after its object or subject
    ("…모델 전략을 강조", "…의지를 표명"): the noun is the predicate there, not a term."""
    at_end = i + 1 == len(tokens) or tokens[i + 1].tag in ("SF", "SE")
    return at_end and i > 0 and tokens[i - 1].tag in ("JKO", "JKS")
