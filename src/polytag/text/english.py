"""English: spaCy's rule-based tokenizer and the lookup lemmas of spacy-lookups-data.

The lookup table is case-sensitive ("Agencies" stays "Agencies"), so polytag looks lemmas up
in lower case; acronyms written in capitals (AI, US, BIS) keep their case so that "US" does
not become the pronoun "us".
"""
from __future__ import annotations

import threading

from polytag.text.base import LanguageModule, register_language
from polytag.text.tokens import Token

_LEMMA_OVERRIDES = {"'s": "'s", "’s": "'s", "data": "data", "media": "media"}


@register_language("en")
class English(LanguageModule):
    spacy_lang = "en"

    def __init__(self) -> None:
        super().__init__()
        self._nlp = None
        self._table: dict[str, str] | None = None
        self._lock = threading.Lock()

    def _load(self) -> None:
        with self._lock:
            if self._nlp is None:
                import spacy
                import srsly

                # the raw JSON, not spaCy's Table: its keys are hashes, and a str dict is faster
                path = spacy.util.registry.lookups.get("en")["lemma_lookup"]
                self._table = dict(srsly.read_gzip_json(path.with_name(path.name + ".gz")))
                self._table.update(_LEMMA_OVERRIDES)
                nlp = spacy.blank("en")
                nlp.add_pipe("sentencizer")
                self._nlp = nlp

    @property
    def spacy_nlp(self):
        """A blank English pipeline (tokenizer and sentencizer), built once per process."""
        if self._nlp is None:
            self._load()
        return self._nlp

    def lemma(self, word: str) -> str:
        """Dictionary form for matching: lower-cased lookup lemma; capitalised acronyms kept."""
        if self._table is None:
            self._load()
        if len(word) > 1 and word.isupper():
            return word
        lower = word.lower()
        return self._table.get(lower, lower)

    def tokenize_paragraph(self, text: str) -> list[Token]:
        doc = self.spacy_nlp.tokenizer(text)
        table, stop = self._table, self.stop_words
        tokens = []
        for t in doc:
            if t.is_space:
                continue
            word = t.text
            if len(word) > 1 and word.isupper():
                lemma = word
            else:
                lower = t.lower_
                lemma = table.get(lower, lower)
            if t.is_punct:
                pos = "PUNCT"
            elif t.like_num:
                pos = "NUM"
            elif not t.is_alpha and not any(ch.isalnum() for ch in word):
                pos = "SYM"
            else:
                pos = "X"  # no English tagger can be installed offline: words are untagged
            start = t.idx
            tokens.append(Token(word, lemma, pos, pos, start, start + len(word), pos == "PUNCT" or lemma in stop))
        return tokens

    def sentence_spans(self, text: str) -> list[tuple[int, int]]:
        doc = self.spacy_nlp(text)
        spans = []
        for sent in doc.sents:
            start, end = sent.start_char, sent.end_char
            while end > start and text[end - 1].isspace():
                end -= 1
            while start < end and text[start].isspace():
                start += 1
            if end > start:
                spans.append((start, end))
        return spans
