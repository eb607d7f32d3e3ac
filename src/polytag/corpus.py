"""``polytag.Corpus``: the notebook API. Documents and their metadata as DataFrames, theme
tagging, theme frequencies, keywords, charts and the passages behind each number.

The numbers, charts and passages come from :mod:`polytag.report`, so a notebook shows what
``polytag report`` shows for the same results.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from polytag.errors import (ERROR_COLUMNS, DocumentError, ResultsError, UnknownOptionError, UnknownThemeError,
                            printable_path)
from polytag.io.metadata import year_of
from polytag.report import (Results, bar_chart, heatmap, keyword_table, load_results, theme_frequencies, top_passages,
                            write_report)
from polytag.text.detect import FALLBACK_LANG
from polytag.tables import segment_metadata

#: leading columns of ``Corpus.documents``; other metadata follows in order of appearance
DOCUMENT_COLUMNS = ("doc_id", "file", "text", "lang", "title", "country", "date", "year", "doc_type")
PLOTS = {"heatmap": heatmap, "bar": bar_chart}


class Corpus:
    """Documents to tag and compare.

    ``documents``: one row per document (doc_id, file, text, lang, title, country, date, year,
    doc_type and any other metadata); ``errors``: one row per file that could not be read
    (file, error, reason); ``segments``: the tagged segments, once :meth:`tag` has run.
    """

    def __init__(self, documents: pd.DataFrame, *, errors: pd.DataFrame | None = None,
                 results: Results | None = None, source: str = "corpus") -> None:
        self.documents = documents
        self.errors = errors if errors is not None else pd.DataFrame(columns=list(ERROR_COLUMNS))
        self.source = source
        self._results = results

    @classmethod
    def from_folder(cls, path: str | Path) -> "Corpus":
        """Read every document in a folder (or one file); unreadable files go to ``errors``."""
        from polytag.io import read

        result = read(path)
        records = [{"doc_id": d.id, "file": printable_path(d.path), "text": d.text, **d.meta, "year": year_of(d.meta),
                    "format": d.format, "encoding": d.encoding} for d in result.documents]
        documents = pd.DataFrame(records)
        if "year" in documents:  # an int per document, None when unknown
            documents["year"] = documents["year"].astype("Int64")
        documents = documents.reindex(columns=list(dict.fromkeys([*DOCUMENT_COLUMNS, *documents.columns])))
        return cls(documents, errors=_error_frame(result.errors), source=str(path))

    @classmethod
    def from_results(cls, outdir: str | Path) -> "Corpus":
        """A tagged corpus from a ``polytag tag --out`` folder. Document texts are rebuilt from
        the segments (what lay between segments comes back as newlines)."""
        results = load_results(outdir)
        return cls(results.documents, errors=results.errors, results=results, source=str(outdir))

    def __repr__(self) -> str:
        tagged = f"{len(self._results.segments):,} segments tagged" if self._results else "not tagged"
        return f"<Corpus {self.source!r}: {len(self.documents)} documents, {len(self.errors)} errors, {tagged}>"

    # ----- tagging -------------------------------------------------------------------------
    def tag(self, *, model: Any = None, codebook: Any = None, fallback_lang: str = FALLBACK_LANG) -> pd.DataFrame:
        """Segment and tag every document; keep and return the segments table: the columns of
        ``polytag tag``'s ``segments.parquet`` (document metadata, then :mod:`polytag.tables`'s
        segment table), with ``evidence`` as lists of dicts.

        ``model``: a ``ThemeClassifier`` or a saved model folder (default: the shipped model);
        ``codebook``: a ``Codebook`` or YAML path, tagged by its seed terms when no model is given;
        ``fallback_lang``: the language of a document without letters and no declared language.
        """
        from polytag import __version__
        from polytag.pipeline import tag_documents

        if self.documents.empty:
            raise ResultsError(self.source, "no document to tag" + _first_error(self.errors))
        tagged, counts, classifier = tag_documents(
            zip(self.documents["doc_id"], self.documents["text"], self.documents["lang"]), model=model,
            codebook=codebook, fallback_lang=fallback_lang)
        names = segment_metadata(self.documents.columns, classifier.themes_)
        meta = self.documents[["doc_id", *names]].rename(columns=names)
        segments = meta.merge(tagged, on="doc_id", how="right")
        documents = self.documents.merge(counts.drop(columns="doc_lang"), on="doc_id", how="left")
        codebook_ = classifier.codebook_
        run = {"polytag_version": __version__, "model": _model_label(model, codebook),
               "codebook": {"name": codebook_.name, "version": codebook_.version, "identity": codebook_.identity()}}
        self._results = Results(segments, documents, self.errors, list(classifier.themes_), run, self.source)
        return self._results.segments

    @property
    def segments(self) -> pd.DataFrame:
        """The tagged segments (after :meth:`tag`, or from a results folder)."""
        return self._tagged().segments

    @property
    def themes(self) -> list[str]:
        """Theme names, in codebook order."""
        return self._tagged().themes

    # ----- numbers and the passages behind them ----------------------------------------------
    def theme_frequencies(self, *, by: str = "country") -> pd.DataFrame:
        """Per group of ``by``: segments tagged per theme, share, mean probability and seed-term
        hits per 10,000 tokens (see :func:`polytag.report.theme_frequencies`)."""
        results = self._tagged()
        return theme_frequencies(results.segments, by=by, themes=results.themes)

    def evidence(self, theme: str, group: object = None, *, k: int = 5, by: str = "country") -> pd.DataFrame:
        """The ``k`` highest-probability segments tagged with ``theme`` in each group of ``by``
        (or in ``group`` only): the passages behind ``n_<theme>`` and ``share_<theme>``."""
        results = self._tagged()
        if theme not in results.themes:
            raise UnknownThemeError(f"{self.source}: no theme {theme!r}; the themes are {', '.join(results.themes)}")
        return top_passages(results.segments, theme, by=by, group=group, k=k)

    def keywords(self, *, k: int = 10, by: str = "doc_id") -> pd.DataFrame:
        """The ``k`` best keywords per group of ``by`` (per language within a group)."""
        return keyword_table(self.documents, k=k, by=by)

    def plot_themes(self, *, by: str = "country", kind: str = "heatmap") -> Figure:
        """A chart of theme share per group: ``kind`` "heatmap" or "bar"."""
        if kind not in PLOTS:
            raise UnknownOptionError(f"unknown plot kind {kind!r}; use one of {', '.join(PLOTS)}")
        return PLOTS[kind](self.theme_frequencies(by=by), by=by)

    def report(self, out: str | Path, *, by: str = "country", fmt: str | None = None, k: int = 5,
               keywords: int = 10) -> list[Path]:
        """Write the report that ``polytag report`` writes (see :func:`polytag.report.write_report`)."""
        return write_report(self._tagged(), out, by=by, fmt=fmt, k=k, keywords=keywords)

    def _tagged(self) -> Results:
        if self._results is None:
            raise ResultsError(self.source, "the corpus is not tagged yet: call .tag() first")
        return self._results


def _error_frame(errors: list[DocumentError]) -> pd.DataFrame:
    return pd.DataFrame([e.as_record() for e in errors], columns=list(ERROR_COLUMNS))


def _first_error(errors: pd.DataFrame) -> str:
    return f" ({errors['file'].iloc[0]}: {errors['reason'].iloc[0]})" if len(errors) else ""


def _model_label(model: Any, codebook: Any) -> str:
    """How the model was chosen, for the run information of a report."""
    if isinstance(model, (str, Path)):
        return str(model)
    if model is not None:
        return f"{type(model).__name__} object"
    return "codebook seed terms" if codebook is not None else "polytag default model"
