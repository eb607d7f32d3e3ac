"""HWPX reader (OWPML, KS X 6101: Hancom Office's zip of XML parts).

The body is ``Contents/section0.xml``, ``section1.xml`` ... in order, read like HWP 5.0 (see
:mod:`polytag.io.hwp`): one paragraph (``hp:p``) per line, table cells as paragraphs in reading
order, headers, footers, footnotes, endnotes and hidden comments left out, a leading
press-release form read as metadata. Metadata comes from ``Contents/content.hpf``. Every part
is inflated within a size budget (a zip bomb raises :class:`~polytag.errors.DecompressionBombError`)
and parsed with ``defusedxml``, which refuses entity declarations and external references.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from polytag.errors import CorruptFileError, DocumentError, ProtectedDocumentError
from polytag.io.document import Extracted
from polytag.io.hancom import Cell, Collector
from polytag.io.limits import Budget, open_zip, read_bounded
from polytag.io.metadata import normalise_meta

_SECTION = re.compile(r"Contents/section(\d+)\.xml")
_CONTENT = "Contents/content.hpf"
_MANIFEST = "META-INF/manifest.xml"
# elements inside <hp:t> that stand for a character
_CHAR_TEXT = {"tab": " ", "lineBreak": " ", "nbSpace": " ", "fwSpace": " ", "hyphen": "-"}
# controls whose paragraphs are not body text
_SKIPPED = frozenset({"header", "footer", "footNote", "endNote", "hiddenComment"})
_META_KEYS = {"title": "title", "creator": "author", "subject": "subject", "keyword": "keywords",
              "createddate": "created", "modifieddate": "modified"}


def read_hwpx(data: bytes, path: Path) -> Extracted:
    """Read an HWPX document into paragraph-per-line text plus its ``content.hpf`` metadata."""
    budget = Budget(path)
    try:
        with open_zip(data, path) as archive:
            names = archive.namelist()
            if _MANIFEST in names and b"encryption-data" in _read(archive, _MANIFEST, budget):
                raise ProtectedDocumentError(path, "the HWPX document is encrypted (password-protected or "
                                                   "distribution-only); save it unprotected in Hancom Office first")
            sections = sorted((int(match.group(1)), name) for name in names if (match := _SECTION.fullmatch(name)))
            if not sections:
                raise CorruptFileError(path, "not an HWPX file (no Contents/section*.xml)")
            collector = Collector()
            for _, name in sections:
                root = _parse(_read(archive, name, budget), path, name)
                for paragraph in _paragraphs_under(root):
                    for item in _paragraph(paragraph):
                        collector.add(item)
            meta = _metadata(_parse(_read(archive, _CONTENT, budget), path, _CONTENT)) if _CONTENT in names else {}
    except DocumentError:
        raise
    except RecursionError as exc:
        raise CorruptFileError(path, "not a readable HWPX file (elements nested too deeply)") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError) as exc:
        raise CorruptFileError(path, f"not a readable HWPX file ({type(exc).__name__}: {exc})") from exc
    return Extracted(text="\n\n".join(collector.lines), embedded=normalise_meta({**meta, **collector.meta}))


def _read(archive: zipfile.ZipFile, name: str, budget: Budget) -> bytes:
    with archive.open(name) as member:
        return read_bounded(member, budget, name)


def _parse(xml: bytes, path: Path, name: str) -> Element:
    try:
        return fromstring(xml, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise CorruptFileError(path, f"{name} declares a DTD, entities or external references; not read") from exc
    except ParseError as exc:
        raise CorruptFileError(path, f"{name} is not well-formed XML ({exc})") from exc


def _local(element: Element) -> str:
    return element.tag.rpartition("}")[2]


def _paragraphs_under(node: Element) -> Iterator[Element]:
    """The outermost paragraphs below ``node``, in document order."""
    for child in node:
        if _local(child) == "p":
            yield child
        else:
            yield from _paragraphs_under(child)


def _paragraph(paragraph: Element) -> list[str | list[Cell]]:
    """A paragraph's text lines and the content of its tables and text boxes, in order."""
    items: list[str | list[Cell]] = []
    current: list[str] = []
    for run in paragraph:
        if _local(run) != "run":
            continue
        for child in run:
            name = _local(child)
            if name == "t":
                current.append(_text(child))
                continue
            content = _object(child)
            if content:
                items.append(" ".join("".join(current).split()))
                current = []
                items.append(content)
    items.append(" ".join("".join(current).split()))
    return [item for item in items if item]


def _text(element: Element) -> str:
    """The text of ``<hp:t>``: its elements are characters (tab, line break ...) or marks."""
    parts = [element.text or ""]
    for child in element:
        parts.append(_CHAR_TEXT.get(_local(child), ""))
        parts.append(child.tail or "")
    return "".join(parts)


def _object(element: Element) -> list[Cell]:
    """Cells of a table, or the paragraphs of a text box or other object as one cell;
    nothing for headers, footers, notes and comments."""
    name = _local(element)
    if name == "ctrl":
        if any(_local(child) in _SKIPPED for child in element):
            return []
    elif name == "tbl":
        cells = []
        for row_index, row in enumerate(child for child in element if _local(child) == "tr"):
            for col_index, cell in enumerate(child for child in row if _local(child) == "tc"):
                address = next((child for child in cell if _local(child) == "cellAddr"), None)
                position = (row_index, col_index) if address is None else (
                    _int(address.get("rowAddr"), row_index), _int(address.get("colAddr"), col_index))
                cells.append(Cell(position, _lines(cell)))
        return sorted(cells, key=lambda cell: cell.position)
    lines = _lines(element)
    return [Cell((0, 0), lines)] if lines else []


def _lines(node: Element) -> list[str]:
    """Every line of the paragraphs below ``node``, nested content flattened."""
    lines: list[str] = []
    for paragraph in _paragraphs_under(node):
        for item in _paragraph(paragraph):
            if isinstance(item, str):
                lines.append(item)
            else:
                lines.extend(line for cell in item for line in cell.lines)
    return lines


def _int(value: str | None, default: int) -> int:
    return int(value) if value is not None and value.isdigit() else default


def _metadata(package: Element) -> dict[str, str]:
    meta: dict[str, str] = {}
    for element in package.iter():
        name = _local(element)
        key = _META_KEYS.get((element.get("name") or "").casefold() if name == "meta" else name)
        text = " ".join((element.text or "").split())
        if key and text and key not in meta:
            meta[key] = text[:10] if key in ("created", "modified") and re.match(r"\d{4}-\d\d-\d\d", text) else text
    return meta
