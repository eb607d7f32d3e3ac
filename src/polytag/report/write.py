"""Writing a report in one of four formats.

- ``html``: one self-contained page (charts embedded);
- ``md``: Markdown, with the charts saved beside it as PNG and SVG and linked;
- ``csv``: the group table at ``out``, ``<stem>.documents.csv`` and ``<stem>.evidence.csv``
  beside it, and the charts;
- ``xlsx``: one workbook with sheets groups, documents, evidence, keywords, errors, run and
  charts (PNG), and the charts beside it.

Chart files are named ``<stem>.<chart>.png`` and ``.svg`` (charts: heatmap, bars, documents).
In csv and xlsx, counts and shares are separate columns; md and html show ``12 / 80 (15.0%)``.
Every file is written to a temporary name and moved into place: an interrupted report leaves
the previous file, never half of one.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pandas as pd

from polytag.errors import OutputDirError, UnknownOptionError, printable_path
from polytag.io.atomic import write_atomic
from polytag.io.csvfile import write_frame_csv
from polytag.report.charts import save_figure
from polytag.report.html import render_html
from polytag.report.markdown import render_markdown
from polytag.report.parts import ReportParts, report_parts
from polytag.report.results import Results, load_results


def write_report(results: Results | str | Path, out: str | Path, *, by: str = "country", fmt: str | None = None,
                 k: int = 5, keywords: int = 10) -> list[Path]:
    """Write a theme-frequency report of ``results`` (a :class:`Results` or a results folder)
    to ``out``, grouped ``by`` a column; ``fmt`` (html, md, csv, xlsx) defaults to ``out``'s
    suffix. ``k``: evidence passages per theme and group; ``keywords``: keywords per
    document (0 for none). Returns the files written, the report first."""
    out = Path(out)
    fmt = (fmt or out.suffix.lstrip(".")).lower()
    if fmt not in WRITERS:
        raise UnknownOptionError(f"unknown report format {fmt!r}; use one of {', '.join(WRITERS)}")
    if not isinstance(results, Results):
        results = load_results(results)
    try:  # before the work: a report that cannot be written is named at once
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputDirError(f"cannot write the report {printable_path(out)}: cannot make the folder "
                             f"{printable_path(error.filename or out.parent)}: {error.strerror or error}") from error
    parts = report_parts(results, by=by, k=k, keywords=keywords)
    return WRITERS[fmt](parts, out)


def passage_table(parts: ReportParts) -> pd.DataFrame:
    """The evidence passages of every theme as one flat table (terms joined with "; ")."""
    frames = [passages.drop(columns="evidence").assign(theme=theme, terms=passages["terms"].map("; ".join))
              for theme, passages in parts.passages.items()]
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return table[["theme", *(c for c in table.columns if c != "theme")]] if len(table) else table


def _write_html(parts: ReportParts, out: Path) -> list[Path]:
    page = render_html(parts)
    write_atomic(out, lambda tmp: tmp.write_text(page, encoding="utf-8"))
    return [out]


def _write_md(parts: ReportParts, out: Path) -> list[Path]:
    charts = _save_charts(parts, out)
    images = {name: paths[0].name for name, paths in charts.items()}
    text = render_markdown(parts, images)
    write_atomic(out, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    return [out, *(p for paths in charts.values() for p in paths)]


def _write_csv(parts: ReportParts, out: Path) -> list[Path]:
    tables = {out: parts.groups, _beside(out, "documents.csv"): parts.documents,
              _beside(out, "evidence.csv"): passage_table(parts)}
    for path, table in tables.items():
        write_atomic(path, lambda tmp, table=table: write_frame_csv(table, tmp))
    charts = _save_charts(parts, out)
    return [*tables, *(p for paths in charts.values() for p in paths)]


def _write_xlsx(parts: ReportParts, out: Path) -> list[Path]:
    from openpyxl.drawing.image import Image

    run = pd.DataFrame(list(parts.facts().items()), columns=["key", "value"])
    sheets = {"groups": parts.groups, "documents": parts.documents, "evidence": passage_table(parts),
              "keywords": parts.keywords, "errors": parts.results.errors, "run": run}
    charts = _save_charts(parts, out)

    def write(tmp: Path) -> None:
        with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
            for name, table in sheets.items():
                _cell_safe(table).to_excel(writer, sheet_name=name, index=False)
                _no_formulas(writer.sheets[name])
            sheet = writer.book.create_sheet("charts")
            row = 1
            for paths in charts.values():  # the PNG just saved beside the workbook
                image = Image(str(paths[0].with_suffix(".png")))
                sheet.add_image(image, f"A{row}")
                row += int(image.height / 20) + 2

    write_atomic(out, write)
    return [out, *(p for paths in charts.values() for p in paths)]


def _save_charts(parts: ReportParts, out: Path) -> dict[str, list[Path]]:
    return {name: save_figure(fig, _beside(out, name)) for name, fig in parts.figures.items()}


def _beside(out: Path, suffix: str) -> Path:
    return out.with_name(f"{out.stem}.{suffix}")


def _cell_safe(table: pd.DataFrame) -> pd.DataFrame:
    """Text without the control characters that Excel files cannot hold (form feeds from PDFs)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return table.apply(lambda column: column.map(lambda v: ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v))


def _no_formulas(sheet) -> None:
    """Keep text that starts with "=" as text: openpyxl would store it as a formula."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


WRITERS: dict[str, Callable[[ReportParts, Path], list[Path]]] = {
    "html": _write_html,
    "xlsx": _write_xlsx,
    "csv": _write_csv,
    "md": _write_md,
}
#: report formats, for ``--format``
FORMATS = tuple(WRITERS)
