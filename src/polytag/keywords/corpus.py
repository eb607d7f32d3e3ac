"""One normaliser for everything the keyword functions accept as a corpus, and the tokens of a
document, paragraph by paragraph (cached, so kwic after keywords does not tokenize twice).

A corpus may be a path (file or folder, read with ``polytag.io``), a ``polytag.Corpus``, a ``ReadResult``, a list
of ``Document`` objects, a pandas ``DataFrame`` with a ``text`` column (``lang`` and any
metadata columns optional), a single ``Document``, or text.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, NamedTuple

import pandas as pd

from polytag.errors import LanguageError, PolytagError
from polytag.text import FALLBACK_LANG, UNDETERMINED, available_languages, detect_language, get_language, paragraph_spans
from polytag.text.caches import TOKEN_CACHES
from polytag.text.tokens import Token

#: DataFrame columns that name a document, in order of preference (polytag's doc_id; quanteda's docname)
_NAME_COLUMNS = ("doc_id", "docname", "id", "name")
#: a document without a language in its metadata is detected from this many characters
_DETECTION_CHARS = 20_000


@dataclass(frozen=True)
class Text:
    """One document as the keyword functions see it. ``meta`` always has ``lang``, and
    ``year`` when a ``date`` is known."""

    name: str
    text: str
    lang: str
    meta: Mapping[str, str]


class Paragraph(NamedTuple):
    """A paragraph of a document: offsets into the document text and its tokens (offsets
    into the document text too)."""

    start: int
    end: int
    tokens: list[Token]


def as_texts(corpus: Any, *, lang: str | None = None) -> list[Text]:
    """The documents of ``corpus`` (see the module docstring), in the order given.

    ``lang`` overrides every document's language. A str that names an existing file or folder
    is read as a path; a str that looks like a path but names nothing is an error
    (:func:`polytag.io.folder.path_or_text`); any other str is a text.
    """
    if isinstance(getattr(corpus, "documents", None), pd.DataFrame):  # a polytag.Corpus
        corpus = corpus.documents
    if isinstance(corpus, pd.DataFrame):
        return _from_frame(corpus, lang)
    if isinstance(corpus, str):
        from polytag.io.folder import path_or_text

        corpus = path_or_text(corpus) or corpus
    if isinstance(corpus, Path):
        from polytag.io import read

        corpus = read(corpus)
    if hasattr(corpus, "documents") and hasattr(corpus, "errors"):  # a ReadResult
        for error in corpus.errors:
            warnings.warn(f"skipped {error}", stacklevel=3)
        if not corpus.documents:
            raise PolytagError("no document could be read" + (f": {corpus.errors[0]}" if corpus.errors else ""))
        corpus = corpus.documents
    if isinstance(corpus, str) or hasattr(corpus, "meta"):
        corpus = [corpus]
    texts = [_from_item(item, index, lang) for index, item in enumerate(corpus)]
    if not texts:
        raise PolytagError("the corpus holds no documents")
    return texts


def one_language(texts: list[Text], purpose: str) -> str:
    """The one language of ``texts``; a clear error when they mix languages."""
    languages = sorted({t.lang for t in texts})
    if len(languages) > 1:
        raise PolytagError(
            f"{purpose} needs documents in one language, got {', '.join(languages)}: "
            "pass lang= (--lang) or a corpus in one language"
        )
    return languages[0]


def paragraphs(text: Text) -> list[Paragraph]:
    """The paragraphs of ``text`` with their tokens (tokenized once per text and language)."""
    return _paragraphs(text.text, text.lang)


@TOKEN_CACHES.texts(maxsize=32)
def _paragraphs(text: str, lang: str) -> list[Paragraph]:
    tokens = get_language(lang).tokenize(text)  # line by line: tokenizers slow down on long strings
    out = []
    position = 0
    for start, end in paragraph_spans(text):
        while position < len(tokens) and tokens[position].end <= start:
            position += 1
        first = position
        while position < len(tokens) and tokens[position].start < end:
            position += 1
        out.append(Paragraph(start, end, tokens[first:position]))
    return out


def _from_item(item: Any, index: int, lang: str | None) -> Text:
    if isinstance(item, str):
        return _make(f"text{index + 1}", item, lang, {})
    if hasattr(item, "text") and hasattr(item, "meta"):  # a polytag.io.Document
        return _make(str(item.id), item.text, lang, item.meta)
    raise PolytagError(f"cannot read {type(item).__name__} as a document: give text, a Document or a path")


def _from_frame(frame: pd.DataFrame, lang: str | None) -> list[Text]:
    if "text" not in frame.columns:
        raise PolytagError(f"a corpus DataFrame needs a 'text' column; it has {', '.join(map(str, frame.columns))}")
    name_column = next((c for c in _NAME_COLUMNS if c in frame.columns), None)
    meta_columns = [c for c in frame.columns if c not in ("text", name_column)]
    texts = []
    for index, record in enumerate(frame.to_dict("records")):
        meta = {str(c): str(record[c]) for c in meta_columns if pd.notna(record[c])}
        name = str(record[name_column]) if name_column else f"text{index + 1}"
        texts.append(_make(name, str(record["text"]), lang, meta))
    return texts


def _make(name: str, text: str, lang: str | None, meta: Mapping[str, str]) -> Text:
    code = lang or meta.get("lang") or detect_language(text[:_DETECTION_CHARS], default=FALLBACK_LANG)
    if code == UNDETERMINED:
        raise LanguageError(f"{name}: written in no language polytag reads ({', '.join(available_languages())}); "
                            "keywords need one of them (pass lang= if the detection is wrong)")
    get_language(code)  # an unknown language fails here, with the list of known ones
    full = {**meta, "lang": code}
    if "year" not in full and full.get("date", "")[:4].isdigit():
        full["year"] = full["date"][:4]
    return Text(name, text, code, full)
