"""DOCX reader (python-docx): body paragraphs and table cells in document order, one per line.

Page headers, footers and footnotes live in other parts of the package and are not body text.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from polytag.errors import CorruptFileError
from polytag.io.limits import open_zip
from polytag.io.document import Extracted
from polytag.io.metadata import normalise_meta

_CORE_PROPERTIES = ("title", "author", "subject", "keywords", "language")


def read_docx(data: bytes, path: Path) -> Extracted:
    """Read a Word document into paragraph-per-line text plus its core-property metadata.

    The container's sizes are checked first (:func:`~polytag.io.limits.open_zip`)."""
    open_zip(data, path).close()
    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        heading: str | None = None
        for paragraph in _paragraphs(document):
            line = " ".join(paragraph.text.split())
            if line:
                lines.append(line)
                if heading is None and _is_heading(paragraph):
                    heading = line
        properties = document.core_properties
        raw = {name: getattr(properties, name) or "" for name in _CORE_PROPERTIES}
    except Exception as exc:  # python-docx, zipfile and lxml raise many unrelated types
        raise CorruptFileError(path, f"not a readable DOCX file ({type(exc).__name__}: {exc})") from exc
    raw["lang"] = raw.pop("language").split("-")[0].lower()  # BCP 47 primary subtag
    return Extracted(text="\n\n".join(lines), embedded=normalise_meta(raw), heading=heading)


def _paragraphs(container: DocxDocument | _Cell) -> Iterator[Paragraph]:
    """Paragraphs of a document or cell in order, descending into tables cell by cell."""
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            yield from _table_paragraphs(block)
        else:
            yield block


def _table_paragraphs(table: Table) -> Iterator[Paragraph]:
    # A merged cell is returned once per grid position it covers; read each <w:tc> once. The
    # elements are kept in the dict so their ids cannot be reused while the table is walked.
    seen: dict[int, object] = {}
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen[id(cell._tc)] = cell._tc
                yield from _paragraphs(cell)


def _is_heading(paragraph: Paragraph) -> bool:
    name = paragraph.style.name if paragraph.style is not None else ""
    return name == "Title" or name.startswith("Heading")
