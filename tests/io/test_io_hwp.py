"""HWP 5.0: real files from ../shared/fixtures/hwp, and copies with their header flags or bytes changed."""
from __future__ import annotations

import re
import shutil
import struct
import zlib
from pathlib import Path

import olefile
import pytest

from polytag.cli.main import main
from polytag.errors import CorruptFileError, DecompressionBombError, LegacyFormatError, ProtectedDocumentError
from polytag.io import read_document
from polytag.io.limits import Budget, inflate
from polytag.text import segment

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "hwp"
NOORI = FIXTURES / "noori.hwp"
REPORT = FIXTURES / "basicsReport.hwp"
HEADLINE = "우리가 독자 개발하여 최초 발사하는 한국형발사체,"
# ids of the controls in these files (section and column definitions, tables, drawings, page
# numbers, headers, footers): read as text they are the garbage of a naive reader
CONTROL_IDS = (b"secd", b"cold", b"tbl ", b"gso ", b"pgnp", b"pghd", b"head", b"foot", b"nwno", b"atno")
CONTROL_CHARS = re.compile(r"[\x00-\x09\x0b-\x1f\ufffd]")


@pytest.fixture(scope="module")
def noori():
    if not NOORI.exists():
        pytest.skip(f"the HWP fixtures are kept outside the project; expected {NOORI}")
    return read_document(NOORI)


def _paragraphs(document) -> list[str]:
    return document.text.split("\n\n")


def test_noori_body_starts_with_the_headline(noori) -> None:
    assert noori.format == "hwp"
    assert _paragraphs(noori)[0] == HEADLINE
    assert noori.meta["title"] == HEADLINE  # the file's own title is a stray "2"


def test_noori_items_are_separate_paragraphs(noori) -> None:
    paragraphs = _paragraphs(noori)
    squares = [p for p in paragraphs if "□" in p]
    items = [p for p in paragraphs if re.match(r"o\s", p)]
    assert len(squares) >= 4 and len(items) >= 6
    assert all(p.startswith("□") and p.count("□") == 1 for p in squares)
    assert not any(re.search(r"\so\s", p) and "□" in p for p in paragraphs)
    # each item follows its □ heading, in the document's order
    first_square, first_item = paragraphs.index(squares[0]), paragraphs.index(items[0])
    assert first_square < first_item


def test_noori_has_no_control_garbage_in_any_segment(noori) -> None:
    garbage = [control[::-1].decode("utf-16-le") for control in CONTROL_IDS]
    segments = segment(noori.text, doc_id=noori.id, lang="ko")
    assert segments
    for seg in segments:
        assert not CONTROL_CHARS.search(seg.text), seg.text
        assert not any(word in seg.text for word in garbage), seg.text
        assert not re.search(r"[\u3400-\u9fff]", seg.text), seg.text  # no Hanja in this release


def test_noori_table_cells_in_reading_order(noori) -> None:
    paragraphs = _paragraphs(noori)
    # the comparison table: a header row, then one row per property, cell by cell
    row = [paragraphs.index(cell) for cell in ("총 길이", "47.2 m", "25.8 m", "최대 직경", "3.5 m")]
    assert row == sorted(row) and row == list(range(row[0], row[0] + 5))


def test_noori_press_release_form_is_metadata_not_body(noori) -> None:
    assert "보도일시" not in noori.text and "담당부서" not in noori.text
    assert noori.meta["date"] == "2018-09-04"
    assert noori.meta["department"] == "거대공공연구정책과"
    assert noori.meta["author"] == "이은지"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", noori.meta["created"])


def test_report_page_header_is_not_body() -> None:
    if not REPORT.exists():
        pytest.skip(f"expected {REPORT}")
    document = read_document(REPORT)
    assert "리포트 제목 / 전공명" not in document.text  # the page header's text
    assert "리포트의 제목" in document.text  # the cover page's own text
    assert not CONTROL_CHARS.search(document.text)


def test_cli_read_prints_clean_segments(noori, capsys) -> None:
    assert main(["read", str(NOORI), "--format", "jsonl"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert HEADLINE in out[0]
    assert len(out) == len(segment(noori.text, doc_id=noori.id, lang="ko"))


def _copy_with_flags(tmp_path: Path, flags: int) -> Path:
    target = tmp_path / "flagged.hwp"
    shutil.copyfile(NOORI, target)
    target.chmod(0o644)
    with olefile.OleFileIO(str(target), write_mode=True) as ole:
        header = bytearray(ole.openstream("FileHeader").read())
        struct.pack_into("<I", header, 36, struct.unpack_from("<I", header, 36)[0] | flags)
        ole.write_stream("FileHeader", bytes(header))
    return target


@pytest.mark.parametrize(("flag", "words"), [(0x2, "password"), (0x4, "distribution-only"), (0x10, "DRM")])
def test_protected_files_raise_named_errors(noori, tmp_path: Path, flag: int, words: str) -> None:
    path = _copy_with_flags(tmp_path, flag)
    with pytest.raises(ProtectedDocumentError, match=words) as caught:
        read_document(path)
    assert caught.value.path == str(path)


def test_damaged_files_are_corrupt(noori, tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.hwp"
    truncated.write_bytes(NOORI.read_bytes()[:5000])
    not_ole = tmp_path / "text.hwp"
    not_ole.write_text("이것은 한글 파일이 아니다", encoding="utf-8")
    for path in (truncated, not_ole):
        with pytest.raises(CorruptFileError, match=path.name):
            read_document(path)


def test_hwp3_is_a_legacy_format_with_a_conversion_hint(tmp_path: Path) -> None:
    path = tmp_path / "old.hwp"
    path.write_bytes(b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05" + bytes(200))
    with pytest.raises(LegacyFormatError, match=r"HWP 3\.00.*soffice --headless"):
        read_document(path)


def test_inflate_stops_at_its_budget(tmp_path: Path) -> None:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    bomb = compressor.compress(bytes(8 * 1024 * 1024)) + compressor.flush()
    budget = Budget(tmp_path / "bomb.hwp", limit=1024 * 1024)
    with pytest.raises(DecompressionBombError, match="BodyText/Section0"):
        inflate(bomb, budget, "BodyText/Section0")
    assert inflate(bomb, Budget(tmp_path / "ok.hwp"), "BodyText/Section0") == bytes(8 * 1024 * 1024)
