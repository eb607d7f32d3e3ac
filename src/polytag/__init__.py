"""polytag: theme tagging, keywords and theme-frequency reports for AI-policy documents in
Korean, Chinese and English."""
from __future__ import annotations

from importlib import import_module
from typing import Any

from polytag.errors import PolytagError
from polytag.text import Segment, Token, add_stop_words, detect_language, nlp, segment, stop_words, tokenize

__version__ = "0.1.0"

# Heavier parts load on first use, so `import polytag` stays quick.
_LAZY = {
    "read": "polytag.io",
    "read_document": "polytag.io",
    "read_folder": "polytag.io",
    "Document": "polytag.io",
    "tag": "polytag.themes",
    "Codebook": "polytag.themes",
    "ThemeClassifier": "polytag.themes",
    "keywords": "polytag.keywords",
    "keywords_frame": "polytag.keywords",
    "keyness": "polytag.keywords",
    "kwic": "polytag.keywords",
    "Corpus": "polytag.corpus",
    "tag_folder": "polytag.batch",
    "suggest_terms": "polytag.suggest",
    "suggest_labels": "polytag.suggest",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'polytag' has no attribute {name!r}")
    return getattr(import_module(module), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "PolytagError", "Segment", "Token", "__version__", "add_stop_words", "detect_language",
    "nlp", "segment", "stop_words", "tokenize", *_LAZY,
]
