"""`polytag report` writes html, xlsx, csv and md; charts as PNG and SVG; document text is escaped."""
from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from polytag.cli.main import main
from polytag.errors import ResultsError
from polytag.report import load_results, theme_frequencies, write_report

CHARTS = ("heatmap", "bars", "documents")


@pytest.fixture(scope="module")
def html_report(outdir, tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("html") / "report.html"
    assert main(["report", str(outdir), "--format", "html", "--out", str(out), "--top", "3"]) == 0
    assert sorted(out.parent.iterdir()) == [out]  # one self-contained file
    return out.read_text(encoding="utf-8")


def test_html_is_self_contained_utf8_with_cjk_fonts(html_report):
    assert '<meta charset="utf-8">' in html_report
    assert re.search(r"font-family:[^;]*Noto Sans CJK KR[^;]*Noto Sans CJK SC", html_report)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//|url\((?!data:)|@import""", html_report, re.IGNORECASE)
    assert html_report.count('src="data:image/png;base64,') == len(CHARTS)


def test_html_escapes_every_piece_of_document_text(html_report):
    assert "<script" not in html_report.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_report
    assert "&amp; &quot;quoted&quot;" in html_report  # the title and the text
    assert "&lt;b&gt;not&lt;/b&gt;" in html_report  # inside an evidence passage
    assert "<b>not</b>" not in html_report


def test_html_shows_counts_beside_shares_and_the_passages_behind_them(html_report, results):
    table = theme_frequencies(results.segments, by="country", themes=results.themes)
    us = table.set_index("country").loc["US"]
    theme = max(results.themes, key=lambda t: us[f"n_{t}"])
    cell = f"{int(us[f'n_{theme}'])} / {int(us['n_segments'])} ({us[f'share_{theme}']:.1%})"
    assert cell in html_report
    assert re.search(r'<mark class="seed" title="[^"]*">', html_report)
    assert "segment " in html_report and "p = " in html_report
    assert "Files not read" in html_report and "broken.pdf" in html_report


def test_csv_has_separate_count_and_share_columns(outdir, tmp_path, results):
    out = tmp_path / "r.csv"
    assert main(["report", str(outdir), "--format", "csv", "--out", str(out), "--by", "lang", "--keywords", "0"]) == 0
    groups = pd.read_csv(out, dtype={"lang": str})
    expected = theme_frequencies(results.segments, by="lang", themes=results.themes)
    pd.testing.assert_frame_equal(groups, expected, check_dtype=False)
    documents = pd.read_csv(tmp_path / "r.documents.csv")
    assert {"doc_id", "title", "n_segments"} <= set(documents.columns)
    evidence = pd.read_csv(tmp_path / "r.evidence.csv")
    assert {"theme", "lang", "doc_id", "segment", "p", "terms", "text"} <= set(evidence.columns)
    _assert_charts(tmp_path, "r")


def test_xlsx_sheets_and_formula_like_text_kept_as_text(outdir, tmp_path):
    out = tmp_path / "r.xlsx"
    assert main(["report", str(outdir), "--format", "xlsx", "--out", str(out), "--keywords", "3"]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["groups", "documents", "evidence", "keywords", "errors", "run", "charts"]
    header = [c.value for c in book["groups"][1]]
    assert "n_openness" in header and "share_openness" in header
    cells = [c for row in book["evidence"].iter_rows() for c in row]
    formula_like = [c for c in cells if isinstance(c.value, str) and c.value.startswith("=")]
    assert formula_like and all(c.data_type == "s" for c in formula_like)
    assert len(book["charts"]._images) == len(CHARTS)
    _assert_charts(tmp_path, "r")


def test_markdown_links_charts_and_escapes_text(outdir, tmp_path):
    out = tmp_path / "r.md"
    assert main(["report", str(outdir), "--format", "md", "--out", str(out), "--by", "year", "--keywords", "0"]) == 0
    text = out.read_text(encoding="utf-8")
    assert re.search(r"\| \d+ / \d+ \(\d+\.\d%\) \|", text)
    assert "<script" not in text.lower() and "&lt;script&gt;" in text
    for name in CHARTS:
        assert f"(<r.{name}.png>)" in text
    _assert_charts(tmp_path, "r")


def test_the_format_follows_the_output_suffix_when_not_given(outdir, tmp_path):
    out = tmp_path / "r.md"
    assert main(["report", str(outdir), "--out", str(out), "--keywords", "0"]) == 0
    assert not out.read_text(encoding="utf-8").lstrip().startswith("<")


def test_default_output_path_is_in_the_results_folder(outdir, capsys):
    assert main(["report", str(outdir), "--by", "doc_type", "--keywords", "0"]) == 0
    assert Path(capsys.readouterr().out.split()[0]) == outdir / "report-doc_type.html"


def test_python_api_writes_from_loaded_results(outdir, tmp_path):
    paths = write_report(load_results(outdir), tmp_path / "x.md", keywords=0)
    assert paths[0] == tmp_path / "x.md" and all(p.is_file() for p in paths)


def test_missing_or_invalid_results_folder_is_a_clear_error(tmp_path, capsys):
    with pytest.raises(ResultsError, match="no such folder"):
        load_results(tmp_path / "nope")
    with pytest.raises(ResultsError, match=r"no segments\.parquet or segments\.csv"):
        load_results(tmp_path)
    assert main(["report", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path) in err and "segments.parquet" in err


def test_results_missing_a_column_are_named(outdir, tmp_path):
    segments = pd.read_parquet(outdir / "segments.parquet").drop(columns=["n_tokens"])
    segments.to_parquet(tmp_path / "segments.parquet")
    (tmp_path / "documents.parquet").write_bytes((outdir / "documents.parquet").read_bytes())
    with pytest.raises(ResultsError, match="segments table has no column 'n_tokens'"):
        load_results(tmp_path)


def _assert_charts(folder: Path, stem: str) -> None:
    for name in CHARTS:
        png, svg = folder / f"{stem}.{name}.png", folder / f"{stem}.{name}.svg"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert "<svg" in svg.read_text(encoding="utf-8")[:2000]


def test_html_embeds_a_font_with_every_cjk_glyph_it_shows(html_report):
    """On a machine without CJK fonts the page must still show Korean and Chinese: it embeds
    a font whose character map covers every Hangul and Han character of the page."""
    import base64
    import io

    from fontTools.ttLib import TTFont

    from polytag.report.fonts import is_cjk

    faces = re.findall(r'@font-face \{ font-family: "([^"]+)"; src: url\(data:font/otf;base64,([A-Za-z0-9+/=]+)\)',
                       html_report)
    assert len(faces) == 1
    family, data = faces[0]
    assert re.search(rf'body {{ font-family: "{family}"', html_report)
    cmap = TTFont(io.BytesIO(base64.b64decode(data))).getBestCmap()
    shown = {char for char in re.sub(r"<style>.*?</style>", "", html_report, flags=re.DOTALL) if is_cjk(char)}
    assert any("\uac00" <= c <= "\ud7a3" for c in shown) and any("\u4e00" <= c <= "\u9fff" for c in shown)
    assert shown <= {chr(code) for code in cmap}
    assert len(data) < 2_000_000  # a subset, not the 16 MB font


def test_html_reads_top_down_with_the_provenance_collapsed_at_the_end(html_report):
    headings = re.findall(r"<h2>([^<]+)</h2>", html_report)
    assert headings[0] == "Charts" and headings[-1] == "Provenance"
    first_table = html_report.index("<table")
    assert html_report.index('src="data:image/png') < first_table
    assert "{" not in re.sub(r"<style>.*?</style>", "", html_report[:first_table], flags=re.DOTALL)  # no raw JSON
    provenance = html_report[html_report.index("<h2>Provenance</h2>"):]
    assert provenance.count("<details>") == 1 and "<details open" not in provenance and "sha256" in provenance
    head = re.search(r"<table><thead><tr>(.*?)</tr></thead>", html_report).group(1)
    assert "colspan" not in head and head.count("<th>") <= 12  # one column per theme: fits the page


def test_a_group_in_no_language_polytag_reads_shows_no_mean_probability(tmp_path):
    from polytag.batch import tag_folder

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "en.txt").write_text("Open-weight models matter for export controls on chips.\n", encoding="utf-8")
    (folder / "ja.txt").write_text("オープンモデルは重要です。\n\n輸出規制が強化された。\n", encoding="utf-8")
    tag_folder(folder, tmp_path / "out")
    for fmt in ("md", "html"):
        report = write_report(tmp_path / "out", tmp_path / f"report.{fmt}", by="doc_id", keywords=0)[0]
        text = re.sub(r"data:[^\"')]+", "", report.read_text(encoding="utf-8"))  # embedded images and fonts
        assert not re.search(r"\bnan\b", text, re.IGNORECASE)
        assert "–" in text
