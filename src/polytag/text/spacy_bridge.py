"""spaCy ``Language`` objects for every polytag language.

Each pipeline's tokenizer is :class:`PolytagTokenizer`, which turns polytag tokens into a
spaCy ``Doc`` (lemma, UPOS in ``pos_``, the library's tag in ``tag_``), so spaCy's ``Doc``,
``Span`` and ``Matcher`` work the same in Korean, Chinese and English. The tokenizer holds
only its language code: it pickles and saves without the Kiwi or jieba objects, which each
process builds once on first use.
"""
from __future__ import annotations

import json
from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from polytag.text.base import LanguageModule, get_language

TOKENIZER_NAME = "polytag.Tokenizer.v1"


class PolytagTokenizer:
    """A spaCy tokenizer backed by polytag's language module for ``lang``."""

    def __init__(self, vocab: Vocab, lang: str) -> None:
        self.vocab = vocab
        self.lang = lang

    def __call__(self, text: str) -> Doc:
        words, spaces, lemmas, pos, tags = [], [], [], [], []
        position = 0
        for token in get_language(self.lang).tokenize(text):
            gap = text[position:token.start]
            if gap == " " and words:
                spaces[-1] = True
            elif gap:
                words.append(gap), spaces.append(False), lemmas.append(gap), pos.append("SPACE"), tags.append("_SP")
            words.append(token.text), spaces.append(False), lemmas.append(token.lemma)
            pos.append(token.pos), tags.append(token.tag)
            position = token.end
        if position < len(text):
            tail = text[position:]
            if tail == " " and words:
                spaces[-1] = True
            else:
                words.append(tail), spaces.append(False), lemmas.append(tail), pos.append("SPACE"), tags.append("_SP")
        return Doc(self.vocab, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __reduce__(self):
        return (PolytagTokenizer, (self.vocab, self.lang))

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return json.dumps({"lang": self.lang}).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> "PolytagTokenizer":
        self.lang = json.loads(data.decode("utf-8"))["lang"]
        return self

    def to_disk(self, path, *, exclude=tuple()) -> None:
        Path(path).write_bytes(self.to_bytes())

    def from_disk(self, path, *, exclude=tuple()) -> "PolytagTokenizer":
        return self.from_bytes(Path(path).read_bytes())


@spacy.registry.tokenizers(TOKENIZER_NAME)
def create_tokenizer(lang: str):
    """spaCy config entry point: ``[nlp.tokenizer] @tokenizers = "polytag.Tokenizer.v1"``."""

    def make(nlp):
        return PolytagTokenizer(nlp.vocab, lang)

    return make


def make_nlp(language: LanguageModule):
    """A blank spaCy pipeline for ``language`` with polytag's tokenizer and a sentencizer."""
    config = {"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME, "lang": language.code}}}
    nlp = spacy.blank(language.spacy_lang, config=config)
    nlp.add_pipe("sentencizer")
    return nlp
