"""One interface for every language, and the registry that maps language codes to it.

A language module subclasses :class:`LanguageModule` and registers itself with
:func:`register_language`; nothing else in polytag branches on the language code.
"""
from __future__ import annotations

import re
import threading
from abc import ABC, abstractmethod
from importlib import resources
from typing import Callable, Iterable, Mapping, NamedTuple, Sequence

from polytag.errors import LanguageError
from polytag.text.caches import TOKEN_CACHES
from polytag.text.tokens import Token

#: the code of text in no registered language (BCP 47 "undetermined"): detection gives it to
#: letters in scripts no language declares, and its module (:mod:`polytag.text.undetermined`)
#: gives such text no tokens
UNDETERMINED = "und"
_REGISTRY: dict[str, type["LanguageModule"]] = {}
_INSTANCES: dict[str, "LanguageModule"] = {}
_LOCK = threading.Lock()
_WHITESPACE = re.compile(r"\s+")
#: a word written in Latin letters that can be part of a term: letters first, then letters,
#: digits or in-word punctuation (so "3(a)(ii" and "9/11" are not words of a term)
_LATIN_TERM_WORD = re.compile(r"^[^\W\d_][\w.'’&-]*$")


def register_language(code: str) -> Callable[[type["LanguageModule"]], type["LanguageModule"]]:
    """Class decorator: make a :class:`LanguageModule` available under ``code``."""

    def decorate(cls: type[LanguageModule]) -> type[LanguageModule]:
        cls.code = code
        _REGISTRY[code] = cls
        return cls

    return decorate


def get_language(code: str) -> "LanguageModule":
    """The process-wide instance of the language module for ``code`` (built once, lazily)."""
    instance = _INSTANCES.get(code)
    if instance is None:
        with _LOCK:
            instance = _INSTANCES.get(code)
            if instance is None:
                if code not in _REGISTRY:
                    raise LanguageError(
                        f"no tokenizer for language {code!r}; available: {', '.join(sorted(_REGISTRY))}"
                    )
                instance = _INSTANCES[code] = _REGISTRY[code]()
    return instance


def available_languages() -> list[str]:
    """The codes of the registered languages, without :data:`UNDETERMINED`."""
    return sorted(code for code in _REGISTRY if code != UNDETERMINED)


def registered_classes() -> tuple[type["LanguageModule"], ...]:
    """The class of each registered language, in order of registration (detection reads
    their :attr:`LanguageModule.scripts`)."""
    return tuple(_REGISTRY.values())


def load_word_list(name: str) -> set[str]:
    """Read a one-word-per-line data file shipped in ``polytag/text/data`` (``#`` starts a comment)."""
    text = resources.files("polytag.text.data").joinpath(name).read_text(encoding="utf-8")
    return {line.split("#", 1)[0].strip() for line in text.splitlines()} - {""}


class TermWord(NamedTuple):
    """A word that can be part of a term, built by :meth:`LanguageModule.term_runs`.

    ``form`` is how the word reads inside a term and ``lemma`` how it reads as the term's last
    word (English heads are singular: "open-weight models" -> "open-weight model"); ``head``
    says whether a term may end with it (English adjectives may not); ``alone`` whether it is a
    term by itself (a Chinese verbal noun such as 发展 is not, 高质量发展 is); ``name`` marks
    words written as part of a capitalised name ("United States" keeps its plural).
    """

    start: int
    end: int
    form: str
    lemma: str
    head: bool = True
    alone: bool = True
    name: bool = False


def latin_term_form(word: str) -> str | None:
    """The term form of a word in Latin letters: acronyms keep their capitals (AI, BIS),
    other words are lower-cased; None for things that are not words (3(a), 9/11)."""
    if not _LATIN_TERM_WORD.match(word):
        return None
    return word if len(word) > 1 and word.isupper() else word.lower()


class LanguageModule(ABC):
    """Everything polytag knows about one language: tokens, sentences, stop words, spaCy.

    Subclasses load their heavy tokenizer lazily and keep one per process.
    """

    code: str = ""
    #: the scripts this language is written in (names from ``polytag.text.detect.known_scripts``),
    #: each with the weight of one letter as evidence for it: a Han character carries about a
    #: word, a Latin letter a fraction of one; 0 for a script it only quotes (Korean quotes
    #: Hanja and English). Language detection reads these (:mod:`polytag.text.detect`).
    scripts: Mapping[str, float] = {}
    #: the code ``spacy.blank`` takes for this language
    spacy_lang: str = ""
    #: True where one token often holds several words (Chinese 开源社区), so a one-token term
    #: may also match at the start or end of a token when the rest is a word (``is_word``)
    compound_tokens: bool = False
    #: True where character n-grams help theme features (no spaces between words, or
    #: words glued to particles)
    char_ngram_features: bool = False

    def __init__(self) -> None:
        self.stop_words: set[str] = set(self.default_stop_words())
        #: titles of people (president, 同志, 대통령): a name with or without one is one name
        self.titles: frozenset[str] = frozenset(self.shipped_word_list("titles"))
        #: generic nouns of policy prose (policy, 力度, 정책) and titles: part of a term
        #: ("AI policy", 财政政策), never a term alone, and no term is made only of them
        self.generic_words: frozenset[str] = frozenset(self.shipped_word_list("generic")) | self.titles
        #: per-word facts a tokenizer computes once (lemma, POS, stop word), keyed as it likes
        self._word_cache: dict = TOKEN_CACHES.words()

    def default_stop_words(self) -> Iterable[str]:
        """The stop words this language starts with: polytag's ``data/stop_<code>.txt``
        (a language registered from outside polytag overrides this)."""
        return load_word_list(f"stop_{self.code}.txt")

    def shipped_word_list(self, kind: str) -> set[str]:
        """polytag's ``data/<kind>_<code>.txt``; empty for a language polytag ships no list for."""
        try:
            return load_word_list(f"{kind}_{self.code}.txt")
        except FileNotFoundError:
            return set()

    @abstractmethod
    def tokenize_paragraph(self, text: str, offset: int = 0) -> list[Token]:
        """Tokens of one paragraph, offsets into ``text`` plus ``offset`` (the paragraph's
        start in the document); whitespace yields no token."""

    @abstractmethod
    def sentence_spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence of a paragraph, whitespace trimmed."""

    #: characters the sentence splitter ends sentences after (every sentence but the last ends
    #: with one), as a regular-expression class; None when sentences may end without one
    sentence_marks: re.Pattern | None = None

    def may_have_more_sentences(self, text: str, n: int) -> bool:
        """Whether ``text`` may hold more than ``n`` sentences: a count of sentence marks, so
        that only such paragraphs are split (splitting costs as much as tokenizing)."""
        return self.sentence_marks is None or len(self.sentence_marks.findall(text)) >= n

    def is_word(self, text: str) -> bool:
        """Whether ``text`` is a word of the tokenizer's dictionary (for compound splitting)."""
        return False

    def normalize(self, text: str) -> str:
        """The form of ``text`` that matching compares (same length as ``text``)."""
        return text.lower()

    def feature_text(self, text: str, tokens: Sequence[Token]) -> str:
        """The form of ``text`` (tokenized as ``tokens``) that character n-gram features read:
        regional spellings unified, so the length may differ."""
        return text

    def tokenize(self, text: str) -> list[Token]:
        """Tokens of any text: paragraph by paragraph (tokenizers slow down on long strings),
        with any character the library skipped kept as a token of its own."""
        tokens: list[Token] = []
        for start, end in _line_spans(text):
            tokens += self.tokenize_paragraph(text[start:end], start)
        return _fill_gaps(text, tokens)

    #: joins the words of a multi-word term (Chinese writes terms without spaces)
    term_separator: str = " "

    def term_runs(self, tokens: Sequence[Token]) -> list[list[TermWord]]:
        """Maximal runs of adjacent words that can make up terms (noun-like words); a stop
        word, punctuation, a number or boilerplate ends a run. Terms are word sequences
        inside one run."""
        return split_runs(self.term_word(tokens, i) for i in range(len(tokens)))

    def term_word(self, tokens: Sequence[Token], i: int) -> TermWord | None:
        """``tokens[i]`` as a word of a term, or None when it cannot be part of one (the
        neighbours tell how a word is used). By default any content word but stop words."""
        token = tokens[i]
        if token.is_stop or not token.is_word:
            return None
        return TermWord(token.start, token.end, token.lemma, token.lemma)

    def add_stop_words(self, words: Iterable[str]) -> None:
        """Extend this language's stop words (compared with token lemmas); every cached token
        is dropped (:mod:`polytag.text.caches`)."""
        self.stop_words.update(words)
        TOKEN_CACHES.clear()

    def make_nlp(self):
        """A spaCy ``Language`` whose tokenizer is this module (see ``polytag.text.spacy_bridge``)."""
        from polytag.text.spacy_bridge import make_nlp

        return make_nlp(self)


def split_runs(words: Iterable[TermWord | None]) -> list[list[TermWord]]:
    """Maximal runs of consecutive words; a ``None`` ends a run."""
    runs: list[list[TermWord]] = [[]]
    for word in words:
        if word is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(word)
    return [run for run in runs if run]


def _line_spans(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    for line in text.splitlines(keepends=True):
        end = start + len(line)
        if line.strip():
            yield from bounded_spans(text, start, end)
        start = end


#: the longest piece of text handed to a tokenizer or sentence splitter at once (spaCy refuses
#: a million characters; Kiwi splits sentences in super-linear time on long strings)
MAX_PIECE_CHARS = 10_000
#: where a long piece may be cut, best first: after a sentence end, then at any space
_CUTS = (re.compile(r"[.!?…][\"'”’」』)）]*\s+|[。！？；]+[”’」』)）]*\s*"), re.compile(r"\s+"))


def bounded_spans(text: str, start: int, end: int, limit: int = MAX_PIECE_CHARS) -> Iterable[tuple[int, int]]:
    """``text[start:end]`` as consecutive spans of at most ``limit`` characters, each cut after
    the last sentence end in the second half of its window, else at the last space, else at
    ``limit`` (text without either). Whitespace at a cut belongs to no span."""
    while end - start > limit:
        cut = None
        for pattern in _CUTS:
            for cut in pattern.finditer(text, start + limit // 2, start + limit):
                pass
            if cut is not None:
                break
        if cut is None:
            yield start, start + limit
            start += limit
        else:
            yield start, cut.start() + len(cut.group().rstrip())
            start = cut.end()
    if end > start:
        yield start, end


def _fill_gaps(text: str, tokens: list[Token]) -> list[Token]:
    """Drop whitespace tokens (control characters str counts as space) and add a token for
    every non-whitespace run the library left uncovered, so nothing is lost."""
    out: list[Token] = []
    position = 0
    for token in tokens:
        start = token.start
        if start > position and not text[position:start].isspace():
            out.extend(_gap_tokens(text, position, start))
        if not token.text.isspace():
            out.append(token)
        position = max(position, token.end)
    if position < len(text) and not text[position:].isspace():
        out.extend(_gap_tokens(text, position, len(text)))
    return out


def _gap_tokens(text: str, start: int, end: int) -> list[Token]:
    gap = text[start:end]
    out = []
    for piece in re.finditer(r"\S+", gap):
        surface = piece.group()
        pos = "X" if any(ch.isalnum() for ch in surface) else "SYM"
        out.append(Token(surface, surface.lower(), pos, pos, start + piece.start(), start + piece.end(), False))
    return out
