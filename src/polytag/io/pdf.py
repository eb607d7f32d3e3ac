"""PDF reader: pdfplumber words -> positioned lines -> clean paragraphs (see :mod:`.pdf_layout`).

Pages without a text layer (scans) are read by OCR only when asked (``ocr=``, see :mod:`.ocr`).

pdfplumber (pdfminer.six) is used rather than pypdf because it yields correct word spacing on
Word-generated PDFs (pypdf splits words such as "A I" and "tho ught") and gives each word's font
size and position, which header, footnote and paragraph detection need.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path
from statistics import median

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.page import Page
from pdfplumber.utils import cluster_objects

from polytag.errors import CorruptFileError, EmptyDocumentError, PolytagError, UnreadableFileError
from polytag.io.document import Extracted
from polytag.io.metadata import normalise_meta
from polytag.io.pdf_layout import Line, paragraphs_from_lines

# Words whose tops differ by at most this many points are on one line (pdfplumber's default).
_LINE_TOLERANCE = 3
# A character at most this fraction of its line's font size, raised above the baseline, is a
# superscript; superscript digits and symbols at the edge of a word are note markers.
_SUPERSCRIPT_SIZE = 0.8
_SUPERSCRIPT_RAISE = 0.2
_NOTE_MARKER_CHARS = frozenset("0123456789*†‡§,")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
_INFO_KEYS = {"Title": "title", "Author": "author", "Subject": "subject", "Keywords": "keywords"}


def read_pdf(data: bytes, path: Path, *, ocr: str | None = None) -> Extracted:
    """Read a PDF's text layer into paragraph-per-line text plus its document-info metadata.

    ``ocr`` (Tesseract languages, or ``"auto"``) reads pages without a text layer by OCR.
    """
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_page_lines(page, number, ocr) for number, page in enumerate(pdf.pages)]
            info = pdf.metadata
    except PolytagError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        if _is_password_error(exc):
            raise UnreadableFileError(path, "the PDF is encrypted and needs a password") from exc
        raise CorruptFileError(path, f"not a readable PDF file ({type(exc).__name__}: {exc})") from exc
    lines = [line for page in pages for line in page]
    if not lines:
        if ocr is None:
            raise EmptyDocumentError(path, "the PDF has no text layer (scanned pages need OCR: use --ocr)")
        raise EmptyDocumentError(path, "the PDF has no text layer and OCR found no text in it")
    layout = paragraphs_from_lines(lines)
    raw = {key: _info_text(info.get(name)) for name, key in _INFO_KEYS.items()}
    return Extracted(
        text="\n\n".join(layout.paragraphs), embedded=normalise_meta(raw), heading=layout.heading
    )


def _is_password_error(exc: BaseException) -> bool:
    return any(isinstance(arg, PDFPasswordIncorrect) for arg in (exc, exc.__cause__, *exc.args))


def _info_text(value: object) -> str:
    """Document-info values may be bytes or pdfminer objects; keep readable strings only."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="ignore")
    return " ".join(value.split()) if isinstance(value, str) else ""


def _page_lines(page: Page, number: int, ocr: str | None = None) -> list[Line]:
    """The text lines of one page, top to bottom, with superscript note markers removed; by OCR
    in the languages ``ocr`` when the page has no text layer and ``ocr`` is given."""
    words = page.extract_words(keep_blank_chars=False, return_chars=True)
    lines = []
    for cluster in cluster_objects(words, "top", _LINE_TOLERANCE):
        line = _make_line(sorted(cluster, key=lambda word: word["x0"]), number, float(page.height))
        if line is not None:
            lines.append(line)
    if not lines and ocr is not None:
        from polytag.io.ocr import ocr_page_lines

        lines = ocr_page_lines(page, number, ocr)
    page.close()
    return lines


def _make_line(words: list[dict], page: int, page_height: float) -> Line | None:
    chars = [char for word in words for char in word["chars"]]
    sizes = Counter(round(char["size"], 1) for char in chars)
    size = sizes.most_common(1)[0][0]
    baseline = median(char["bottom"] for char in chars if round(char["size"], 1) == size)
    kept: list[tuple[dict, list[dict]]] = []
    for word in words:
        body = _strip_markers(word["chars"], size, baseline)
        if body:
            kept.append((word, body))
    if not kept:
        return None
    first, first_chars = kept[0]
    lead = first_chars[:1] if _CJK.match(first_chars[0]["text"]) else first_chars
    return Line(
        page=page,
        text=" ".join("".join(char["text"] for char in body) for _, body in kept),
        x0=min(body[0]["x0"] for _, body in kept),
        x1=max(body[-1]["x1"] for _, body in kept),
        top=min(char["top"] for _, body in kept for char in body),
        bottom=max(char["bottom"] for _, body in kept for char in body),
        size=size,
        page_height=page_height,
        lead_width=lead[-1]["x1"] - lead[0]["x0"],
        note_marker=first is not words[0] or first_chars[0] is not first["chars"][0],
    )


def _strip_markers(chars: list[dict], size: float, baseline: float) -> list[dict]:
    """A word's characters without superscript note markers at its start or end."""
    start, end = 0, len(chars)
    while start < end and _is_marker(chars[start], size, baseline):
        start += 1
    while end > start and _is_marker(chars[end - 1], size, baseline):
        end -= 1
    return chars[start:end]


def _is_marker(char: dict, size: float, baseline: float) -> bool:
    return (
        char["text"] in _NOTE_MARKER_CHARS
        and char["size"] <= _SUPERSCRIPT_SIZE * size
        and char["bottom"] < baseline - _SUPERSCRIPT_RAISE * size
    )
