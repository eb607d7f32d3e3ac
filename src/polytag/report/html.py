"""The self-contained HTML report: one UTF-8 file that reads top-down: a summary, the charts
(embedded PNG images), the table per group, the top evidence passages behind every share,
the table per document, keywords per document, the files that could not be read, and the
run's provenance (model, codebook, options) in a collapsed section at the end. Tables give
one column per theme, so they fit the page. The CJK glyphs the page uses are embedded (a
subset of Noto Sans CJK), so Korean and Chinese show on a machine without CJK fonts. It
loads nothing from elsewhere and runs no script.

Every piece of text that comes from the results (document text, titles, ids, metadata, theme
and group names, error messages) goes through :func:`html.escape`.
"""
from __future__ import annotations

import base64
import io
from html import escape

import matplotlib
import pandas as pd

from polytag.report.evidence import highlight
from polytag.report.fonts import chart_rc, cjk_subset
from polytag.report.parts import COUNT_HEADERS, ReportParts, info_columns, probability_cell, tagged_cell, text_of

#: the family name of the embedded CJK subset, first in the page's font stack: it only holds
#: CJK glyphs, so Latin text falls through to the system fonts
EMBEDDED_FONT = "polytag CJK"
#: fonts tried for the page, so Hangul and Han characters render on common systems
FONT_STACK = (f'"{EMBEDDED_FONT}", system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK KR", "Noto Sans KR", '
              '"Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", '
              '"Microsoft YaHei", "Source Han Sans", sans-serif')

#: columns of long text, given room in tables
WIDE_COLUMNS = {"title"}
WIDE = ' class="wide"'

STYLE = f"""
body {{ font-family: {FONT_STACK}; margin: 2rem auto; max-width: 90rem; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }}
.scroll {{ overflow-x: auto; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.82rem; }}
th, td {{ border: 1px solid #d0d0d0; padding: 0.2rem 0.35rem; vertical-align: top; }}
td:first-child, td.wide {{ overflow-wrap: anywhere; }}
th {{ background: #f2f4f7; }}
td.wide {{ min-width: 10rem; }}
td.num .meta {{ display: block; font-size: 0.7rem; }}
td.num {{ text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }}
img {{ max-width: 100%; height: auto; display: block; margin: 0.5rem 0 1.5rem; }}
details {{ margin: 0.3rem 0 0.6rem; }}
summary {{ cursor: pointer; }}
blockquote {{ margin: 0.3rem 0 0.8rem; padding: 0.4rem 0.8rem; border-left: 3px solid #9db4d6; background: #fafbfc; white-space: pre-wrap; }}
mark.seed {{ background: #ffe066; }}
mark.feature {{ background: #e8f0fe; }}
.meta {{ color: #555; font-size: 0.85rem; }}
dl {{ display: grid; grid-template-columns: max-content auto; gap: 0.1rem 1rem; font-size: 0.88rem; }}
dt {{ font-weight: 600; }}
dd {{ margin: 0; overflow-wrap: anywhere; }}
"""


def render_html(parts: ReportParts) -> str:
    """The report as one HTML page."""
    by, results = parts.by, parts.results
    title = f"polytag theme report by {by}"
    facts = parts.facts()
    body = [
        f"<h1>{escape(title)}</h1>",
        _summary(facts),
        "<h2>Charts</h2>",
        *(_image(fig, name) for name, fig in parts.figures.items()),
        f"<h2>Themes by {escape(by)}</h2>",
        "<p class=meta>Per theme: segments tagged with it / segments in the group (share); below, "
        "p: mean theme probability over the group's segments, and seed-term hits per 10,000 word "
        "tokens. Each number's passages are listed under Evidence.</p>",
        _frequency_table(parts.groups, by, parts.themes),
        "<h2>Evidence</h2>",
        "<p class=meta>For each theme and group, the tagged segments with the highest probability. "
        '<mark class="seed">Yellow</mark>: codebook seed terms; <mark class="feature">blue</mark>: '
        "other words the model weighed.</p>",
        *(_evidence(parts, theme) for theme in parts.themes),
        "<h2>Documents</h2>",
        _frequency_table(parts.documents, "doc_id", parts.themes),
        *([_keywords(parts.keywords)] if len(parts.keywords) else []),
        *([_errors(results.errors)] if len(results.errors) else []),
        _provenance(facts),
    ]
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{_font_face(body)}{STYLE}</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
        "",
    ])


#: facts shown at the top of the report; the others are the run's provenance
SUMMARY_FACTS = ("documents", "segments", "files not read", "themes")


def _summary(facts: dict[str, str]) -> str:
    return "<dl>" + "".join(f"<dt>{escape(k)}</dt><dd>{escape(facts[k])}</dd>" for k in SUMMARY_FACTS) + "</dl>"


def _provenance(facts: dict[str, str]) -> str:
    rows = "".join(f"<dt>{escape(k)}</dt><dd><code>{escape(v)}</code></dd>" for k, v in facts.items()
                   if k not in SUMMARY_FACTS)
    return (f"<h2>Provenance</h2><details><summary>results folder, polytag version, model, codebook, options "
            f"and timing of the run</summary><dl>{rows}</dl></details>")


def _font_face(body: list[str]) -> str:
    """An @font-face rule embedding the CJK glyphs of the page; empty when it has none."""
    font = cjk_subset("".join(body))
    if font is None:
        return ""
    data = base64.b64encode(font).decode("ascii")
    return (f'@font-face {{ font-family: "{EMBEDDED_FONT}"; '
            f'src: url(data:font/otf;base64,{data}) format("opentype"); }}\n')


def _frequency_table(frame: pd.DataFrame, key: str, themes: list[str]) -> str:
    info = info_columns(frame, key, themes)
    counts = [c for c in COUNT_HEADERS if c in frame.columns]
    head = "".join(f"<th>{escape(c)}</th>" for c in [key, *info, *(COUNT_HEADERS[c] for c in counts), *themes])
    rows = []
    for row in frame.to_dict("records"):
        cells = [f'<td{WIDE if c in WIDE_COLUMNS else ""}>{escape(text_of(row[c]))}</td>' for c in [key, *info]]
        cells += [f'<td class="num">{row[c]:,}</td>' for c in counts]
        for t in themes:
            cells.append(f'<td class="num">{escape(tagged_cell(row[f"n_{t}"], row["n_segments"]))}'
                         f'<span class="meta">p {probability_cell(row[f"mean_p_{t}"])} · {row[f"hits_per_10k_{t}"]:.1f}/10k</span></td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<div class="scroll"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def _evidence(parts: ReportParts, theme: str) -> str:
    by, passages = parts.by, parts.passages[theme]
    out = [f"<h3>{escape(theme)}</h3>"]
    for row in parts.groups.to_dict("records"):
        group = row[by]
        shown = passages[passages[by] == group]
        summary = (f"{escape(by)} {escape(str(group))}: {escape(tagged_cell(row[f'n_{theme}'], row['n_segments']))} "
                   f"segments tagged, mean p {probability_cell(row[f'mean_p_{theme}'])}, "
                   f"{row[f'hits_per_10k_{theme}']:.1f} hits/10k tokens; top {len(shown)} shown")
        items = [
            "<li><div class=meta>"
            f"{escape(text_of(p['title']))} (<code>{escape(str(p['doc_id']))}</code>) · segment {p['segment']} · "
            f"p = {p['p']:.3f} · hits {p['hits']:g}"
            f"{' · terms: ' + escape(', '.join(p['terms'])) if p['terms'] else ''}</div>"
            f"<blockquote>{highlight(str(p['text']), p['evidence'])}</blockquote></li>"
            for p in shown.to_dict("records")
        ]
        listing = f"<ol>{''.join(items)}</ol>" if items else "<p class=meta>No segment tagged.</p>"
        out.append(f"<details><summary>{summary}</summary>{listing}</details>")
    return "\n".join(out)


def _keywords(keywords: pd.DataFrame) -> str:
    rows = []
    for (doc_id, lang), terms in keywords.groupby(["doc_id", "lang"], sort=True):
        listed = ", ".join(f"{term} ({score:.2f})" for term, score in zip(terms["term"], terms["score"]))
        rows.append(f"<tr><td><code>{escape(doc_id)}</code></td><td>{escape(lang)}</td><td>{escape(listed)}</td></tr>")
    return ("<h2>Top keywords per document</h2><table><thead><tr><th>doc_id</th><th>lang</th><th>keywords (score)</th>"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _errors(errors: pd.DataFrame) -> str:
    columns = list(errors.columns)
    head = "".join(f"<th>{escape(str(c))}</th>" for c in columns)
    rows = "".join("<tr>" + "".join(f"<td>{escape(text_of(v))}</td>" for v in row) + "</tr>"
                   for row in errors.itertuples(index=False))
    return f"<h2>Files not read</h2><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _image(fig, name: str) -> str:
    buffer = io.BytesIO()
    with matplotlib.rc_context(chart_rc()):
        fig.savefig(buffer, format="png", dpi=110)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img alt="{escape(name)} chart" src="data:image/png;base64,{data}">'
