"""HWP 5.0 reader (Hancom Office 한글), written from Hancom's published "HWP 5.0 file format" document.

An HWP file is an OLE compound file (read with ``olefile``): ``FileHeader`` (signature, version,
flags), ``BodyText/Section0..N`` (raw-deflate compressed records) and ``\\x05HwpSummaryInformation``
(an OLE property set: title, author, dates). The body is the text of every paragraph, sections in
order, one paragraph per line, with control characters removed; table cells are paragraphs in
reading order (row by row). Page headers, footers, footnotes, endnotes and hidden comments are
not body text. The form heading a Korean press release (보도일시, 배포일시, 담당부서 ...) is read as
metadata instead (see :mod:`polytag.io.hancom`).
"""
from __future__ import annotations

import datetime as dt
import io
import re
import struct
from dataclasses import dataclass, field
from pathlib import Path

import olefile

from polytag.errors import CorruptFileError, DocumentError, LegacyFormatError, ProtectedDocumentError
from polytag.io.document import Extracted
from polytag.io.hancom import CONVERT_HINT, Cell, Collector
from polytag.io.limits import Budget, inflate
from polytag.io.metadata import normalise_meta

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SIGNATURE = b"HWP Document File"
_FLAG_COMPRESSED, _FLAG_PASSWORD, _FLAG_DISTRIBUTION = 0x1, 0x2, 0x4
_FLAG_ENCRYPTED = 0x10 | 0x100  # a DRM-protected document; encrypted with a certificate
# record tags (HWPTAG_BEGIN + n)
_PARA_HEADER, _PARA_TEXT, _CTRL_HEADER, _LIST_HEADER = 0x42, 0x43, 0x47, 0x48
# control characters: extended ones (8 code units) own a CTRL_HEADER record, inline ones
# (8 code units) do not, the others are one code unit
_EXTENDED = frozenset({1, 2, 3, 11, 12, 14, 15, 16, 17, 18, 21, 22, 23})
_INLINE = frozenset({4, 5, 6, 7, 8, 9, 19, 20})
_PARAGRAPH_END = 13
_CHAR_TEXT = {9: " ", 10: " ", 24: "-", 30: " ", 31: " "}  # tab, line break, hyphen, fixed spaces
# controls whose paragraphs are not body text: header, footer, footnote, endnote, hidden comment
_SKIPPED_CONTROLS = frozenset({b"head", b"foot", b"fn  ", b"en  ", b"tcmt"})
_TABLE = b"tbl "
_SECTION = re.compile(r"Section(\d+)")
_SUMMARY = "\x05HwpSummaryInformation"
_SUMMARY_MAX = 1 << 20
_VT_LPSTR, _VT_LPWSTR, _VT_FILETIME = 0x1E, 0x1F, 0x40
_SUMMARY_KEYS = {2: "title", 3: "subject", 4: "author", 5: "keywords", 12: "created", 13: "modified"}


@dataclass
class _Record:
    tag: int
    payload: bytes
    children: list[_Record] = field(default_factory=list)


def read_hwp(data: bytes, path: Path) -> Extracted:
    """Read an HWP 5.0 document into paragraph-per-line text plus its summary metadata."""
    if data.startswith(b"PK"):  # an HWPX document saved with the .hwp extension
        from polytag.io.hwpx import read_hwpx

        return read_hwpx(data, path)
    if data.startswith(b"HWP Document File V"):
        version = data[19:23].decode("ascii", "replace")
        raise LegacyFormatError(path, f"an HWP {version} document (한글 97 or older), which polytag does not "
                                      f"read; {CONVERT_HINT}")
    if not data.startswith(_OLE_MAGIC):
        raise CorruptFileError(path, "not an HWP 5.0 file (no OLE container; damaged, or locked by DRM?)")
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            collector, summary = _read_ole(ole, path)
    except DocumentError:
        raise
    except Exception as exc:  # olefile raises many unrelated types on damaged containers
        raise CorruptFileError(path, f"not a readable HWP file ({type(exc).__name__}: {exc})") from exc
    return Extracted(text="\n\n".join(collector.lines), embedded=normalise_meta({**summary, **collector.meta}))


def _read_ole(ole: olefile.OleFileIO, path: Path) -> tuple[Collector, dict[str, str]]:
    """The body lines (and press-release metadata) of every section, and the summary metadata."""
    header = ole.openstream("FileHeader").read(256) if ole.exists("FileHeader") else b""
    if not header.startswith(_SIGNATURE) or len(header) < 40:
        raise CorruptFileError(path, "not an HWP 5.0 file (no HWP FileHeader)")
    version, flags = struct.unpack_from("<II", header, 32)
    if version >> 24 != 5:
        raise CorruptFileError(path, f"unsupported HWP version {version >> 24}.{(version >> 16) & 0xFF}")
    if flags & _FLAG_PASSWORD:
        raise ProtectedDocumentError(path, "the HWP document is password-protected; save it without a "
                                           "password in Hancom Office first")
    if flags & _FLAG_ENCRYPTED:
        raise ProtectedDocumentError(path, "the HWP document is encrypted (DRM or certificate); save it "
                                           "unprotected in Hancom Office first")
    sections = sorted(
        (int(match.group(1)), "/".join(entry))
        for entry in ole.listdir()
        if len(entry) == 2 and entry[0] == "BodyText" and (match := _SECTION.fullmatch(entry[1]))
    )
    if flags & _FLAG_DISTRIBUTION or (not sections and ole.exists("ViewText")):
        raise ProtectedDocumentError(path, "a distribution-only (배포용) HWP document: its text is "
                                           "encrypted and cannot be read")
    budget = Budget(path)
    collector = Collector()
    for _, name in sections:
        raw = ole.openstream(name).read()
        stream = inflate(raw, budget, name) if flags & _FLAG_COMPRESSED else raw
        _Section(collector).read(_records(stream, path, name))
    return collector, _summary(ole)


def _records(data: bytes, path: Path, name: str) -> list[_Record]:
    """The records of a section as a tree: each record's children are the records after it
    one level deeper."""
    roots: list[_Record] = []
    stack: list[tuple[int, _Record]] = []
    pos = 0
    while pos + 4 <= len(data):
        (header,) = struct.unpack_from("<I", data, pos)
        pos += 4
        tag, level, size = header & 0x3FF, (header >> 10) & 0x3FF, header >> 20
        if size == 0xFFF:
            if pos + 4 > len(data):
                break
            (size,) = struct.unpack_from("<I", data, pos)
            pos += 4
        if pos + size > len(data):
            raise CorruptFileError(path, f"{name}: a record runs past the end of the stream (damaged file)")
        record = _Record(tag, data[pos:pos + size])
        pos += size
        while stack and stack[-1][0] >= level:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(record)
        stack.append((level, record))
    return roots


class _Section:
    """Turns the record tree of one section into lines (and press-release metadata)."""

    def __init__(self, collector: Collector) -> None:
        self.collector = collector

    def read(self, roots: list[_Record]) -> None:
        for record in roots:
            if record.tag == _PARA_HEADER:
                for item in self._paragraph(record):
                    self.collector.add(item)

    def _paragraph(self, paragraph: _Record) -> list[str | list[Cell]]:
        """A paragraph's text lines and, where its controls hold paragraphs, their content
        (a table as its cells), in order of appearance."""
        text = next((child.payload for child in paragraph.children if child.tag == _PARA_TEXT), b"")
        controls = iter([child for child in paragraph.children if child.tag == _CTRL_HEADER])
        items: list[str | list[Cell]] = []
        current: list[str] = []
        units = len(text) // 2
        start = index = 0
        while index < units:
            (unit,) = struct.unpack_from("<H", text, 2 * index)
            if unit >= 32:
                index += 1
                continue
            current.append(text[2 * start:2 * index].decode("utf-16-le", "replace"))
            if unit == _PARAGRAPH_END:
                start = index = units
                break
            current.append(_CHAR_TEXT.get(unit, ""))
            if unit in _EXTENDED:
                content = self._control(next(controls, None))
                if content:
                    items.append(_line(current))
                    current = []
                    items.append(content)
            index += 8 if unit in _EXTENDED or unit in _INLINE else 1
            start = index
        current.append(text[2 * start:2 * units].decode("utf-16-le", "replace"))
        items.append(_line(current))
        for control in controls:  # controls the text did not mark (damaged or unusual files)
            content = self._control(control)
            if content:
                items.append(content)
        return [item for item in items if item]

    def _control(self, control: _Record | None) -> list[Cell]:
        """The content of a table, text box or other control as cells (one for a non-table),
        each a list of lines; nothing for headers, footers, notes and comments."""
        if control is None or control.payload[:4][::-1] in _SKIPPED_CONTROLS:
            return []
        if control.payload[:4][::-1] != _TABLE:
            lines = [line for paragraph in _paragraphs_under(control) for line in self._flat(paragraph)]
            return [Cell((0, 0), lines)] if lines else []
        cells: list[Cell] = []
        for child in control.children:
            if child.tag == _LIST_HEADER:
                col, row = struct.unpack_from("<HH", child.payload, 8) if len(child.payload) >= 12 else (0, len(cells))
                cells.append(Cell((row, col), []))
            elif child.tag == _PARA_HEADER and cells:
                cells[-1].lines.extend(self._flat(child))
        return sorted(cells, key=lambda cell: cell.position)

    def _flat(self, paragraph: _Record) -> list[str]:
        """A paragraph's lines with nested content flattened (a table inside a cell, say)."""
        lines: list[str] = []
        for item in self._paragraph(paragraph):
            if isinstance(item, str):
                lines.append(item)
            else:
                lines.extend(line for cell in item for line in cell.lines)
        return lines


def _paragraphs_under(node: _Record):
    for child in node.children:
        if child.tag == _PARA_HEADER:
            yield child
        else:
            yield from _paragraphs_under(child)


def _line(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


def _summary(ole: olefile.OleFileIO) -> dict[str, str]:
    """Title, subject, author, keywords and creation/modification dates from the summary stream
    (an OLE property set, MS-OLEPS; olefile's own parser misreads its UTF-16 strings)."""
    if not ole.exists(_SUMMARY) or ole.get_size(_SUMMARY) > _SUMMARY_MAX:
        return {}
    data = ole.openstream(_SUMMARY).read()
    meta: dict[str, str] = {}
    try:
        (section,) = struct.unpack_from("<I", data, 44)
        (count,) = struct.unpack_from("<I", data, section + 4)
        for number in range(min(count, 256)):
            prop, offset = struct.unpack_from("<II", data, section + 8 + 8 * number)
            key = _SUMMARY_KEYS.get(prop)
            if key is None:
                continue
            where = section + offset
            (kind,) = struct.unpack_from("<I", data, where)
            kind &= 0xFFFF
            if kind == _VT_LPWSTR:
                (length,) = struct.unpack_from("<I", data, where + 4)
                value = data[where + 8:where + 8 + 2 * length].decode("utf-16-le", "replace")
                meta[key] = " ".join(value.replace("\0", " ").split())
            elif kind == _VT_LPSTR:
                (length,) = struct.unpack_from("<I", data, where + 4)
                meta[key] = " ".join(data[where + 8:where + 8 + length].decode("cp949", "replace").replace("\0", " ").split())
            elif kind == _VT_FILETIME:
                (ticks,) = struct.unpack_from("<Q", data, where + 4)
                if ticks:
                    when = dt.datetime(1601, 1, 1) + dt.timedelta(microseconds=ticks // 10)
                    if when.year > 1601:
                        meta[key] = when.date().isoformat()
    except struct.error:
        pass  # a damaged summary: keep what was read
    if not any(char.isalpha() for char in meta.get("title", "")):
        meta.pop("title", None)  # templates leave titles such as "2"
    return meta
