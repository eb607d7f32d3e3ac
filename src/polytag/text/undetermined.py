"""Text in no registered language, marked ``"und"`` (BCP 47: undetermined): Japanese with
kana, Russian, Arabic... while no module reads them. Detection gives this code to letters in
scripts no language declares; the module gives such text no tokens (no words, hence no seed
terms, features or keywords), so it is never read as another language."""
from __future__ import annotations

from polytag.text.base import UNDETERMINED, LanguageModule, register_language
from polytag.text.tokens import Token


@register_language(UNDETERMINED)
class Undetermined(LanguageModule):
    spacy_lang = "xx"

    def default_stop_words(self) -> list[str]:
        return []

    def tokenize(self, text: str) -> list[Token]:
        """No tokens: polytag does not know the words of this text."""
        return []

    def tokenize_paragraph(self, text: str, offset: int = 0) -> list[Token]:
        return []

    def sentence_spans(self, text: str) -> list[tuple[int, int]]:
        """The whole paragraph: no sentence splitter for a language polytag does not know."""
        start = len(text) - len(text.lstrip())
        return [(start, len(text.rstrip()))] if text.strip() else []
