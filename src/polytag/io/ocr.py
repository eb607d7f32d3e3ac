"""OCR of PDF pages that have no text layer (scans), with Tesseract: only when asked (``--ocr``).

Needs the optional ``ocr`` extra (``pytesseract``) and the Tesseract program with its language
data. A page is rendered at 300 dpi (pdfplumber, through pypdfium2); with ``langs="auto"`` its
script is found by Tesseract's orientation and script detection and read as Korean (``kor+eng``),
Simplified Chinese (``chi_sim``) or English (``eng``); Traditional Chinese needs an explicit
``chi_tra``. Recognised lines become positioned :class:`~polytag.io.pdf_layout.Line` objects, so
scanned pages get the same header, footnote and paragraph rules as a PDF's text layer. Tesseract
runs with one thread: its OpenMP threads made a page 2.5 times slower here (2 cores) and would
compete with a batch's worker processes.
"""
from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from statistics import median
from typing import Any

from polytag.errors import OcrUnavailableError
from polytag.io.pdf_layout import Line

#: ``langs`` value that picks the Tesseract languages per page from the detected script
AUTO = "auto"
INSTALL_HINT = ('install the OCR extra (pip install "polytag[ocr]") and Tesseract with its language data '
                "(e.g. apt-get install tesseract-ocr tesseract-ocr-kor tesseract-ocr-chi-sim "
                "tesseract-ocr-chi-tra tesseract-ocr-eng)")
_DPI = 300
_POINTS_PER_PIXEL = 72 / _DPI
# Tesseract's page segmentation mode 4, "a single column of text of variable sizes": mode 3
# (automatic) drops most lines of some Korean pages.
_CONFIG = "--psm 4"
_SCRIPT_LANGS = {"Korean": "kor+eng", "Hangul": "kor+eng", "Han": "chi_sim", "Latin": "eng"}
_OSD_SHRINK = 2  # script detection works as well at 150 dpi, in half the time
_FALLBACK_LANGS = "kor+chi_sim+eng"
_AUTO_NEEDS = ("osd", "kor", "chi_sim", "eng")
_SCRIPT = re.compile(r"^Script:\s*(\S+)", re.MULTILINE)
# Tesseract splits Korean and Chinese text into "words" of a few characters. Next to a Chinese
# character or full-width punctuation no space is written (unless the gap is a full size wide);
# next to Hangul, a space is written for a gap over 0.45 of the font size (measured: inside words
# up to 0.43, between words from 0.48)
_HAN = re.compile(r"[\u2e80-\u303f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_HAN_GAP, _HANGUL_GAP = 1.0, 0.45


def require_ocr(langs: str) -> None:
    """Check that OCR can run with ``langs`` (``"auto"`` or Tesseract codes such as ``kor+eng``);
    raise :class:`OcrUnavailableError` saying what to install if not."""
    try:
        import pytesseract
    except ImportError as exc:
        raise OcrUnavailableError(f"OCR needs the pytesseract package: {INSTALL_HINT}") from exc
    try:
        available = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError) as exc:
        raise OcrUnavailableError(f"OCR needs the Tesseract program ({exc}): {INSTALL_HINT}") from exc
    wanted = _AUTO_NEEDS if langs == AUTO else langs.split("+")
    missing = [code for code in wanted if code not in available]
    if missing:
        raise OcrUnavailableError(f"Tesseract has no language data for {', '.join(missing)}: {INSTALL_HINT}")


def ocr_page_lines(page: Any, number: int, langs: str) -> list[Line]:
    """The text lines Tesseract finds on a pdfplumber page, top to bottom, in PDF points."""
    import pytesseract

    image = page.to_image(resolution=_DPI).original
    with _one_thread():
        if langs == AUTO:
            langs = _langs_for(image)
        data = pytesseract.image_to_data(image, lang=langs, config=_CONFIG, output_type=pytesseract.Output.DICT)
    words: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for index, text in enumerate(data["text"]):
        if text.strip() and float(data["conf"][index]) >= 0:
            words[(data["block_num"][index], data["par_num"][index], data["line_num"][index])].append(index)
    # a line's font size: the median word height of its paragraph, as Tesseract groups them (one
    # line may have no letter with a descender, another a box spanning two lines)
    heights: dict[tuple[int, int], list[int]] = defaultdict(list)
    for (block, paragraph, _), indexes in words.items():
        heights[(block, paragraph)].extend(data["height"][index] for index in indexes)
    sizes = {key: median(values) for key, values in heights.items()}
    lines = []
    for (block, paragraph, _), indexes in words.items():
        indexes.sort(key=lambda index: data["left"][index])
        lines.append(_line(data, indexes, sizes[(block, paragraph)], number, float(page.height)))
    return sorted(lines, key=lambda line: line.top)


@contextmanager
def _one_thread() -> Iterator[None]:
    """Tesseract processes started inside see ``OMP_THREAD_LIMIT=1`` (pytesseract passes them
    ``os.environ``); the caller's own setting is restored after."""
    before = os.environ.get("OMP_THREAD_LIMIT")
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        yield
    finally:
        if before is None:
            del os.environ["OMP_THREAD_LIMIT"]
        else:
            os.environ["OMP_THREAD_LIMIT"] = before


def _spaced(before: str, after: str, gap: int, size: float) -> bool:
    """Whether Tesseract's words ending in ``before`` and starting with ``after`` are two words."""
    if _HAN.match(before) or _HAN.match(after):
        return gap > _HAN_GAP * size
    if _HANGUL.match(before) or _HANGUL.match(after):
        return gap > _HANGUL_GAP * size
    return True


def _langs_for(image: Any) -> str:
    import pytesseract

    small = image.resize((image.width // _OSD_SHRINK, image.height // _OSD_SHRINK))
    try:
        osd = pytesseract.image_to_osd(small, config=f"--psm 0 --dpi {_DPI // _OSD_SHRINK}")
    except pytesseract.TesseractError:  # too little text to tell
        return _FALLBACK_LANGS
    match = _SCRIPT.search(osd)
    return _SCRIPT_LANGS.get(match.group(1) if match else "", _FALLBACK_LANGS)


def _line(data: dict[str, list], indexes: list[int], size: float, page: int, page_height: float) -> Line:
    text, end = "", 0
    for index in indexes:
        word = data["text"][index].strip()
        if text and _spaced(text[-1], word[0], data["left"][index] - end, size):
            text += " "
        text += word
        end = data["left"][index] + data["width"][index]
    first = indexes[0]
    lead = len(data["text"][first].strip()) if _HAN.match(text[0]) or _HANGUL.match(text[0]) else 1  # the short-line test wants one character
    scale = _POINTS_PER_PIXEL
    return Line(
        page=page,
        text=text,
        x0=min(data["left"][index] for index in indexes) * scale,
        x1=max(data["left"][index] + data["width"][index] for index in indexes) * scale,
        top=min(data["top"][index] for index in indexes) * scale,
        bottom=max(data["top"][index] + data["height"][index] for index in indexes) * scale,
        size=round(size * scale, 1),
        page_height=page_height,
        lead_width=data["width"][first] * scale / lead,
    )
