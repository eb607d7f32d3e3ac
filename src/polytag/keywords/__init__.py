"""Keywords, keyness and keyword-in-context for Korean, Chinese and English documents.

- :func:`keywords` / :func:`keywords_frame`: the terms of a document, scored against a
  background ("tfidf") or by a graph ("textrank"), as ``[(term, score), ...]`` best first.
- :func:`keyness`: terms that set one group of documents apart from the others (quanteda's
  ``textstat_keyness``); :func:`keyness_statistics` does the statistics for any two count vectors.
- :func:`kwic`: every match of a word, phrase, lemma or pattern with its context (quanteda's ``kwic``).

Terms are lemma forms: Korean nouns joined by a space ("수출 통제" for 수출통제 and 수출 통제),
Chinese in Simplified characters without spaces ("出口管制" for 出口管製), English in lower case
with a singular last word and acronyms kept ("open-weight model", "AI system"; capitalised names
keep their plural: "united states"). ``keywords_frame`` lists the forms as written.
"""
from __future__ import annotations

import sys
import types

from polytag.keywords.comparison import keyness, keyness_statistics
from polytag.keywords.concordance import kwic
from polytag.keywords.extraction import keywords, keywords_frame


class _CallableModule(types.ModuleType):
    """``polytag.keywords`` is both this package and the function :func:`keywords`: once the
    package is imported, Python binds the name to the package, so the package calls the function."""

    def __call__(self, *args, **kwargs):
        return keywords(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule

__all__ = ["keyness", "keyness_statistics", "keywords", "keywords_frame", "kwic"]
