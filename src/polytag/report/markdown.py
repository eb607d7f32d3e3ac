"""The Markdown report: tables, links to the chart images saved beside it, the top evidence
passages with ``<mark>`` highlights, and keywords per document.

Markdown renderers pass inline HTML through, so text from the results is HTML-escaped, and
Markdown's own punctuation in it is backslash-escaped, so a title cannot become a link, a
heading or a table cell break.
"""
from __future__ import annotations

import re
from html import escape

import pandas as pd

from polytag.report.evidence import highlight
from polytag.report.parts import COUNT_HEADERS, ReportParts, info_columns, probability_cell, tagged_cell, text_of

_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+!|~]")
_SPACE = re.compile(r"\s+")


def md_escape(text: object) -> str:
    """``text`` safe inside Markdown (and its inline HTML), on one line."""
    return escape(_MD_SPECIAL.sub(r"\\\g<0>", _SPACE.sub(" ", text_of(text))))


def render_markdown(parts: ReportParts, images: dict[str, str]) -> str:
    """The report as Markdown; ``images`` maps a chart name to its file name beside the report."""
    by, results = parts.by, parts.results
    lines = [f"# polytag theme report by {md_escape(by)}", ""]
    lines += [f"- **{md_escape(k)}**: {md_escape(v)}" for k, v in parts.facts().items()]
    lines += ["", f"## Themes by {md_escape(by)}", "",
              "Tagged: segments tagged with the theme / segments in the group (share). Mean p: mean theme "
              "probability. Hits/10k: seed-term hits per 10,000 word tokens.", ""]
    lines += _table(parts.groups, by, parts.themes)
    lines += ["", "## Charts", ""] + [f"![{md_escape(name)} chart](<{path}>)" for name, path in images.items()]
    lines += ["", "## Evidence", "", "Highlighted: the evidence for the theme (codebook seed terms and model features)."]
    for theme in parts.themes:
        lines += ["", f"### {md_escape(theme)}"]
        passages = parts.passages[theme]
        for row in parts.groups.to_dict("records"):
            shown = passages[passages[by] == row[by]]
            lines += ["", f"#### {md_escape(by)} {md_escape(row[by])}: {tagged_cell(row[f'n_{theme}'], row['n_segments'])} "
                      f"tagged, mean p {probability_cell(row[f'mean_p_{theme}'])}, {row[f'hits_per_10k_{theme}']:.1f} hits/10k", ""]
            if shown.empty:
                lines.append("No segment tagged.")
            for i, p in enumerate(shown.to_dict("records"), start=1):
                text = highlight(str(p["text"]), p["evidence"], escape_text=md_escape)
                lines += [f"{i}. {md_escape(p['title'])} ({md_escape(p['doc_id'])}), segment {p['segment']}, "
                          f"p = {p['p']:.3f}, hits {p['hits']:g}", "", f"   > {text}", ""]
    lines += ["", "## Documents", ""] + _table(parts.documents, "doc_id", parts.themes)
    if len(parts.keywords):
        lines += ["", "## Top keywords per document", "", "| doc_id | lang | keywords (score) |", "|---|---|---|"]
        for (doc_id, lang), terms in parts.keywords.groupby(["doc_id", "lang"], sort=True):
            listed = ", ".join(f"{md_escape(t)} ({s:.2f})" for t, s in zip(terms["term"], terms["score"]))
            lines.append(f"| {md_escape(doc_id)} | {md_escape(lang)} | {listed} |")
    if len(results.errors):
        lines += ["", "## Files not read", "", "| " + " | ".join(map(md_escape, results.errors.columns)) + " |",
                  "|" + "---|" * len(results.errors.columns)]
        lines += ["| " + " | ".join(md_escape(v) for v in row) + " |" for row in results.errors.itertuples(index=False)]
    return "\n".join(lines) + "\n"


def _table(frame: pd.DataFrame, key: str, themes: list[str]) -> list[str]:
    info = info_columns(frame, key, themes)
    counts = [c for c in COUNT_HEADERS if c in frame.columns]
    head = [key, *info, *(COUNT_HEADERS[c] for c in counts)]
    head += [f"{t}: {stat}" for t in themes for stat in ("tagged", "mean p", "hits/10k")]
    lines = ["| " + " | ".join(map(md_escape, head)) + " |", "|" + "---|" * len(head)]
    for row in frame.to_dict("records"):
        cells = [md_escape(row[c]) for c in [key, *info]]
        cells += [f"{row[c]:,}" for c in counts]
        for t in themes:
            cells += [tagged_cell(row[f"n_{t}"], row["n_segments"]), f"{probability_cell(row[f'mean_p_{t}'])}",
                      f"{row[f'hits_per_10k_{t}']:.1f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return lines
