"""Seed-term suggestions for a theme: the terms of the segments that carry the theme, ranked
by how much more often they occur there than in the rest of the corpus, per language.

Candidates are whole terms of the keyword term layer (:mod:`polytag.keywords.terms`: no stop
words, numbers or single characters), minus the codebook's seeds and their fragments, and
minus sub-phrases never seen outside a longer term. The segments "of the theme" are the
labelled positives when labels are given, otherwise the segments the model (or the codebook's
seed terms) tags with it, so a theme seeded in one language gets candidates in the others
wherever the model already finds it there. The score is keyness's log-likelihood (G2),
for terms seen at least ``min_count`` times in two or more segments of the theme and at least
twice as often there (log ratio >= 1). Nothing is written into a codebook: :func:`yaml_snippet`
prints the accepted shape for an analyst to review and paste.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from polytag.errors import PolytagError, UnknownThemeError
from polytag.keywords.comparison import enclosed_terms, keyness_statistics
from polytag.keywords.terms import FRAGMENT_SHARE, Term, term_key, term_spans
from polytag.suggest.pool import segment_pool
from polytag.text import get_language
from polytag.themes.classifier import ThemeClassifier
from polytag.themes.codebook import Codebook
from polytag.themes.evaluate import read_gold, with_doc_id
from polytag.themes.segments import TextUnit, as_units
from polytag.themes.tagging import resolve_model

#: fewest occurrences in the theme's segments for a term to be suggested
MIN_COUNT = 3
#: a suggestion is at least this much more frequent (log2) in the theme's segments than elsewhere
MIN_LOG_RATIO = 1.0
#: characters of context on each side of an example
CONTEXT_CHARS = 40
#: without labels or a model, the seed-tagged segments of a language are joined by up to this many
#: times as many segments that a text classifier trained on them ranks highest
EXPAND = 2.0
#: ... but by no more than one in this many of the language's other segments (a theme is not most of a corpus)
EXPAND_LIMIT = 4
COLUMNS = ["lang", "term", "score", "n_in", "n_out", "log_ratio",
           "example_1", "doc_id_1", "start_1", "end_1", "example_2", "doc_id_2", "start_2", "end_2"]


def suggest_terms(corpus: Any, *, theme: str, codebook: Codebook | str | Path | None = None, k: int = 30, lang: str | None = None,
                  model: ThemeClassifier | str | Path | None = None, gold: str | Path | pd.DataFrame | None = None,
                  min_count: int = MIN_COUNT, expand: float = EXPAND) -> pd.DataFrame:
    """The ``k`` best new seed terms for ``theme`` in each language of ``corpus``.

    ``codebook``: the codebook holding ``theme`` (default: the shipped one). Columns: lang,
    term, score (G2), n_in (occurrences in the theme's segments), n_out (in the
    others), log_ratio, and two examples (context, document, offsets of the term in the
    document). ``gold``: labelled segments (CSV path or DataFrame with ``text``, ``lang`` and a
    0/1 ``theme`` column) whose positives are the theme's segments; otherwise ``model`` (a
    classifier or saved folder) or, without one, the codebook's seed terms decide, widened by
    :func:`_expand` (``expand`` = 0 keeps the seed-tagged segments alone).
    """
    book = Codebook.load(codebook)
    if theme not in book.theme_names:
        raise UnknownThemeError(f"no theme {theme!r} in the codebook; its themes are {', '.join(book.theme_names)}")
    pool, units = segment_pool(corpus, lang=lang)
    if gold is not None:
        pool, units, inside = _gold_split(pool, units, gold, theme, lang)
    else:
        classifier = resolve_model(model, book, units)
        if theme not in classifier.themes_:
            raise UnknownThemeError(f"the model has no theme {theme!r}; its themes are {', '.join(classifier.themes_)}")
        j = list(classifier.themes_).index(theme)
        inside = classifier.predict(units)[:, j].astype(bool)
        if model is None and expand > 0:
            inside = _expand(classifier, units, inside, pool["lang"].to_numpy(), expand)
    frames = []
    for code in sorted(set(pool["lang"])):
        rows = np.flatnonzero(pool["lang"].to_numpy() == code)
        if inside[rows].any():
            frames.append(_rank(pool, units, rows, inside, code, _seed_words(book, theme, code), k, min_count))
    if not frames:
        raise PolytagError(f"no segment of the corpus is tagged {theme!r}: add seed terms or labels first")
    return pd.concat(frames, ignore_index=True).reindex(columns=COLUMNS)


def yaml_snippet(suggestions: pd.DataFrame, theme: str) -> str:
    """The suggestions as a concept of ``theme``, in codebook YAML, to review and paste."""
    terms = {lang: list(part["term"]) for lang, part in suggestions.groupby("lang", sort=True)}
    body = yaml.safe_dump({"themes": {theme: {"concepts": {"suggested": terms}}}}, allow_unicode=True,
                          sort_keys=False, width=100)
    return (f"# Suggested seed terms for {theme!r}: keep the ones that belong to the theme, delete the\n"
            "# rest, and paste the concept under the theme in your codebook (or split it into concepts).\n" + body)


def _rank(pool: pd.DataFrame, units: list[TextUnit], rows: np.ndarray, inside: np.ndarray, lang: str,
          seeds: tuple[set[tuple[str, ...]], set[str]], k: int, min_count: int) -> pd.DataFrame:
    """The ``k`` best candidates of one language (rows of ``pool`` in it)."""
    language = get_language(lang)
    terms: dict[str, Term] = {}
    counts = {True: Counter(), False: Counter()}
    segments_in: Counter = Counter()
    examples: dict[str, list[tuple[int, int, int]]] = {}
    totals = {True: 0, False: 0}
    for row in rows:
        unit, side = units[row], bool(inside[row])
        totals[side] += sum(t.is_word for t in unit.tokens)
        seen = set()
        for run in language.term_runs(unit.tokens):
            for words in term_spans(run, generic=language.generic_words):
                key = term_key(words, language.term_separator)
                if len(key) < 2:  # a single character is never a term (as in the term layer)
                    continue
                terms.setdefault(key, Term(key, tuple(w.lemma for w in words))).add_name(words, language.term_separator)
                counts[side][key] += 1
                if side and key not in seen:
                    seen.add(key)
                    segments_in[key] += 1
                    if len(examples.setdefault(key, [])) < 2:
                        examples[key].append((row, words[0].start, words[-1].end))
    target, reference = pd.Series(counts[True], dtype=float), pd.Series(counts[False], dtype=float)
    enclosed = enclosed_terms(terms, target, reference)
    kept = [key for key in target.index if target[key] >= min_count and segments_in[key] >= 2
            and key not in enclosed and not _is_seed(terms[key], key, seeds, language.term_separator)]
    stats = keyness_statistics(target.reindex(kept), reference.reindex(kept).fillna(0), measure="lr",
                               target_total=max(totals[True], 1), reference_total=max(totals[False], 1))
    stats = stats[(stats["G2"] > 0) & (stats["log_ratio"] >= MIN_LOG_RATIO)]
    stats = stats[~stats.index.isin(_fragments({key: terms[key] for key in stats.index}, target, language.term_separator))]
    stats = stats.head(k)
    records = []
    for key, stat in stats.iterrows():
        record = {"lang": lang, "term": terms[key].name, "score": round(float(stat["G2"]), 2), "n_in": int(stat["n_target"]),
                  "n_out": int(stat["n_reference"]), "log_ratio": round(float(stat["log_ratio"]), 2)}
        for number, (row, start, end) in enumerate(examples[key], start=1):
            record.update(_example(pool.iloc[row], start, end, number))
        records.append(record)
    return pd.DataFrame(records, columns=COLUMNS)


def _fragments(terms: dict[str, Term], counts: pd.Series, separator: str) -> set[str]:
    """Candidates that occur in the theme's segments mostly inside longer candidates ("final"
    in "final rule", 商务 in 商务主管部门): the longer term is the one to suggest."""
    words = {key: tuple(w.lower() for w in term.words) for key, term in terms.items()}
    found = set()
    for key in terms:
        inside = sum(counts[longer] for longer in terms if len(words[longer]) > len(words[key]) or len(longer) > len(key)
                     if longer != key and (_contains(words[longer], words[key]) or (not separator and key in longer)))
        if inside >= FRAGMENT_SHARE * counts[key]:
            found.add(key)
    return found


def _expand(classifier: ThemeClassifier, units: list[TextUnit], inside: np.ndarray, langs: np.ndarray,
            ratio: float) -> np.ndarray:
    """The seed-tagged segments and, per language, up to ``ratio`` times as many others that a
    logistic regression on the model's word and character features, trained to tell the
    seed-tagged segments from the rest, ranks highest out of fold (at most a quarter of the rest):
    segments about the theme in other words than the seeds (전략물자 beside 수출 통제). The seed
    terms' own features are left out, so the ranking rests on the words around them."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    from polytag.themes.features import CHARS, WORD, compute_matches

    y = inside.astype(int)
    folds = min(3, int(y.sum()))
    if folds < 2:
        return inside
    features = classifier.features_.transform(units, compute_matches(classifier.matcher_, units)).tocsc()
    text = [i for i, name in enumerate(classifier.features_.feature_names_) if name.block in (WORD, CHARS)]
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000)
    proba = cross_val_predict(model, features[:, text].tocsr(), y, method="predict_proba",
                              cv=StratifiedKFold(folds, shuffle=True, random_state=0))[:, 1]
    expanded = inside.copy()
    for lang in np.unique(langs):
        candidates = np.flatnonzero((langs == lang) & ~inside)
        wanted = min(int(ratio * inside[langs == lang].sum()), len(candidates) // EXPAND_LIMIT)
        best = candidates[np.argsort(-proba[candidates], kind="stable")][:wanted]
        expanded[best] = True
    return expanded


def _example(segment: pd.Series, start: int, end: int, number: int) -> dict[str, Any]:
    """A term in its context, and its offsets in the document (or in the segment, if the
    segment's place in its document is unknown)."""
    text = str(segment["text"])
    before = " ".join(text[max(0, start - CONTEXT_CHARS):start].split())
    after = " ".join(text[end:end + CONTEXT_CHARS].split())
    offset = int(segment["start"]) if pd.notna(segment.get("start")) else 0
    return {f"example_{number}": f"…{before} [{text[start:end]}] {after}…", f"doc_id_{number}": segment["doc_id"],
            f"start_{number}": offset + start, f"end_{number}": offset + end}


def _seed_words(codebook: Codebook, theme: str, lang: str) -> tuple[set[tuple[str, ...]], set[str]]:
    """(lemma sequences of ``theme``'s seeds and exclusions, lemma forms of every other seed) in ``lang``."""
    language = get_language(lang)

    def words(term: str) -> tuple[str, ...]:
        return tuple(t.lemma.lower() for t in language.tokenize(term.replace("*", "")) if t.is_word)

    own = {words(t) for c in codebook.theme(theme).concepts for t in c.terms.get(lang, ())}
    own |= {words(t) for t in codebook.theme(theme).exclude.get(lang, ())}
    others = {language.term_separator.join(words(t)) for c in codebook.concepts for t in c.terms.get(lang, ())}
    return {w for w in own if w}, others


def _is_seed(term: Term, key: str, seeds: tuple[set[tuple[str, ...]], set[str]], separator: str) -> bool:
    """A seed, a seed's fragment, or a phrase holding a seed of the theme (the seed matches it already)."""
    own, others = seeds
    words = tuple(w.lower() for w in term.words)
    if key.lower() in others or separator.join(words) in others:
        return True
    joined = "".join(words)
    for seed in own:
        if _contains(words, seed) or _contains(seed, words):
            return True
        if not separator and ("".join(seed) in joined or joined in "".join(seed)):  # Chinese compounds
            return True
    return False


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def _gold_split(pool: pd.DataFrame, units: list[TextUnit], gold: Any, theme: str,
                lang: str | None) -> tuple[pd.DataFrame, list[TextUnit], np.ndarray]:
    """The labelled positives as the theme's segments, against the corpus segments that are
    not among them and the labelled negatives."""
    from polytag.suggest.labels import text_key

    labels = with_doc_id(gold.copy() if isinstance(gold, pd.DataFrame) else read_gold(gold, [theme]))
    if theme not in labels.columns:
        raise UnknownThemeError(f"the labels have no column {theme!r}")
    if lang is not None:
        labels = labels[labels["lang"] == lang]
    labels = labels.assign(doc_id=labels["doc_id"] if "doc_id" in labels.columns else "labels")
    labels = labels.reindex(columns=[*pool.columns, theme]).reset_index(drop=True)
    label_units = as_units(labels[["text", "lang"]])
    labels["lang"] = [u.lang for u in label_units]
    positive = labels[theme].astype(int).to_numpy() == 1
    keys = {text_key(t) for t in labels["text"]}
    rest = np.array([text_key(t) not in keys for t in pool["text"]], dtype=bool)
    frame = pd.concat([labels.drop(columns=[theme]), pool[rest]], ignore_index=True)
    return frame, label_units + [u for u, r in zip(units, rest) if r], np.concatenate([positive, np.zeros(rest.sum(), bool)])
