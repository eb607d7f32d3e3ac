"""Text files in every supported encoding decode to the original text, and report their codec."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest
import opencc

from polytag.errors import BinaryFileError, DecodingWarning, EncodingError
from polytag.io import read_document

CORPORA = Path(__file__).resolve().parents[2] / "corpora"

KO_ACT = CORPORA / "ko" / "kr_ai_basic_act_amended_2026.txt"
KO_BRIEF = CORPORA / "ko" / "brief_rand_open_models_soft_power_2026.txt"
ZH_MEASURES = CORPORA / "zh" / "cn_genai_interim_measures_2023.txt"
ZH_REPORT = CORPORA / "zh" / "prc_gov_work_report_2024.txt"  # has U+2002, outside GBK: needs GB18030


def sample(path: Path, chars: int = 800) -> str:
    return path.read_text(encoding="utf-8")[:chars]


def traditional(path: Path) -> str:
    return opencc.OpenCC("s2tw").convert(sample(path))


CASES = [
    # (source text, how to encode it, codec polytag must report)
    (lambda: sample(KO_BRIEF), lambda t: t.encode("utf-8"), "utf-8"),
    (lambda: sample(ZH_REPORT), lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
    (lambda: sample(KO_ACT), lambda t: t.encode("utf-16"), "utf-16"),
    (lambda: sample(ZH_MEASURES), lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
    (lambda: sample(KO_ACT), lambda t: t.encode("cp949"), "cp949"),
    (lambda: sample(KO_BRIEF), lambda t: t.encode("euc_kr"), "cp949"),
    (lambda: sample(ZH_REPORT), lambda t: t.encode("gb18030"), "gb18030"),
    (lambda: sample(ZH_MEASURES), lambda t: t.encode("gbk"), "gb18030"),
    (lambda: sample(ZH_MEASURES), lambda t: t.encode("gb2312"), "gb18030"),
    (lambda: traditional(ZH_MEASURES), lambda t: t.encode("big5"), "big5"),
]
IDS = ["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "cp949", "euc-kr", "gb18030", "gbk", "gb2312", "big5"]


@pytest.mark.parametrize(("make_text", "encode", "codec"), CASES, ids=IDS)
def test_text_file_decodes_in_its_encoding(tmp_path: Path, make_text, encode, codec: str) -> None:
    text = make_text()
    path = tmp_path / "doc.txt"
    path.write_bytes(encode(text))
    document = read_document(path)
    assert document.encoding == codec
    assert document.text == text
    assert "\ufeff" not in document.text


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_newlines_become_lf(tmp_path: Path, newline: str) -> None:
    text = sample(KO_ACT)
    path = tmp_path / "doc.txt"
    path.write_bytes(text.replace("\n", newline).encode("cp949"))
    document = read_document(path)
    assert document.text == text
    assert document.encoding == "cp949"


def test_nul_bytes_mean_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    with pytest.raises(BinaryFileError, match="image.txt"):
        read_document(path)


def test_control_bytes_mean_binary(tmp_path: Path) -> None:
    path = tmp_path / "blob.md"
    path.write_bytes(bytes(range(1, 32)) * 20)
    with pytest.raises(BinaryFileError, match="blob.md"):
        read_document(path)


def test_undecodable_bytes_raise_encoding_error(tmp_path: Path) -> None:
    path = tmp_path / "garbled.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 4)
    with pytest.raises(EncodingError, match="garbled.txt"):
        read_document(path)


def test_invalid_bytes_after_a_bom_raise_encoding_error(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(codecs.BOM_UTF8 + sample(KO_ACT).encode("cp949"))
    with pytest.raises(EncodingError, match="mixed.txt.*byte-order mark"):
        read_document(path)


EN_FACTSHEET = CORPORA / "en" / "us_factsheet_export_american_ai_2025.txt"


def _damage(text: str, bad: bytes = b"\xff", times: int = 4) -> bytes:
    """UTF-8 bytes of ``text`` with ``bad`` inserted after the first ``times`` line ends."""
    return text.encode("utf-8").replace(b"\n", b"\n" + bad, times)


@pytest.mark.parametrize("source", [KO_BRIEF, ZH_MEASURES, EN_FACTSHEET], ids=["ko", "zh", "en"])
def test_a_few_bad_bytes_in_utf8_are_replaced_with_a_warning(tmp_path: Path, source: Path) -> None:
    original = source.read_text(encoding="utf-8")
    path = tmp_path / "damaged.txt"
    path.write_bytes(_damage(original))
    with pytest.warns(DecodingWarning, match=r"damaged\.txt: 4 bytes not valid UTF-8") as caught:
        document = read_document(path)
    assert document.encoding == "utf-8" and document.text.count("\ufffd") == 4
    assert document.text.replace("\ufffd", "") == original  # every good character is kept
    assert document.warnings == (str(caught[0].message),)


def test_a_legacy_file_with_few_utf8_lookalikes_is_still_detected(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(sample(KO_ACT).encode("cp949"))
    document = read_document(path)
    assert document.encoding == "cp949" and document.text == sample(KO_ACT) and not document.warnings
