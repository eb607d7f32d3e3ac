"""Everything one report shows, computed once and rendered by each format: the tables per
group and per document, the top evidence passages per theme and group, the keywords per
document, and the charts."""
from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure

from polytag.report.charts import bar_chart, heatmap
from polytag.report.evidence import top_passages
from polytag.report.frequencies import theme_frequencies
from polytag.report.keywords import keyword_table
from polytag.report.results import Results
from polytag.tables import FREQUENCY_COUNTS, FREQUENCY_THEME_STATS

#: document metadata shown beside each document's numbers, when present
DOCUMENT_COLUMNS = ("title", "country", "lang", "year", "doc_type")
#: headers of the count columns in md and html tables
COUNT_HEADERS = {"n_documents": "documents", "n_segments": "segments", "n_tokens": "tokens"}


@dataclass
class ReportParts:
    """The content of a report grouped ``by`` a column."""

    results: Results
    by: str
    groups: pd.DataFrame  # theme_frequencies(by=by)
    documents: pd.DataFrame  # theme_frequencies(by="doc_id"), DOCUMENT_COLUMNS after doc_id, no n_documents
    passages: dict[str, pd.DataFrame]  # theme -> top_passages(by=by)
    keywords: pd.DataFrame  # keyword_table(by="doc_id")
    figures: dict[str, Figure]  # name -> chart; the name is part of the saved file names

    @property
    def themes(self) -> list[str]:
        return self.results.themes

    def facts(self) -> dict[str, str]:
        """What the report is about and how the results were made (``run.json``), as text."""
        results = self.results
        run = {key: value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
               for key, value in results.run.items() if key != "themes"}
        return {"results": results.source, "documents": str(results.segments["doc_id"].nunique()),
                "segments": str(len(results.segments)), "files not read": str(len(results.errors)),
                "themes": ", ".join(self.themes), **run}


def report_parts(results: Results, *, by: str = "country", k: int = 5, keywords: int = 10) -> ReportParts:
    """Compute the content of a report: ``k`` passages per theme and group, ``keywords``
    keywords per document (0 for none)."""
    segments, themes = results.segments, results.themes
    groups = theme_frequencies(segments, by=by, themes=themes)
    per_document = theme_frequencies(segments, by="doc_id", themes=themes).drop(columns="n_documents")
    meta = [c for c in DOCUMENT_COLUMNS if c in results.documents.columns]
    info = results.documents[["doc_id", *meta]].drop_duplicates("doc_id").astype({"doc_id": str})
    per_document = per_document.merge(info, on="doc_id", how="left")
    per_document = per_document[["doc_id", *meta, *(c for c in per_document.columns if c not in ("doc_id", *meta))]]
    figures = {
        "heatmap": heatmap(groups, by=by, title=f"Share of segments tagged, by {by}"),
        "bars": bar_chart(groups, by=by),
        "documents": heatmap(per_document, by="doc_id", title="Share of segments tagged, by document"),
    }
    return ReportParts(
        results=results,
        by=by,
        groups=groups,
        documents=per_document,
        passages={theme: top_passages(segments, theme, by=by, k=k) for theme in themes},
        keywords=keyword_table(results.documents, k=keywords) if keywords > 0 else pd.DataFrame(),
        figures=figures,
    )


def info_columns(frame: pd.DataFrame, key: str, themes: list[str]) -> list[str]:
    """The descriptive columns of a frequency table (title, country, ...) other than ``key``."""
    numbers = {*FREQUENCY_COUNTS, *(f"{stat}_{t}" for t in themes for stat in FREQUENCY_THEME_STATS)}
    return [c for c in frame.columns if c not in numbers and c != key]


def tagged_cell(n: int, total: int) -> str:
    """A count beside its share: ``12 / 80 (15.0%)``; ``total`` is never 0 (groups come from segments)."""
    return f"{n} / {total} ({n / total:.1%})"


def probability_cell(value: float) -> str:
    """A mean probability to three decimals; "–" when no segment of the group has one (all in
    no language polytag reads)."""
    return "–" if value != value else f"{value:.3f}"


def text_of(value: object) -> str:
    """A table value as text; a missing value (None, NaN, NA) as ""."""
    return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)
