"""Korean: kiwipiepy morphemes, regrouped so that offsets never overlap.

Kiwi returns morphemes whose spans can overlap where a stem and an ending fuse in writing
(했다 = 하 + 었 + 다). polytag keeps nouns as their own tokens (so 수출통제 and 수출 통제 both
give 수출 + 통제), attaches noun suffixes to their noun (개방 + 형 -> 개방형), and makes one token
of a verb or adjective stem with its endings, whose lemma is the dictionary form (통제 + 한다
-> 통제, 하다; 줄였다 -> 줄이다).
"""
from __future__ import annotations

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


def _base_tag(tag: str) -> str:
    """Kiwi marks irregular conjugation as VV-I / VA-R; the part before the dash is the tag."""
    return tag.split("-", 1)[0]


def _upos(tag: str) -> str:
    if tag.startswith("J"):
        return "ADP"
    if tag.startswith("E"):
        return "PART"
    return _UPOS.get(tag, "X")


@register_language("ko")
class Korean(LanguageModule):
    spacy_lang = "ko"
    char_ngram_features = True

    def __init__(self) -> None:
        super().__init__()
        self._kiwi = None
        self._lock = threading.Lock()

    @property
    def kiwi(self):
        """The process's one Kiwi (about 300 MB once warm): built on first use."""
        if self._kiwi is None:
            with self._lock:
                if self._kiwi is None:
                    from kiwipiepy import Kiwi

                    # the multi-word proper-noun dictionary (WikiData names) costs about 200 MB
                    # per process and changed no token of the corpus or the labelled segments
                    self._kiwi = Kiwi(num_workers=1, load_multi_dict=False)
        return self._kiwi

    def tokenize_paragraph(self, text: str) -> list[Token]:
        tokens: list[Token] = []
        for morph in self.kiwi.tokenize(text):
            tag = _base_tag(morph.tag)
            start, end = morph.start, morph.end
            previous = tokens[-1] if tokens else None
            attaches = previous is not None and (
                start < previous.end  # fused in writing: must share one token
                or (tag.startswith("E") and previous.pos in ("VERB", "ADJ", "AUX") and start == previous.end)
                or (tag == "XSN" and start == previous.end and previous.pos in ("NOUN", "PROPN"))
            )
            if attaches:
                merged_end = max(previous.end, end)
                lemma = previous.lemma + morph.form if tag == "XSN" else previous.lemma
                tokens[-1] = previous._replace(text=text[previous.start:merged_end], lemma=lemma, end=merged_end)
                continue
            if previous is not None and previous.tag == "XPN" and start == previous.end and tag.startswith("NN"):
                merged = text[previous.start:end]
                tokens[-1] = previous._replace(text=merged, lemma=previous.lemma + morph.form, pos="NOUN", tag=tag, end=end)
                continue
            lemma = morph.form + "다" if tag in _VERB_STEMS else morph.form
            tokens.append(Token(text[start:end], lemma, _upos(tag), tag, start, end, False))
        stop = self.stop_words
        return [t._replace(is_stop=t.pos in ("ADP", "PART", "PUNCT") or t.lemma in stop) for t in tokens]

    def sentence_spans(self, text: str) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in self.kiwi.split_into_sents(text)]

    def term_word(self, tokens: Sequence[Token], i: int) -> TermWord | None:
        """Nouns (with their noun suffixes: 개방형) and Latin names (AI, RAND, DeepSeek); not a noun
        used as a verb or adjective (통제 in 통제한다, 관대 in 관대한, 강조 in "…을 강조")."""
        token = tokens[i]
        if token.is_stop or token.lemma in _LEGAL_UNITS:
            return None
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if following is not None and following.start == token.end and following.tag in ("XSV", "XSA"):
            return None
        if _is_bullet_predicate(tokens, i):
            return None
        if token.tag in _TERM_TAGS:
            return TermWord(token.start, token.end, token.lemma, token.lemma)
        if token.tag == "SL" and sum(ch.isupper() for ch in token.text) >= 2:  # AI, OpenAI; not "Soft"
            form = latin_term_form(token.text)
            return TermWord(token.start, token.end, form, form) if form else None
        return None


def _is_bullet_predicate(tokens: Sequence[Token], i: int) -> bool:
    """Bullet-style Korean ends a clause with a bare verbal noun after its object or subject
    ("…모델 전략을 강조", "…의지를 표명"): the noun is the predicate there, not a term."""
    at_end = i + 1 == len(tokens) or tokens[i + 1].tag in ("SF", "SE")
    return at_end and i > 0 and tokens[i - 1].tag in ("JKO", "JKS")
