"""Scanned PDFs: pages of real text in Korean, Chinese and English rendered to images (Pillow, Noto
Sans CJK from mplfonts) and saved as an image-only PDF; read back with OCR only when asked."""
from __future__ import annotations

import io
import json
import shutil
import sys
from contextlib import redirect_stdout
from difflib import SequenceMatcher
from importlib import resources
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from polytag.cli.main import main
from polytag.errors import EmptyDocumentError, OcrUnavailableError
from polytag.io import read, read_document

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None,
                                     reason="the tesseract program is not installed (apt-get install tesseract-ocr "
                                            "tesseract-ocr-kor tesseract-ocr-chi-sim tesseract-ocr-eng)")

# (language, paragraphs): the first paragraph is set as a heading
PAGES = [
    ("ko", ["인공지능 기본법 시행령 제정안 입법예고",
            "과학기술정보통신부는 인공지능 기본법의 시행령 제정안을 마련하여 40일간 입법예고한다고 밝혔다.",
            "이번 제정안은 고영향 인공지능의 판단 기준과 생성형 인공지능 결과물의 표시 의무를 구체화하였다."]),
    ("zh", ["关于推动人工智能产业创新发展的通知",
            "为加快推动人工智能与实体经济深度融合，培育壮大智能产业，现就有关事项通知如下。",
            "加强智能芯片、基础软件和开源框架等关键技术攻关，支持建设开源开放平台。"]),
    ("en", ["New Export Controls on Advanced AI Chips",
            "The Department of Commerce today announced new export controls on advanced computing chips "
            "and the model weights of the most capable artificial intelligence systems.",
            "The rule establishes a licensing framework for exports of advanced semiconductors to "
            "destinations of concern."]),
]
DPI = 300


def _render(lang: str, paragraphs: list[str]) -> Image.Image:
    """An A4 page at 300 dpi: a heading at 18 pt, body paragraphs at 12 pt, wrapped at the margin."""
    font_file = str(resources.files("mplfonts").joinpath("fonts", "NotoSansCJKsc-Regular.otf"))
    page = Image.new("L", (int(8.27 * DPI), int(11.69 * DPI)), 255)
    draw = ImageDraw.Draw(page)
    margin, y = DPI, DPI
    for number, text in enumerate(paragraphs):
        font = ImageFont.truetype(font_file, int((18 if number == 0 else 12) / 72 * DPI))
        units, glue = (list(text), "") if lang == "zh" else (text.split(" "), " ")
        line = ""
        for unit in units:
            wider = f"{line}{glue}{unit}" if line else unit
            if draw.textlength(wider, font=font) > page.width - 2 * margin:
                draw.text((margin, y), line, font=font, fill=0)
                y, line = y + int(font.size * 1.5), unit
            else:
                line = wider
        draw.text((margin, y), line, font=font, fill=0)
        y += int(font.size * 2.3)
    return page


@pytest.fixture(scope="module")
def scanned_pdf(tmp_path_factory) -> Path:
    images = [_render(lang, paragraphs) for lang, paragraphs in PAGES]
    path = tmp_path_factory.mktemp("scan") / "scanned.pdf"
    images[0].save(path, "PDF", resolution=DPI, save_all=True, append_images=images[1:])
    return path


def _similarity(found: str, expected: str) -> float:
    return SequenceMatcher(None, "".join(found.split()), "".join(expected.split())).ratio()


def test_without_ocr_a_scan_keeps_its_named_error(scanned_pdf: Path) -> None:
    with pytest.raises(EmptyDocumentError, match="no text layer.*--ocr"):
        read_document(scanned_pdf)


@pytest.fixture(scope="module")
def ocr_segments(scanned_pdf: Path) -> list[dict]:
    """``polytag read --ocr`` on the scan (run once: OCR takes a few seconds a page)."""
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["read", str(scanned_pdf), "--ocr", "--format", "jsonl"]) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


@needs_tesseract
def test_ocr_reads_each_language_into_its_paragraphs(ocr_segments: list[dict]) -> None:
    expected = [(lang, text) for lang, paragraphs in PAGES for text in paragraphs]
    assert len(ocr_segments) == len(expected)
    for segment, (lang, text) in zip(ocr_segments, expected):
        assert segment["lang"] == lang
        assert _similarity(segment["text"], text) >= 0.9, (segment["text"], text)


@needs_tesseract
def test_ocr_keeps_korean_word_spacing_and_no_spaces_in_chinese(ocr_segments: list[dict]) -> None:
    korean = [segment["text"] for segment in ocr_segments if segment["lang"] == "ko"]
    chinese = [segment["text"] for segment in ocr_segments if segment["lang"] == "zh"]
    for found, expected in zip(korean, PAGES[0][1]):
        assert abs(found.count(" ") - expected.count(" ")) <= 2, found
    assert not any(" " in text for text in chinese)


@needs_tesseract
def test_missing_language_data_is_a_clear_error(scanned_pdf: Path) -> None:
    with pytest.raises(OcrUnavailableError, match="no language data for xxx.*polytag\\[ocr\\]"):
        read(scanned_pdf, ocr="xxx")


def test_without_the_ocr_extra_the_message_says_what_to_install(scanned_pdf: Path, monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "pytesseract", None)  # as if the extra were not installed
    assert main(["read", str(scanned_pdf), "--ocr"]) == 2
    assert 'needs the pytesseract package: install the OCR extra (pip install "polytag[ocr]")' in capsys.readouterr().err


def test_without_tesseract_the_message_says_what_to_install(scanned_pdf: Path, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract program on it
    with pytest.raises(OcrUnavailableError, match="needs the Tesseract program.*apt-get install tesseract-ocr"):
        read(scanned_pdf, ocr="auto")


def test_ocr_lang_without_ocr_is_refused(scanned_pdf: Path) -> None:
    with pytest.raises(SystemExit, match="--ocr-lang needs --ocr"):
        main(["read", str(scanned_pdf), "--ocr-lang", "kor"])
