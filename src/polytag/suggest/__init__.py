"""Bring your own theme: seed-term suggestions for a theme (:func:`suggest_terms`) and the
segments worth labelling next (:func:`suggest_labels`), in Korean, Chinese and English at once.

Names load on first use, as in ``polytag/__init__.py``.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

_LAZY = {"suggest_terms": "terms", "suggest_labels": "labels", "select_segments": "labels"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'polytag.suggest' has no attribute {name!r}")
    return getattr(import_module(f"polytag.suggest.{module}"), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = sorted(_LAZY)
