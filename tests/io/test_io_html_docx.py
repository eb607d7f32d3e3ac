"""HTML and DOCX bodies: one line per block, blank lines between, boilerplate dropped."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from polytag.errors import EmptyDocumentError
from polytag.io import read_document

CORPORA = Path(__file__).resolve().parents[2] / "corpora"

PAGE = """<!DOCTYPE html>
<html lang="en-US">
<head>
  <meta charset="utf-8">
  <title>AI Policy &amp; Governance</title>
  <meta name="description" content="A test page">
  <meta property="article:published_time" content="2025-07-23T09:00:00+00:00">
  <style>p { color: red; }</style>
  <script>var secret = "do not read";</script>
</head>
<body>
  <nav><ul><li>Home</li><li>About</li></ul></nav>
  <h1>Winning   the
      Race</h1>
  <!-- a comment that is not text -->
  <p>AI policy &amp; <b>open-weight</b> models &lt;matter&gt;&nbsp;today &#8212; caf&eacute; &#x2019;s.</p>
  <div>Line one<br>Line two</div>
  <ul><li>First item</li><li>Second <a href="#">linked</a> item</li></ul>
  <table><tr><th>Agency</th><th>Role</th></tr><tr><td>NIST</td><td>Standards</td></tr></table>
  <script type="application/ld+json">{"hidden": true}</script>
  <noscript>Enable JavaScript</noscript>
</body>
</html>
"""


def test_html_blocks_entities_and_dropped_content(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    document = read_document(path)
    assert document.text.split("\n\n") == [
        "Winning the Race",
        "AI policy & open-weight models <matter> today \u2014 caf\u00e9 \u2019s.",
        "Line one",
        "Line two",
        "First item",
        "Second linked item",
        "Agency", "Role", "NIST", "Standards",
    ]
    for hidden in ("secret", "color", "Home", "About", "comment", "hidden", "JavaScript"):
        assert hidden not in document.text
    assert document.format == "html"
    assert document.encoding == "utf-8"
    assert document.meta == {
        "title": "AI Policy & Governance", "lang": "en", "description": "A test page", "date": "2025-07-23",
    }


def test_html_title_falls_back_to_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "t.htm"
    path.write_text("<nav><h2>Menu</h2></nav><h2>Real <i>head</i>ing</h2><p>Text</p>", encoding="utf-8")
    document = read_document(path)
    assert document.meta == {"title": "Real heading"}
    assert document.format == "html"


def test_html_in_declared_legacy_charset(tmp_path: Path) -> None:
    body = (CORPORA / "ko" / "kr_ai_basic_act_amended_2026.txt").read_text(encoding="utf-8")[:300]
    page = f'<html><head><meta charset="euc-kr"><title>법</title></head><body><p>{body}</p></body></html>'
    path = tmp_path / "ko.html"
    path.write_bytes(page.encode("cp949"))
    document = read_document(path)
    assert document.encoding == "cp949"
    assert document.text == " ".join(body.split())


def test_html_without_visible_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>T</title><script>x()</script></head><body> </body></html>", encoding="utf-8")
    with pytest.raises(EmptyDocumentError, match="blank.html"):
        read_document(path)


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "Docx Title"
    document.core_properties.author = "Ministry"
    document.core_properties.language = "ko-KR"
    document.add_heading("Policy Heading", level=1)
    document.add_paragraph("First paragraph with   extra\tspaces.")
    document.add_paragraph("")
    document.add_paragraph("A bullet point.", style="List Bullet")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "Agency"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Merged role"
    table.cell(1, 0).text = "NIST"
    table.cell(1, 1).text = "Standards"
    table.cell(1, 2).add_paragraph("Second paragraph in a cell")
    document.add_paragraph("After the table.")
    document.save(path)
    return path


def test_docx_paragraphs_and_table_cells(tmp_path: Path) -> None:
    document = read_document(make_docx(tmp_path / "policy.docx"))
    assert document.text.split("\n\n") == [
        "Policy Heading",
        "First paragraph with extra spaces.",
        "A bullet point.",
        "Agency", "Merged role", "NIST", "Standards", "Second paragraph in a cell",
        "After the table.",
    ]
    assert document.format == "docx"
    assert document.encoding is None
    assert document.meta == {"title": "Docx Title", "author": "Ministry", "lang": "ko"}


def test_docx_title_falls_back_to_heading(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Preamble line")
    document.add_heading("The Heading", level=2)
    document.save(tmp_path / "h.docx")
    assert read_document(tmp_path / "h.docx").meta["title"] == "The Heading"


def test_docx_without_text_is_empty(tmp_path: Path) -> None:
    docx.Document().save(tmp_path / "blank.docx")
    with pytest.raises(EmptyDocumentError, match="blank.docx"):
        read_document(tmp_path / "blank.docx")
