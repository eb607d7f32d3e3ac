"""`polytag tag` on a folder of documents as analysts receive them: an HWP press release, an HWPX
file, a saved web page, a scanned PDF and a legacy .doc. Readable files become segments, the
others rows of errors.csv with their reasons; `--ocr` then reads the scan (the cached error is
not reused, as the option is part of each file's cache key)."""
from __future__ import annotations

import shutil
import zipfile
from importlib import resources
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image, ImageDraw, ImageFont

from polytag.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
NOORI = ROOT.parent / "shared" / "fixtures" / "hwp" / "noori.hwp"
WEB_PAGE = ROOT / "tests" / "io" / "data" / "web" / "ko_ministry_press_release.html"
HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
HWPX_TEXT = ["개방형 인공지능 모델의 공개 범위를 넓힌다.", "수출통제 대상 기술의 범위를 점검한다."]
SCAN_TEXT = "Open models and export controls shape the global AI stack."


def _hwpx(path: Path) -> None:
    paragraphs = "".join(f'<hp:p><hp:run><hp:t>{text}</hp:t></hp:run></hp:p>' for text in HWPX_TEXT)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/hwp+zip")
        archive.writestr("Contents/section0.xml", f'<hs:sec xmlns:hs="x" xmlns:hp="{HP}">{paragraphs}</hs:sec>')


def _scan(path: Path) -> None:
    """An image-only PDF of one line of text (Noto Sans CJK from mplfonts, 12 pt at 300 dpi)."""
    font = ImageFont.truetype(str(resources.files("mplfonts").joinpath("fonts", "NotoSansCJKsc-Regular.otf")), 50)
    image = Image.new("L", (2000, 600), 255)
    ImageDraw.Draw(image).text((150, 250), SCAN_TEXT, font=font, fill=0)
    image.save(path, "PDF", resolution=300)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    if not NOORI.exists():
        pytest.skip(f"the HWP fixtures are kept outside the project; expected {NOORI}")
    root = tmp_path_factory.mktemp("received")
    shutil.copy(NOORI, root / "noori.hwp")
    _hwpx(root / "plan.hwpx")
    shutil.copy(WEB_PAGE, root / "page.html")
    _scan(root / "scan.pdf")
    (root / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    return root


def _read(out: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    return (pd.read_csv(out / "segments.csv", encoding="utf-8-sig"),
            pd.read_csv(out / "errors.csv", encoding="utf-8-sig"))


def test_readable_files_are_segments_and_the_others_errors(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["tag", str(folder), "--out", str(out)]) == 1  # some files could not be read
    segments, errors = _read(out)
    assert set(segments["doc_id"]) == {"noori.hwp", "plan.hwpx", "page.html"}
    noori = segments[segments["doc_id"] == "noori.hwp"]
    assert noori["text"].iloc[0].startswith("우리가 독자 개발하여 최초 발사하는 한국형발사체")
    assert list(segments[segments["doc_id"] == "plan.hwpx"]["text"]) == HWPX_TEXT
    reasons = dict(zip(errors["file"].map(lambda file: Path(file).name), zip(errors["error"], errors["reason"])))
    assert set(reasons) == {"scan.pdf", "old.doc"}
    assert reasons["scan.pdf"][0] == "EmptyDocumentError" and "--ocr" in reasons["scan.pdf"][1]
    assert reasons["old.doc"][0] == "LegacyFormatError" and "Word 97-2003" in reasons["old.doc"][1]
    assert "soffice --headless --convert-to docx" in reasons["old.doc"][1]

    if shutil.which("tesseract") is None:
        pytest.skip("the tesseract program is not installed: the --ocr re-run is not tested")
    assert main(["tag", str(folder), "--out", str(out), "--ocr", "--ocr-lang", "eng"]) == 1  # old.doc still fails
    segments, errors = _read(out)
    assert list(errors["file"].map(lambda file: Path(file).name)) == ["old.doc"]
    scan = segments[segments["doc_id"] == "scan.pdf"]["text"]
    assert len(scan) == 1 and "export controls" in scan.iloc[0]
