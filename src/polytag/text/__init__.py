"""Text: tokenizers for Korean, Chinese and English behind one interface, language
detection and segmentation."""
from __future__ import annotations

from polytag.text import chinese, english, korean, undetermined  # noqa: F401  (register the languages)
from polytag.text.base import UNDETERMINED, LanguageModule, available_languages, get_language, register_language
from polytag.text.detect import FALLBACK_LANG, detect_language, register_script, script_shares
from polytag.text.segment import Segment, paragraph_spans, segment
from polytag.text.tokens import Token


def tokenize(text: str, lang: str | None = None) -> list[Token]:
    """Tokens of ``text`` in ``lang`` (detected from the script when not given; text without
    letters is read in :data:`FALLBACK_LANG`). Text in no registered language (``"und"``) has
    no tokens.

    Offsets are exact: ``text[t.start:t.end] == t.text`` for every token.
    """
    code = lang or detect_language(text, default=FALLBACK_LANG)
    return get_language(code).tokenize(text)


def nlp(lang: str):
    """A spaCy ``Language`` for ``lang`` whose tokenizer is polytag's (one per process)."""
    language = get_language(lang)
    if not hasattr(language, "_spacy_pipeline"):
        language._spacy_pipeline = language.make_nlp()
    return language._spacy_pipeline


def stop_words(lang: str) -> frozenset[str]:
    """The stop words of ``lang`` (lemmas); extend them with ``add_stop_words``."""
    return frozenset(get_language(lang).stop_words)


def add_stop_words(lang: str, words) -> None:
    """Extend the stop words of ``lang`` for this process."""
    get_language(lang).add_stop_words(words)


__all__ = [
    "FALLBACK_LANG", "LanguageModule", "Segment", "Token", "UNDETERMINED", "add_stop_words", "available_languages",
    "detect_language", "get_language", "nlp", "paragraph_spans", "register_language", "register_script",
    "script_shares", "segment", "stop_words", "tokenize",
]
