"""Keyword extraction from one document or a set of segments, by two methods that return the
same shape: ``[(term, score), ...]``, best first.

``tfidf``: a term's sublinear count (1 + ln count, as scikit-learn's ``sublinear_tf``) times its
specificity against a background (general-language word frequencies by default, or a corpus's
IDF), times a position weight (terms introduced early, as in a title or first paragraph, count
up to 1.25 times) and a spread weight (0.75 to 1, from the number of paragraphs the term occurs
in over the number expected if its occurrences were scattered at random over the words of the
text: a term bunched in one list counts less).

``textrank``: PageRank over a graph of term words linked when they occur within three term words
of each other in a paragraph, teleporting in proportion to each word's specificity (so generic
words gain less from being everywhere); a term scores the mean rank of its words times its
sublinear count. Graph centrality favours hub words: expect phrases around AI or 发展.

Both rank the same candidates (terms of one word, and terms of several words that occur at
least twice; never a fragment of a longer fixed expression, see :mod:`polytag.keywords.terms`)
and merge near-duplicates: where a phrase covers at least half of the occurrences of its
sub-phrase (개방형 모델 of 개방형), the phrase stands for both, with the better score of the
two; a name with and without a title or first name ("president trump", "president donald J.
trump"; 习近平同志, 习近平) is one name, shown as the better scored.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Any, Callable

import numpy as np
import pandas as pd
from scipy import sparse

from polytag.errors import PolytagError, UnknownOptionError
from polytag.keywords.background import CorpusBackground, GeneralBackground
from polytag.keywords.corpus import Text, as_texts, one_language
from polytag.keywords.terms import Term, TermIndex, index_terms
from polytag.text import get_language

#: the most a term gains from occurring at the very start of the text (x1.25), and the most
#: it loses from being bunched in few paragraphs (x0.75)
POSITION_BONUS = 0.25
SPREAD_PENALTY = 0.25
#: a phrase and its sub-phrase are near-duplicates when the phrase covers this share of the
#: sub-phrase's occurrences
NEAR_DUPLICATE_SHARE = 0.5
#: TextRank: words within this many term words of each other are linked; damping factor
TEXTRANK_WINDOW = 3
TEXTRANK_DAMPING = 0.85

Background = GeneralBackground | CorpusBackground


def keywords(
    doc_or_text: Any,
    *,
    k: int = 20,
    lang: str | None = None,
    method: str = "tfidf",
    background: Any = None,
) -> list[tuple[str, float]]:
    """The ``k`` best keywords of a document as ``(term, score)``, best first.

    ``doc_or_text``: text, a ``polytag.io.Document``, a list of str (the segments of one
    document), or a path (a folder's documents are taken together). ``method``: "tfidf" or
    "textrank". ``background``: None for general-language frequencies (works on a single
    document), or a corpus (path, ReadResult, Documents, DataFrame) whose documents in the same
    language give the IDF. Terms are lemma forms: see :func:`keywords_frame` for counts and
    the forms as written.
    """
    frame = keywords_frame(doc_or_text, k=k, lang=lang, method=method, background=background)
    return list(zip(frame["term"], frame["score"]))


def keywords_frame(
    doc_or_text: Any,
    *,
    k: int = 20,
    lang: str | None = None,
    method: str = "tfidf",
    background: Any = None,
) -> pd.DataFrame:
    """:func:`keywords` as a DataFrame: term, score, count, paragraphs (how many the term
    occurs in) and forms (the spellings seen in the text, most frequent first)."""
    if method not in METHODS:
        raise UnknownOptionError(f"unknown keyword method {method!r}; use one of {', '.join(METHODS)}")
    texts = _as_unit(doc_or_text, lang)
    index = index_terms(texts)
    scores = METHODS[method](index, _background(background, index.lang))
    candidates = [t for t in index.terms.values() if (t.count >= 2 or len(t.words) == 1) and not t.is_fragment]
    candidates.sort(key=lambda t: (-scores[t.key], t.key))
    chosen = _without_near_duplicates(candidates, scores, k, get_language(index.lang).titles)
    return pd.DataFrame(
        {
            "term": [t.name for t, _ in chosen],
            "score": [round(score, 4) for _, score in chosen],
            "count": [t.count for t, _ in chosen],
            "paragraphs": [len(t.paragraphs) for t, _ in chosen],
            "forms": [t.forms_by_frequency() for t, _ in chosen],
        }
    )


def tfidf_scores(index: TermIndex, background: Background) -> dict[str, float]:
    """(1 + ln count) x specificity x position x spread, for every candidate term."""
    expected_paragraphs = _expected_paragraphs(index.paragraph_words)
    scores = {}
    for term in index.terms.values():
        dispersion = min(1.0, len(term.paragraphs) / expected_paragraphs(term.count))
        spread = 1 - SPREAD_PENALTY + SPREAD_PENALTY * dispersion
        position = 1 + POSITION_BONUS * (1 - term.first)
        scores[term.key] = (1 + math.log(term.count)) * background.term(term) * position * spread
    return scores


def textrank_scores(index: TermIndex, background: Background) -> dict[str, float]:
    """Specificity-biased TextRank over term words; a term: mean rank of its words x (1 + ln count)."""
    ids: dict[str, int] = {}
    links: Counter = Counter()
    for sequence in _paragraph_words(index):
        for i, word in enumerate(sequence):
            a = ids.setdefault(word, len(ids))
            for other in sequence[i + 1 : i + TEXTRANK_WINDOW]:
                b = ids.setdefault(other, len(ids))
                if a != b:
                    links[a, b] += 1
                    links[b, a] += 1
    ranks = _pagerank(links, np.array([background.word(w) for w in ids])) * len(ids)  # 1 = an average word
    return {
        term.key: sum(ranks[ids[w]] for w in term.words) / len(term.words) * (1 + math.log(term.count))
        for term in index.terms.values()
    }


METHODS: dict[str, Callable[[TermIndex, Background], dict[str, float]]] = {
    "tfidf": tfidf_scores,
    "textrank": textrank_scores,
}


def _as_unit(doc_or_text: Any, lang: str | None) -> list[Text]:
    """The documents to take keywords from; a list of str is the segments of one document."""
    if isinstance(doc_or_text, (list, tuple)) and doc_or_text and all(isinstance(s, str) for s in doc_or_text):
        doc_or_text = "\n\n".join(doc_or_text)
    texts = as_texts(doc_or_text, lang=lang)
    one_language(texts, "keyword extraction")
    return texts


def _background(background: Any, lang: str) -> Background:
    if background is None:
        return GeneralBackground(lang)
    texts = [t for t in as_texts(background) if t.lang == lang]
    if not texts:
        raise PolytagError(f"the background corpus has no document in {lang!r}")
    return CorpusBackground(texts)


def _expected_paragraphs(paragraph_words: list[int]) -> Callable[[int], float]:
    """How many paragraphs ``count`` occurrences scattered at random over the words would hit."""
    shares = np.array(paragraph_words, dtype=float) / max(sum(paragraph_words), 1)
    cache: dict[int, float] = {}

    def expected(count: int) -> float:
        if count not in cache:
            cache[count] = max(float(np.sum(1 - (1 - shares) ** count)), 1.0)
        return cache[count]

    return expected


def _paragraph_words(index: TermIndex) -> list[list[str]]:
    """The term words of each paragraph, in order (stop words and punctuation left out)."""
    sequences: dict[int, list[str]] = {}
    for paragraph, run in index.runs:
        sequences.setdefault(paragraph, []).extend(w.lemma for w in run)
    return list(sequences.values())


def _pagerank(links: Counter, teleport: np.ndarray, iterations: int = 100, tolerance: float = 1e-9) -> np.ndarray:
    n = len(teleport)
    teleport = teleport / teleport.sum()
    if not links:
        return teleport
    (rows, cols), weights = zip(*links.keys()), list(links.values())
    matrix = sparse.csr_matrix((weights, (rows, cols)), shape=(n, n))
    out_weight = np.asarray(matrix.sum(axis=1)).ravel()
    transition = sparse.diags(np.divide(1.0, out_weight, out=np.zeros(n), where=out_weight > 0)) @ matrix
    dangling = out_weight == 0
    ranks = teleport.copy()
    for _ in range(iterations):
        spread = transition.T @ ranks + ranks[dangling].sum() * teleport
        updated = TEXTRANK_DAMPING * spread + (1 - TEXTRANK_DAMPING) * teleport
        if np.abs(updated - ranks).sum() < tolerance:
            return updated
        ranks = updated
    return ranks


def _without_near_duplicates(ranked: list[Term], scores: dict[str, float], k: int,
                             titles: frozenset[str]) -> list[tuple[Term, float]]:
    """The ``k`` best terms, near-duplicates merged: a phrase covering most occurrences of a
    better-scored sub-phrase takes its place and score (개방형, 모델 -> 개방형 모델); a
    sub-phrase of a kept phrase, and another spelling of a kept name, are left out."""
    kept: list[tuple[Term, float]] = []
    for term in ranked:
        duplicates = [i for i, (other, _) in enumerate(kept) if _near_duplicates(term, other, titles)]
        if not duplicates:
            if len(kept) == k:
                break
            kept.append((term, scores[term.key]))
        elif all(_covers(term, kept[i][0]) for i in duplicates):
            first = duplicates[0]
            kept[first] = (term, kept[first][1])
            kept = [entry for i, entry in enumerate(kept) if i not in duplicates[1:]]
    return kept


def _near_duplicates(a: Term, b: Term, titles: frozenset[str]) -> bool:
    """Same words (spelt differently), one name with and without titles or first names, or a
    phrase covering most of its sub-phrase's occurrences."""
    if a.words == b.words or _same_name(a, b, titles):
        return True
    short, long = sorted((a, b), key=lambda t: len(t.words))
    return _covers(long, short)


def _covers(long: Term, short: Term) -> bool:
    """``short`` is a sub-phrase of ``long``, which holds at least ``NEAR_DUPLICATE_SHARE`` of its occurrences."""
    n = len(short.words)
    if n >= len(long.words) or long.count < NEAR_DUPLICATE_SHARE * short.count:
        return False
    return any(long.words[i : i + n] == short.words for i in range(len(long.words) - n + 1))


def _same_name(a: Term, b: Term, titles: frozenset[str]) -> bool:
    """Equal without titles (习近平同志, 习近平), or two names ending in the same word, one's words
    a subsequence of the other's ("president trump", "president donald J. trump")."""
    core_a, core_b = ([w for w in t.words if w not in titles] for t in (a, b))
    if core_a == core_b:
        return len(a.words) != len(b.words)
    if not (a.is_name and b.is_name and core_a and core_b and core_a[-1] == core_b[-1]):
        return False
    short, long = sorted((core_a, core_b), key=len)
    remaining = iter(long)
    return all(word in remaining for word in short)
