"""Candidate terms of a document: the word sequences, inside the runs of term words that the
language module finds, that end with a word able to head a term and are not made only of the
language's generic nouns (政策, "policy" and titles alone are no terms; 财政政策 is).

A term's identity (its key) is its lemma form: the forms of its words with the last word's
lemma, joined by the language's separator, so "수출통제" and "수출 통제" are both "수출 통제",
"出口管製" is "出口管制" and "open-weight models" is "open-weight model". The term shown is that
key, except for capitalised English names, which keep their plural ("united states").
Paragraphs repeated three times or more (running headers, repeated headings) are boilerplate.

A term almost always written next to the same term word is a fragment of a longer fixed
expression (中国特色社会主义, after 新时代 and before 思想): :attr:`Term.is_fragment`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from polytag.keywords.corpus import Paragraph, Text, paragraphs
from polytag.text import get_language
from polytag.text.base import TermWord

#: longest term, in words; a name (capitalised words) may be longer: "Thea D. Rozman Kendler"
MAX_WORDS = 4
MAX_NAME_WORDS = 8
#: a term next to the same word in this share of its occurrences is a fragment of a longer
#: expression (polytag.suggest drops a suggestion held by longer ones at the same share)
FRAGMENT_SHARE = 0.8
#: a paragraph repeated this many times in a document is boilerplate
REPEATED_BOILERPLATE = 3


@dataclass
class Term:
    """One candidate term and where it occurs."""

    key: str
    #: the lemma of each word: "a phrase and its sub-phrase" is decided on these
    words: tuple[str, ...]
    count: int = 0
    #: earliest occurrence, as a share of its document's length (0 = the very start)
    first: float = 1.0
    #: indexes of the paragraphs it occurs in
    paragraphs: set[int] = field(default_factory=set)
    #: surface forms as written, with counts
    forms: dict[str, int] = field(default_factory=dict)
    #: how each occurrence is shown (the key, or a name's own spelling), with counts
    names: dict[str, int] = field(default_factory=dict)
    #: the term words just before (after) its occurrences in their runs, with counts (None: none)
    left: dict[str | None, int] = field(default_factory=dict)
    right: dict[str | None, int] = field(default_factory=dict)
    #: written as a capitalised name at least once ("President Trump")
    is_name: bool = False

    @property
    def name(self) -> str:
        """The term as shown: its most frequent spelling (the key unless it is a name)."""
        return max(self.names, key=self.names.__getitem__)

    def forms_by_frequency(self) -> list[str]:
        return sorted(self.forms, key=self.forms.__getitem__, reverse=True)

    @property
    def is_fragment(self) -> bool:
        """Seen more than once, and next to the same word in at least ``FRAGMENT_SHARE`` of its
        occurrences: part of a longer fixed expression, not a term of its own."""
        if self.count < 2:
            return False
        return any(count >= FRAGMENT_SHARE * self.count
                   for side in (self.left, self.right) for word, count in side.items() if word is not None)

    def add_name(self, words: list[TermWord], separator: str) -> None:
        """Record how one occurrence is shown: a name in its own spelling ("united states"),
        anything else as the key."""
        name = separator.join(w.form for w in words) if written_as_name(words) else self.key
        self.names[name] = self.names.get(name, 0) + 1

    def add_neighbours(self, left: str | None, right: str | None) -> None:
        """Record the term words next to one occurrence (None: the run begins or ends there)."""
        self.left[left] = self.left.get(left, 0) + 1
        self.right[right] = self.right.get(right, 0) + 1


@dataclass
class TermIndex:
    """The candidate terms of one or more documents in one language."""

    lang: str
    terms: dict[str, Term]
    #: runs of term words per paragraph (paragraph index, run), in text order
    runs: list[tuple[int, list[TermWord]]]
    #: word tokens (not punctuation or numbers) of each paragraph
    paragraph_words: list[int]

    @property
    def n_words(self) -> int:
        """Word tokens in all: the size of the text for keyness."""
        return sum(self.paragraph_words)


def index_terms(texts: list[Text], *, max_words: int = MAX_WORDS) -> TermIndex:
    """Count every candidate term of ``texts`` (all in one language) with its positions."""
    lang = texts[0].lang
    language = get_language(lang)
    separator = language.term_separator
    terms: dict[str, Term] = {}
    runs: list[tuple[int, list[TermWord]]] = []
    paragraph_words: list[int] = []
    for text in texts:
        length = max(len(text.text), 1)
        text_paragraphs = paragraphs(text)
        repeated = _repeated_lines(text, text_paragraphs)
        for paragraph in text_paragraphs:
            paragraph_index = len(paragraph_words)
            paragraph_words.append(sum(t.is_word for t in paragraph.tokens))
            if text.text[paragraph.start : paragraph.end] in repeated:
                continue
            for run in language.term_runs(paragraph.tokens):
                runs.append((paragraph_index, run))
                for first, last in _span_bounds(run, max_words, language.generic_words):
                    words = run[first:last]
                    key = term_key(words, separator)
                    if len(key) < 2:  # a single character is never a term
                        continue
                    term = terms.get(key)
                    if term is None:
                        term = terms[key] = Term(key, tuple(w.lemma for w in words))
                    start, end = words[0].start, words[-1].end
                    term.add_neighbours(run[first - 1].lemma if first else None,
                                        run[last].lemma if last < len(run) else None)
                    term.count += 1
                    term.first = min(term.first, start / length)
                    term.paragraphs.add(paragraph_index)
                    form = " ".join(text.text[start:end].split())
                    term.forms[form] = term.forms.get(form, 0) + 1
                    term.is_name = term.is_name or written_as_name(words)
                    term.add_name(words, separator)
    return TermIndex(lang, terms, runs, paragraph_words)


def written_as_name(words: list[TermWord]) -> bool:
    """Several words, each written as a name ("President Trump", "United States")."""
    return len(words) > 1 and all(w.name for w in words)


def term_key(words: list[TermWord], separator: str) -> str:
    """A term's identity: the forms of its words, the last one as its lemma."""
    return separator.join([w.form for w in words[:-1]] + [words[-1].lemma])


def term_spans(run: list[TermWord], max_words: int = MAX_WORDS, *, generic: frozenset[str] = frozenset()):
    """Every word sequence of ``run`` up to ``max_words`` long (``MAX_NAME_WORDS`` for a name)
    that ends with a head word and is not made only of ``generic`` words; a single word also
    has to be able to stand alone."""
    for first, last in _span_bounds(run, max_words, generic):
        yield run[first:last]


def _span_bounds(run: list[TermWord], max_words: int, generic: frozenset[str]):
    """(first, last) of every span :func:`term_spans` yields: ``run[first:last]``."""
    is_generic = [w.lemma in generic for w in run]
    names = 0  # name words in a row, ending at the current word
    for end in range(1, len(run) + 1):
        word = run[end - 1]
        names = names + 1 if word.name else 0
        if not word.head:
            continue
        longest = max(max_words, min(names, MAX_NAME_WORDS))
        for start in range(max(0, end - longest), end - 1):
            if not all(is_generic[start:end]):
                yield start, end
        if word.alone and not is_generic[end - 1]:
            yield end - 1, end


def _repeated_lines(text: Text, text_paragraphs: list[Paragraph]) -> set[str]:
    """Paragraphs written out identically at least ``REPEATED_BOILERPLATE`` times: page headers,
    footers and headings repeated in every section ("Recommended Policy Actions")."""
    counts = Counter(text.text[p.start : p.end] for p in text_paragraphs)
    return {line for line, count in counts.items() if count >= REPEATED_BOILERPLATE}
