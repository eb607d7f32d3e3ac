"""Themes: codebook, dictionary tagger, classifier, evaluation, and tagging with evidence.

Names load on first use (as in ``polytag/__init__.py``): a batch run's parent process reads a
saved model's codebook through :mod:`polytag.themes.model_io` without importing scikit-learn.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

_LAZY = {
    "Evidence": "classifier", "Tagged": "classifier", "ThemeClassifier": "classifier",
    "Codebook": "codebook", "Concept": "codebook", "Theme": "codebook",
    "DictionaryTagger": "dictionary", "SeedMatch": "dictionary",
    "ThemeEvaluator": "evaluate", "read_gold": "evaluate",
    "load_default_model": "model_io", "load_model": "model_io", "read_model_info": "model_io", "save_model": "model_io",
    "tag": "tagging",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'polytag.themes' has no attribute {name!r}")
    return getattr(import_module(f"polytag.themes.{module}"), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = sorted(_LAZY)
