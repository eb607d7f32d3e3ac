"""Theme-frequency reports: tables per document and group, charts, and the evidence behind
every number, from ``polytag tag`` results or a tagged :class:`polytag.Corpus`.

``theme_frequencies`` is the one place the numbers are computed; the report tables, the
charts and ``Corpus.theme_frequencies`` all use it.
"""
from polytag.report.charts import bar_chart, heatmap, save_figure
from polytag.report.evidence import highlight, top_passages
from polytag.report.fonts import cjk_font
from polytag.report.frequencies import theme_frequencies
from polytag.report.keywords import keyword_table
from polytag.report.results import Results, load_results
from polytag.report.write import FORMATS, write_report

__all__ = [
    "FORMATS", "Results", "bar_chart", "cjk_font", "heatmap", "highlight", "keyword_table", "load_results",
    "save_figure", "theme_frequencies", "top_passages", "write_report",
]
