"""English: spaCy's rule-based tokenizer and the lookup lemmas of spacy-lookups-data.

The lookup table is case-sensitive ("Agencies" stays "Agencies"), so polytag looks lemmas up
in lower case; acronyms written in capitals (AI, US, BIS) keep their case so that "US" does
not become the pronoun "us".
"""
from __future__ import annotations

import re
import threading
from typing import Sequence

from polytag.text.base import LanguageModule, TermWord, latin_term_form, register_language, split_runs
from polytag.text.tokens import Token

_LEMMA_OVERRIDES = {"'s": "'s", "’s": "'s", "data": "data", "media": "media"}
_HYPHENS = frozenset({"-", "‐", "‑"})
#: verb forms that WordNet also lists as nouns but prose almost never uses so ("led by OSTP")
_VERB_FORMS = frozenset({"led", "said", "including"})
#: words of legal structure, legal formulas (set forth, pursuant to) and dates: boilerplate,
#: never part of a term
_BOILERPLATE = frozenset(
    "section sections subsection subsections paragraph paragraphs subparagraph subparagraphs clause "
    "clauses chapter article annex appendix et seq u.s.c. c.f.r. fr pub stat no. ii iii iv vi vii viii "
    "forth hereof herein thereof therein pursuant accordance day days date dates week weeks month months "
    "ix xi xii january february march april june july august september october november december "
    "jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. monday tuesday wednesday thursday "
    "friday saturday sunday".split()
)
#: adjectives that say how a thing stands to the text, not what it is ("relevant agency",
#: "new chip security mechanism", "applicable law"): never part of a term
_EVALUATIVE = frozenset(
    "relevant appropriate applicable certain existing related new effective necessary respective specific "
    "particular additional current various".split()
)
_NOT_TERM_WORDS = _BOILERPLATE | _VERB_FORMS | _EVALUATIVE
#: words after which a word that can be a verb is one ("to address", "will support")
_VERB_MARKERS = frozenset("to will shall must may should can could would might".split())


@register_language("en")
class English(LanguageModule):
    # a Latin letter carries a fraction of a word; English texts quote Chinese names and terms
    scripts = {"latin": 1.0, "han": 0.0}
    spacy_lang = "en"

    def __init__(self) -> None:
        super().__init__()
        self._nlp = None
        self._table: dict[str, str] | None = None
        self._classes: dict[str, frozenset[str]] | None = None
        self._sentence_marks: re.Pattern | None = None
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
                from spacy.attrs import IDX, LENGTH, ORTH

                self._array_attrs = [ORTH, IDX, LENGTH]
                nlp = spacy.blank("en")
                nlp.add_pipe("sentencizer")
                self._nlp = nlp

    @property
    def spacy_nlp(self):
        """A blank English pipeline (tokenizer and sentencizer), built once per process."""
        if self._nlp is None:
            self._load()
        return self._nlp

    @property
    def word_classes(self) -> dict[str, frozenset[str]]:
        """Word -> the classes WordNet gives it (noun, verb, adj, adv), from spacy-lookups-data:
        the offline stand-in for a tagger when deciding what can be part of a noun phrase."""
        if self._classes is None:
            import spacy
            import srsly

            path = spacy.util.registry.lookups.get("en")["lemma_lookup"]
            index = srsly.read_gzip_json(path.with_name(path.name.replace("lookup", "index") + ".gz"))
            classes: dict[str, set[str]] = {}
            for word_class, words in index.items():
                for word in words:
                    classes.setdefault(word, set()).add(word_class)
            self._classes = {word: frozenset(c) for word, c in classes.items()}
        return self._classes

    def lemma(self, word: str) -> str:
        """Dictionary form for matching: lower-cased lookup lemma; capitalised acronyms kept."""
        if self._table is None:
            self._load()
        if len(word) > 1 and word.isupper():
            return word
        lower = word.lower()
        return self._table.get(lower, lower)

    def tokenize_paragraph(self, text: str, offset: int = 0) -> list[Token]:
        doc = self.spacy_nlp.tokenizer(text)
        words = self._word_cache
        tokens = []
        # read offsets and lengths as arrays: much faster than spaCy Token attributes
        for orth, start, length in doc.to_array(self._array_attrs).tolist():
            info = words.get(orth)
            if info is None:
                info = words[orth] = self._word_info(doc.vocab.strings[orth])
            if info is not None:
                lemma, pos, is_stop = info
                tokens.append(Token(text[start:start + length], lemma, pos, pos, start + offset,
                                    start + length + offset, is_stop))
        return tokens

    def _word_info(self, word: str) -> tuple[str, str, bool] | None:
        """(lemma, pos, is_stop) of a word, None for whitespace (cached per word)."""
        if word.isspace():
            return None
        lexeme = self.spacy_nlp.vocab[word]
        if lexeme.is_punct:
            pos = "PUNCT"
        elif lexeme.like_num:
            pos = "NUM"
        elif not any(ch.isalnum() for ch in word):
            pos = "SYM"
        else:
            pos = "X"  # no English tagger can be installed offline: words are untagged
        lemma = self.lemma(word)
        return lemma, pos, pos == "PUNCT" or lemma in self.stop_words

    @property
    def sentence_marks(self) -> re.Pattern:
        """The sentencizer's punctuation characters."""
        if self._sentence_marks is None:
            marks = self.spacy_nlp.get_pipe("sentencizer").punct_chars
            self._sentence_marks = re.compile("[" + "".join(map(re.escape, sorted(marks))) + "]")
        return self._sentence_marks

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

    def term_runs(self, tokens: Sequence[Token]) -> list[list[TermWord]]:
        """Noun phrases from stop-word and punctuation boundaries: hyphenated compounds are one
        word (open-weight, state-of-the-art), words known only as verbs or adverbs end a run
        (ensure, hereby), and so do words used as verbs ("to address"); a term ends with a word
        that can be a noun, and its last word is singular (open-weight models -> open-weight
        model). Words that can be adjectives (domestic, national) and lower-case hyphenated
        compounds (full-stack) are modifiers: never a term alone, nor its end before a noun
        ("national" in "national security"); one word of a longer name ("Trump" in "President
        Trump") is no term alone either."""
        groups = _hyphen_groups(tokens)
        runs = split_runs(self._term_word(group, previous) for previous, group in zip([None, *groups], groups))
        for run in runs:
            for i, word in enumerate(run):
                last = i + 1 == len(run)
                in_name = (i > 0 and run[i - 1].name) or (not last and run[i + 1].name)
                if word.name and not in_name:  # a capitalised name is of two or more words: United States
                    word = word._replace(name=False)
                elif word.name:
                    word = word._replace(alone=False)
                if not word.alone and not last and not word.name:
                    word = word._replace(head=False)
                run[i] = word
        return runs

    def _term_word(self, group: Sequence[Token], previous: Sequence[Token] | None) -> TermWord | None:
        stop = self.stop_words
        if all(t.is_stop or t.text.lower() in stop for t in group) or any(
            not t.is_word for t in group if t.text not in _HYPHENS
        ):  # a stop word by lemma (well) or as written (using -> use, least -> little)
            return None
        surface = "".join(t.text for t in group)
        if latin_term_form(surface) is None or surface.lower() in _NOT_TERM_WORDS:
            return None
        form = "".join(latin_term_form(t.text) or t.text for t in group)  # AI-enabled keeps AI
        last = group[-1].text.lower()
        classes = self._classes_of(last)
        if len(group) > 1 and classes == {"verb"}:  # AI-enabled, state-funded: adjectives
            classes = frozenset({"adj"})
        if classes and not classes & {"noun", "adj"}:
            return None
        if "verb" in classes and previous is not None and previous[-1].text.lower() in _VERB_MARKERS:
            return None
        compound_modifier = len(group) > 1 and form.islower()  # full-stack, open-weight, AI-enabled is a name
        alone = "adj" not in classes and not compound_modifier
        if form.isupper():
            lemma = form
        else:
            singular = self.lemma(last) if last.endswith("s") and classes == {"noun"} else last
            lemma = form[: len(form) - len(last)] + singular
        head = (not classes or "noun" in classes) and not compound_modifier
        return TermWord(group[0].start, group[-1].end, form, lemma, head=head, alone=alone, name=surface[0].isupper())

    def _classes_of(self, word: str) -> frozenset[str]:
        """Word classes of ``word``; an inflected form not listed takes its lemma's: a plural
        is a noun, other inflections (including, required) are verbs. Unknown words are names
        or new coinages: empty, and treated as nouns."""
        classes = self.word_classes
        if word in classes:
            return classes[word]
        lemma = self.lemma(word)
        lemma_classes = classes.get(lemma, frozenset())
        if lemma == word or not lemma_classes:
            return lemma_classes
        if word.endswith("s") and "noun" in lemma_classes:
            return frozenset({"noun"})
        return frozenset({"verb"}) if "verb" in lemma_classes else lemma_classes


def _hyphen_groups(tokens: Sequence[Token]) -> list[list[Token]]:
    """Tokens grouped into words: a hyphen written between two tokens without spaces joins them."""
    groups: list[list[Token]] = []
    for token in tokens:
        previous = groups[-1] if groups else None
        joins = previous is not None and previous[-1].end == token.start and (
            token.text in _HYPHENS or previous[-1].text in _HYPHENS
        )
        if joins:
            previous.append(token)
        else:
            groups.append([token])
    return groups
