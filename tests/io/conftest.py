"""Shared fixtures for the polytag.io tests: a tiny PDF writer and the parsed Action Plan PDF.

Test modules use these through fixtures only (never ``from conftest import``), so they do not
depend on which directory's conftest module Python has cached.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from polytag.io import Document, read_document

# One run of text: (font size, text rise in points, text). Runs of a line follow each other.
Run = tuple[float, float, str]
# One line: (x, top, runs) or the shorthand (x, top, size, text).
PdfLine = tuple[float, float, Sequence[Run]] | tuple[float, float, float, str]


# Chinese text uses a non-embedded Adobe CJK font with a predefined UCS-2 CMap (pdfminer knows it).
_CJK_FONT = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts"
    b" [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
    b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >>"
    b" /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6"
    b" /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"
    b" >>] >>"
)


def _pdf_string(text: str) -> bytes:
    """``(text)`` in WinAnsi for Helvetica (/F1), or ``<hex>`` UCS-2 for the CJK font (/F2)."""
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return b"<%s>" % text.encode("utf-16-be").hex().upper().encode("ascii")
    out = bytearray(b"(")
    for byte in text.encode("cp1252"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif byte < 32 or byte > 126:
            out += b"\\%03o" % byte
        else:
            out.append(byte)
    return bytes(out + b")")


def _content(lines: Sequence[PdfLine], height: float) -> bytes:
    ops = []
    for line in lines:
        if len(line) == 4:
            x, top, size, text = line
            runs: Sequence[Run] = [(size, 0.0, text)]
        else:
            x, top, runs = line
        base = max(size for size, _, _ in runs)
        ops.append(b"BT %.2f %.2f Td" % (x, height - top - base))
        for size, rise, text in runs:
            string = _pdf_string(text)
            font = b"/F2" if string.startswith(b"<") else b"/F1"
            ops.append(b"%s %.2f Tf %.2f Ts %s Tj" % (font, size, rise, string))
        ops.append(b"ET")
    return b"\n".join(ops)


def build_pdf(pages: Sequence[Sequence[PdfLine] | bytes], width: float = 612, height: float = 792) -> bytes:
    """A minimal valid PDF (Helvetica, or STSong for Chinese); a page given as bytes is used as its
    raw content stream."""
    objects: list[bytes] = []
    page_ids = [5 + 2 * index for index in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(b"%d 0 R" % page_id for page_id in page_ids)
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages)))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(_CJK_FONT)
    for page_id, page in zip(page_ids, pages):
        stream = page if isinstance(page, bytes) else _content(page, height)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >>"
            b" /Contents %d 0 R >>" % (width, height, page_id + 1)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.fixture(scope="session")
def make_pdf() -> Callable[..., bytes]:
    """``make_pdf(pages)``: bytes of a Helvetica PDF; each page is a list of lines or raw content."""
    return build_pdf


@pytest.fixture(scope="session")
def action_plan(action_plan_pdf: Path) -> Document:
    """The real 28-page Action Plan PDF (``action_plan_pdf`` from tests/conftest.py), parsed once."""
    return read_document(action_plan_pdf)


@pytest.fixture(scope="session")
def action_plan_paragraphs(action_plan: Document) -> list[str]:
    return action_plan.text.split("\n\n")
