"""The term layer: words and phrases compiled once per language and found in token lists, the
same way for the dictionary tagger, the classifier's seed evidence and kwic.

A term is tokenized with its language's module, and each of its tokens matches a token of the
text when their lemmas or lower-cased surface forms meet, so 수출통제 and 수출 통제 match the same term, "open-weight model" matches
"Open weight models", 開源 matches 开源 (Chinese lemmas are mainland forms), and 印度 does not
match inside 印度尼西亚. Hyphens and slashes are transparent ("open-source" = "open source").
In languages whose tokens are compounds (Chinese), a one-token term also matches at the start
or end of a longer token whose rest is a word or a sign (人工智能 in 生成式人工智能 and in
人工智能+). A term with ``*`` (or, when ``wildcards`` allows, ``?`` or ``[...]``) is a glob
over tokens (``export*``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Iterable, Sequence

from polytag.text.base import get_language
from polytag.text.tokens import Token

#: tokens that join the parts of a term and are skipped when matching
TRANSPARENT = frozenset({"-", "‐", "‑", "–", "/"})
_GLOB = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class Term:
    """One compiled term: per token, the forms it matches (its lemma and its normalised
    surface; one glob for a wild term), and what it stands for (``key``: a concept id, a
    pattern, ...), with the theme and weight the dictionary gives it."""

    pieces: tuple[tuple[str, ...], ...]
    key: str
    theme: str
    term: str
    weight: float
    wild: bool


@dataclass(frozen=True)
class TermHit:
    """A term found in a token list: ``text[start:end]`` is the matched passage; ``first`` and
    ``last`` index the first and last matched tokens of the list given to :meth:`TermIndex.find`."""

    term: Term
    start: int
    end: int
    first: int
    last: int


class TermIndex:
    """Terms of one language compiled for matching. ``entries`` are (key, theme, term, weight);
    ``wildcards``: "*" (only ``*`` is a wildcard, as in codebooks), "glob" (``*``, ``?`` and
    ``[...]``, as in kwic) or "" (terms are taken literally)."""

    def __init__(self, entries: Iterable[tuple[str, str, str, float]], lang: str, *, wildcards: str = "*") -> None:
        self.lang = lang
        self.language = get_language(lang)
        self.by_first: dict[str, list[Term]] = {}
        self.wild: list[Term] = []
        for key, theme, term, weight in entries:
            wild = _is_wild(term, wildcards)
            pieces = self.pieces(term, wild=wild)
            if not pieces:
                continue
            compiled = Term(pieces, key, theme, term, weight, wild)
            if wild:
                self.wild.append(compiled)
            else:
                for form in pieces[0]:
                    self.by_first.setdefault(form, []).append(compiled)
        for terms in self.by_first.values():
            terms.sort(key=lambda t: -len(t.pieces))
        self.affixes = ({form for form, ts in self.by_first.items() if any(len(t.pieces) == 1 for t in ts)}
                        if self.language.compound_tokens else set())

    def keys(self) -> set[str]:
        """The keys of the compiled terms (a term with no token is left out)."""
        return {t.key for terms in self.by_first.values() for t in terms} | {t.key for t in self.wild}

    def pieces(self, term: str, *, wild: bool = False) -> tuple[tuple[str, ...], ...]:
        """The forms each token of ``term`` matches: its lemma and lower-cased surface (one
        normalised glob per space-separated part of a wild term)."""
        if wild:
            return tuple((self.language.normalize(p),) for p in term.split())
        return tuple(tuple(dict.fromkeys((t.lemma, t.text.lower())))
                     for t in self.language.tokenize(term) if t.text not in TRANSPARENT)

    def find(self, tokens: Sequence[Token]) -> list[TermHit]:
        """Every match of every term in ``tokens`` (overlapping ones included), in token order."""
        kept = [(i, t) for i, t in enumerate(tokens) if t.text not in TRANSPARENT]
        keys = [(t.lemma, t.text.lower()) for _, t in kept]
        found: list[TermHit] = []
        for i, (lemma, surface) in enumerate(keys):
            candidates = self.by_first.get(lemma, []) + (self.by_first.get(surface, []) if surface != lemma else [])
            for term in dict.fromkeys(candidates + self.wild):  # a term found under both forms once
                n = len(term.pieces)
                if i + n <= len(kept) and all(_piece_matches(p, keys[i + k], term.wild)
                                              for k, p in enumerate(term.pieces)):
                    (first, token), (last, end_token) = kept[i], kept[i + n - 1]
                    found.append(TermHit(term, token.start, end_token.end, first, last))
            if self.affixes and len(lemma) > 2:
                found += self._affix_hits(lemma, kept[i][0], kept[i][1])
        return found

    def _affix_hits(self, lemma: str, index: int, token: Token) -> list[TermHit]:
        """One-token terms at the start or end of a compound token whose rest is a word or a
        sign: 开源 in 开源社区 (社区 is a word), 人工智能 in 人工智能+, but not 印度 in 印度尼西亚."""
        found = []
        for cut in range(1, len(lemma)):
            for part, rest, start, end in ((lemma[:cut], lemma[cut:], token.start, token.start + cut),
                                           (lemma[cut:], lemma[:cut], token.start + cut, token.end)):
                if part in self.affixes and (self.language.is_word(rest) or not any(map(str.isalnum, rest))):
                    found += [TermHit(t, start, end, index, index) for t in self.by_first[part]
                              if len(t.pieces) == 1]
        return found


def _is_wild(term: str, wildcards: str) -> bool:
    if wildcards == "glob":
        return bool(_GLOB.search(term))
    return wildcards == "*" and "*" in term


def _piece_matches(forms: tuple[str, ...], key: tuple[str, str], wild: bool) -> bool:
    if wild:
        return fnmatchcase(key[0].lower(), forms[0]) or fnmatchcase(key[1], forms[0])
    return key[0] in forms or key[1] in forms
