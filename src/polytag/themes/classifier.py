"""The theme classifier: one calibrated logistic regression per theme over lemma, character
and codebook-concept features, blended with the codebook's own verdict, with a per-theme
decision threshold chosen by cross-validation.

The blend is what lets the classifier lean on the codebook where labels are thin: a theme
learned from ``n`` positive examples gets weight ``n / (n + prior_strength)`` for the
learned probability and the rest for the seed-term probability (weighted seed hits ``s``
give ``1 - exp(-1.2 s)``); its decision threshold is shrunk toward 0.5 by the same weight. A theme with fewer than ``min_positives`` examples of either class
is tagged from its seed terms alone.

It is a scikit-learn estimator (parameters in ``__init__``, ``fit``/``predict``/
``predict_proba``), so it works in ``Pipeline``, ``GridSearchCV`` and ``cross_val_score``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, StratifiedKFold

from polytag.themes.codebook import Codebook
from polytag.themes.dictionary import SCOPE, SEED_CUT, SeedMatch, TermMatcher, seed_probability, seed_scores
from polytag.themes.features import CHARS, CONCEPT, SCOPE_BLOCK, WORD, ThemeFeatures, compute_matches
from polytag.themes.segments import TextUnit, as_units

#: the fitted arrays, one row (or value) per theme: ``fit`` builds them, model files store them
ARRAY_ATTRIBUTES = ("coef_", "intercept_", "calibration_", "thresholds_", "blend_")
#: every attribute ``fit`` sets (and clears first, so a refit keeps nothing of an earlier fit)
FITTED_ATTRIBUTES = ("codebook_", "themes_", "classes_", "matcher_", "features_", *ARRAY_ATTRIBUTES)

@dataclass(frozen=True)
class Evidence:
    """Why a theme was given: a passage of the segment (``text[start:end]``) and its weight."""

    theme: str
    text: str
    start: int
    end: int
    #: "seed" (a seed term of the theme), "concept" or "scope" (a codebook feature the model
    #: weighed), "word" (a lemma feature) or "chars" (a character n-gram)
    source: str
    weight: float
    term: str = ""


class Tagged(NamedTuple):
    """What :meth:`ThemeClassifier.tag` returns for ``n`` segments."""

    #: probability of each theme, shape (n, n_themes), in ``themes_`` order
    proba: np.ndarray
    #: 0/1 per theme: the probability passed the theme's threshold and there is evidence
    decisions: np.ndarray
    #: per segment, the evidence of each theme given
    evidence: list[dict[str, list[Evidence]]]
    #: weighted seed-term hits of each theme, shape (n, n_themes)
    hits: np.ndarray


class ThemeClassifier(ClassifierMixin, BaseEstimator):
    """Multi-label theme classifier for Korean, Chinese and English segments.

    ``X``: a list of strings, a DataFrame with ``text`` (and ``lang``), or polytag Segments.
    ``y``: a DataFrame with one 0/1 column per theme of the codebook, or an array in the
    codebook's theme order. A theme with no column, or fewer than ``min_positives`` examples
    of either class, is tagged from its seed terms; with ``y=None`` every theme is.
    ``groups``: the source document of each segment; thresholds and calibration then come from
    folds that never split a document (what holds on documents never seen).
    """

    def __init__(self, codebook: Codebook | str | None = None, *, C: float = 16.0, word_ngrams: int = 2,
                 char_ngrams: tuple[int, int] = (2, 3), min_df: int = 2, concept_scale: float = 1.0,
                 text_scale: float = 1.0, prior_strength: float = 40.0,
                 threshold_cv: int = 5, min_positives: int = 6, random_state: int = 0) -> None:
        self.codebook = codebook
        self.C = C
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.concept_scale = concept_scale
        self.text_scale = text_scale
        self.prior_strength = prior_strength
        self.threshold_cv = threshold_cv
        self.min_positives = min_positives
        self.random_state = random_state

    # ----- fitting ------------------------------------------------------------------------
    def fit(self, X: Any, y: Any = None, groups: Any = None) -> "ThemeClassifier":
        for name in FITTED_ATTRIBUTES:
            self.__dict__.pop(name, None)
        self.codebook_ = Codebook.load(self.codebook)
        self.themes_ = self.codebook_.theme_names
        self.classes_ = np.array(self.themes_)
        self.matcher_ = TermMatcher(self.codebook_)
        units = as_units(X)
        Y = self._label_matrix(y, len(units))
        groups = None if groups is None else np.asarray(groups)
        if groups is not None and len(groups) != len(units):
            raise ValueError(f"groups has {len(groups)} entries for {len(units)} segments")
        matches = compute_matches(self.matcher_, units)
        self.features_ = self.make_features().fit(units, matches)
        features = self.features_.transform(units, matches)
        n_themes = len(self.themes_)
        self.coef_ = np.zeros((n_themes, features.shape[1]))
        self.intercept_ = np.zeros(n_themes)
        self.calibration_ = np.tile([1.0, 0.0], (n_themes, 1))  # p = sigmoid(a * decision + b)
        self.thresholds_ = np.full(n_themes, SEED_CUT)
        self.blend_ = np.zeros(n_themes)  # weight of the learned probability; the rest is the codebook's
        seed_proba = self._seed_probabilities(matches)
        for j in range(n_themes):
            y = Y[:, j]
            positives = int(y.sum())
            if y.min(initial=0) < 0 or min(positives, len(y) - positives) < self.min_positives:
                continue  # blend_ stays 0: tagged from seed terms alone
            out_of_fold = self._out_of_fold_decisions(features, y, groups)
            a, b = _platt(out_of_fold, y)
            self.calibration_[j] = (a, b)
            weight = self.blend_[j] = positives / (positives + self.prior_strength)
            cut, _ = _best_threshold(weight * _sigmoid(a * out_of_fold + b) + (1 - weight) * seed_proba[:, j], y)
            self.thresholds_[j] = weight * cut + (1 - weight) * SEED_CUT
            model = self._logistic().fit(features, y)
            self.coef_[j], self.intercept_[j] = model.coef_[0], model.intercept_[0]
        return self

    def make_features(self) -> ThemeFeatures:
        """The (unfitted) feature transformer these parameters describe."""
        return ThemeFeatures(concepts=[c.id for c in self.codebook_.concepts], themes=self.themes_,
                             ngrams=self.word_ngrams, char_ngrams=self.char_ngrams, min_df=self.min_df,
                             concept_scale=self.concept_scale, text_scale=self.text_scale)

    def _logistic(self) -> LogisticRegression:
        return LogisticRegression(C=self.C, class_weight="balanced", max_iter=5000, random_state=self.random_state)

    def _out_of_fold_decisions(self, features, y: np.ndarray, groups: np.ndarray | None) -> np.ndarray:
        n_splits = min(self.threshold_cv, int(y.sum()), int(len(y) - y.sum()))
        if groups is not None and len(set(groups)) >= n_splits:
            splits = GroupKFold(n_splits=n_splits).split(features, y, groups)
        else:
            splits = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=self.random_state).split(features, y)
        out = np.zeros(len(y))
        for train, test in splits:
            if len(set(y[train])) < 2:  # a fold whose training part lacks a class says "unlikely"
                out[test] = -10.0 if y[train][0] == 0 else 10.0
                continue
            out[test] = self._logistic().fit(features[train], y[train]).decision_function(features[test])
        return out

    def _label_matrix(self, Y: Any, n: int) -> np.ndarray:
        """Labels as an int matrix; -1 marks a theme without labels."""
        if Y is None:
            return np.full((n, len(self.themes_)), -1)
        if isinstance(Y, pd.DataFrame):
            Y = np.column_stack([Y[t].to_numpy() if t in Y.columns else np.full(len(Y), -1) for t in self.themes_]) \
                if self.themes_ else np.zeros((len(Y), 0))
        Y = np.asarray(Y, dtype=int)
        if Y.shape != (n, len(self.themes_)):
            raise ValueError(f"labels must have shape ({n}, {len(self.themes_)}), got {Y.shape}")
        return Y

    # ----- prediction ---------------------------------------------------------------------
    def _prepare(self, X: Any) -> tuple[list[TextUnit], list[list[SeedMatch]], Any]:
        units = as_units(X)
        matches = compute_matches(self.matcher_, units)
        return units, matches, self.features_.transform(units, matches)

    def _seed_probabilities(self, matches: list[list[SeedMatch]]) -> np.ndarray:
        """The codebook's verdict (the same function the dictionary tagger uses)."""
        return seed_probability(seed_scores(matches, self.themes_))

    def _probabilities(self, matches: list[list[SeedMatch]], features) -> np.ndarray:
        decision = np.asarray(features @ self.coef_.T) + self.intercept_
        learned = _sigmoid(decision * self.calibration_[:, 0] + self.calibration_[:, 1])
        return self.blend_ * learned + (1 - self.blend_) * self._seed_probabilities(matches)

    def predict_proba(self, X: Any) -> np.ndarray:
        """Probability of each theme, shape (n_segments, n_themes), in ``themes_`` order."""
        _, matches, features = self._prepare(X)
        return self._probabilities(matches, features)

    def predict(self, X: Any) -> np.ndarray:
        """0/1 per theme; a theme is given only with evidence in the segment."""
        return self.tag(X)[1]

    def tag(self, X: Any, *, k: int = 5) -> Tagged:
        """Probabilities, 0/1 decisions, evidence and seed hits per segment, in one pass.

        Evidence (seed terms and the ``k`` strongest features) is looked for only where a theme
        passes its threshold, and a theme is given only with evidence."""
        units, matches, features = self._prepare(X)
        proba = self._probabilities(matches, features)
        decisions = (proba >= self.thresholds_).astype(int)
        evidence = self._evidence_rows(units, matches, features, decisions, k=k)
        for i, found in enumerate(evidence):
            for j, theme in enumerate(self.themes_):
                if decisions[i, j] and not found[theme]:
                    decisions[i, j] = 0
                    del found[theme]
        return Tagged(proba, decisions, evidence, self._seed_hits(matches))

    def explain(self, X: Any, *, k: int = 5) -> list[dict[str, list[Evidence]]]:
        """Evidence per segment for every theme: seed terms matched and the ``k`` strongest features."""
        units, matches, features = self._prepare(X)
        return self._evidence_rows(units, matches, features, np.ones((len(units), len(self.themes_)), dtype=int),
                                   k=k)

    def _seed_hits(self, matches: list[list[SeedMatch]]) -> np.ndarray:
        """Weighted seed-term hits per segment and theme (each matched passage counted once)."""
        column = {t: j for j, t in enumerate(self.themes_)}
        hits = np.zeros((len(matches), len(self.themes_)))
        for row, found in enumerate(matches):
            for m in {(m.theme, m.start, m.end): m for m in reversed(found) if m.weight > 0 and m.theme in column}.values():
                hits[row, column[m.theme]] += m.weight
        return hits

    # ----- evidence -----------------------------------------------------------------------
    def _evidence_rows(self, units: list[TextUnit], matches: list[list[SeedMatch]], features,
                       wanted: np.ndarray, *, k: int) -> list[dict[str, list[Evidence]]]:
        """Evidence of each segment for the themes ``wanted`` (a 0/1 matrix) there."""
        features = features.tocsr()
        bounds = features.indptr
        return [self._evidence(units[i], matches[i], features.indices[bounds[i]:bounds[i + 1]],
                               features.data[bounds[i]:bounds[i + 1]], np.flatnonzero(wanted[i]), k=k)
                for i in range(len(units))]

    def _evidence(self, unit: TextUnit, matches: list[SeedMatch], columns: np.ndarray, values: np.ndarray,
                  themes: np.ndarray, *, k: int) -> dict[str, list[Evidence]]:
        """Seed matches and the ``k`` positive feature contributions of one segment for each
        theme index in ``themes``, given its non-zero feature ``columns`` and ``values`` (plain
        NumPy: a sparse row product per theme cost most of the tagging time in batch runs)."""
        names = self.features_.feature_names_
        out: dict[str, list[Evidence]] = {}
        for j in themes:
            theme = self.themes_[j]
            items = [Evidence(theme, unit.text[m.start:m.end], m.start, m.end, "seed", m.weight, m.term)
                     for m in matches if m.theme == theme and m.weight > 0]
            if self.blend_[j] > 0:
                contributions = values * self.coef_[j, columns]
                order = np.argsort(-contributions)
                for i in order[:k]:
                    value, column = contributions[i], columns[i]
                    if value <= 0:
                        break
                    name = names[column]
                    if name.block == WORD:
                        items += _word_evidence(unit, theme, name.key, value)
                    elif name.block == CHARS:
                        items += _char_evidence(unit, theme, name.key, value)
                    else:
                        items += _codebook_evidence(matches, theme, name, value, unit.text)
            out[theme] = _dedupe(items)
        return out



def _word_evidence(unit: TextUnit, theme: str, lemmas: tuple[str, ...], weight: float) -> list[Evidence]:
    """Where a lemma n-gram feature occurs among the segment's content words."""
    tokens, lowered = unit.content
    lemmas = list(lemmas)
    n = len(lemmas)
    found = []
    for i, lemma in enumerate(lowered):
        if lemma == lemmas[0] and lowered[i:i + n] == lemmas:
            start, end = tokens[i].start, tokens[i + n - 1].end
            found.append(Evidence(theme, unit.text[start:end], start, end, "word", float(weight), "_".join(lemmas)))
    return found


def _codebook_evidence(matches: list[SeedMatch], theme: str, feature, weight: float, text: str) -> list[Evidence]:
    """The matches behind a codebook feature: a concept, the scope terms, or a theme's seeds
    (its score, its number of concepts, its score in scope)."""
    if feature.block == CONCEPT:
        chosen = [m for m in matches if m.concept == feature.key]
    elif feature.block == SCOPE_BLOCK:
        chosen = [m for m in matches if m.concept == SCOPE]
    else:
        chosen = [m for m in matches if m.theme == feature.key and m.weight > 0]
    source = "scope" if feature.block == SCOPE_BLOCK else "concept"
    return [Evidence(theme, text[m.start:m.end], m.start, m.end, source, float(weight), m.term) for m in chosen]


def _char_evidence(unit: TextUnit, theme: str, chars: str, weight: float) -> list[Evidence]:
    needle = chars.strip()
    if len(needle) < 2:  # a lone character (a particle, a punctuation mark) explains nothing
        return []
    lowered = unit.text.lower()
    start = lowered.find(needle)
    found = []
    while start >= 0:
        found.append(Evidence(theme, unit.text[start:start + len(needle)], start, start + len(needle), "chars", float(weight), needle))
        start = lowered.find(needle, start + 1)
    return found


def _dedupe(items: list[Evidence]) -> list[Evidence]:
    seen, out = set(), []
    for item in items:
        key = (item.start, item.end)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.clip(x, -50, 50)))


def _platt(decision: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Platt scaling: a logistic fit of the labels on out-of-fold decision values."""
    model = LogisticRegression(C=1e4, max_iter=1000).fit(decision.reshape(-1, 1), y)
    return float(model.coef_[0, 0]), float(model.intercept_[0])


def _best_threshold(proba: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """The probability cut with the best F1 (midpoint between neighbours), and that F1: every
    cut at once from cumulative counts over the probabilities sorted high to low."""
    order = np.argsort(-proba, kind="stable")
    sorted_proba, sorted_y = proba[order], y[order]
    true_pos = np.cumsum(sorted_y)
    predicted = np.arange(1, len(y) + 1)
    last_of_value = np.flatnonzero(np.diff(sorted_proba) != 0)  # cuts between distinct values
    if len(last_of_value) == 0:
        return 0.5, 0.0
    f1 = 2 * true_pos[last_of_value] / (predicted[last_of_value] + y.sum())
    k = len(f1) - 1 - int(np.argmax(f1[::-1]))  # ties: the lowest cut
    cut = (sorted_proba[last_of_value[k]] + sorted_proba[last_of_value[k] + 1]) / 2
    return float(np.clip(cut, 0.05, 0.95)), float(f1[k])
