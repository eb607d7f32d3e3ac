"""Bring your own theme: seed-term suggestions for a theme (:func:`suggest_terms`) and the
segments worth labelling next (:func:`suggest_labels`), in Korean, Chinese and English at once.

``polytag.suggest_terms`` and ``polytag.suggest_labels`` load this package on first use.
"""
from polytag.suggest.labels import select_segments, suggest_labels
from polytag.suggest.terms import suggest_terms

__all__ = ["select_segments", "suggest_labels", "suggest_terms"]
