"""HWPX (OWPML): small documents built here, as Hancom Office lays them out, including hostile ones."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from polytag.errors import CorruptFileError, DecompressionBombError, ProtectedDocumentError
from polytag.io import read_document
from polytag.io.limits import MAX_EXPANDED_BYTES

HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
HS = "http://www.hancom.co.kr/hwpml/2011/section"
OPF = "http://www.idpf.org/2007/opf/"

FORM = [("보도일시", "2025. 9. 8.(월) 12:00"), ("담당부서", "인공지능정책과")]
HEADLINE = "인공지능 기본법 시행령 제정안 입법예고"
BODY = [
    "□ 과학기술정보통신부는 인공지능 기본법의 시행령 제정안을 마련하여 40일간 입법예고한다.",
    "o 고영향 인공지능의 판단 기준을 구체화하였다.",
]
TABLE = [["단계", "일정"], ["입법예고", "2025년 9월 8일부터"], ["시행", "2026년 1월 22일"]]
HEADER_TEXT, FOOTNOTE_TEXT, COMMENT_TEXT = "페이지 머리말", "각주에 적은 출처", "숨은 설명"
SECOND_SECTION = "둘째 구역의 문단"


def _p(*runs: str) -> str:
    return f'<hp:p paraPrIDRef="0" styleIDRef="0">{"".join(runs)}</hp:p>'


def _run(inner: str) -> str:
    return f'<hp:run charPrIDRef="0">{inner}</hp:run>'


def _t(text: str) -> str:
    return f"<hp:t>{text}</hp:t>"


def _table(rows: list[list[str]], *, reverse_cells: bool = False) -> str:
    trs = []
    for r, row in enumerate(rows):
        cells = [
            f'<hp:tc><hp:subList>{_p(_run(_t(text)))}</hp:subList>'
            f'<hp:cellAddr colAddr="{c}" rowAddr="{r}"/><hp:cellSpan colSpan="1" rowSpan="1"/></hp:tc>'
            for c, text in enumerate(row)
        ]
        trs.append("<hp:tr>" + "".join(reversed(cells) if reverse_cells else cells) + "</hp:tr>")
    return f'<hp:tbl rowCnt="{len(rows)}" colCnt="{len(rows[0])}">{"".join(trs)}</hp:tbl>'


def _section(paragraphs: list[str], prolog: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f'<hs:sec xmlns:hs="{HS}" xmlns:hp="{HP}">{"".join(paragraphs)}</hs:sec>')


def _content_hpf() -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><opf:package xmlns:opf="{OPF}" version="">'
            "<opf:metadata><opf:title>시행령 입법예고</opf:title><opf:language>ko</opf:language>"
            '<opf:meta name="creator" content="text">홍길동</opf:meta>'
            '<opf:meta name="CreatedDate" content="text">2025-09-05T01:02:03Z</opf:meta>'
            '<opf:meta name="ModifiedDate" content="text">2025-09-07T04:05:06Z</opf:meta></opf:metadata>'
            '<opf:manifest><opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/>'
            '<opf:item id="section1" href="Contents/section1.xml" media-type="application/xml"/></opf:manifest>'
            '<opf:spine><opf:itemref idref="section0"/><opf:itemref idref="section1"/></opf:spine></opf:package>')


def _document() -> dict[str, str]:
    section0 = [
        _p(_run('<hp:secPr id=""/><hp:ctrl><hp:colPr id="" type="NEWSPAPER" colCount="1"/></hp:ctrl>'),
           _run(f'<hp:ctrl><hp:header id="1" applyPageType="BOTH"><hp:subList>{_p(_run(_t(HEADER_TEXT)))}'
                "</hp:subList></hp:header></hp:ctrl>")),
        _p(_run(_table([list(pair) for pair in FORM]))),
        _p(_run(_t(HEADLINE))),
        _p(_run(_t(BODY[0][:20])), _run(_t(BODY[0][20:])
                                        + f'<hp:ctrl><hp:footNote number="1"><hp:subList>{_p(_run(_t(FOOTNOTE_TEXT)))}'
                                        "</hp:subList></hp:footNote></hp:ctrl>")),
        _p(_run(_t("o 고영향 인공지능의<hp:lineBreak/>판단 기준을<hp:tab/>구체화하였다."))),
        _p(_run(f'<hp:ctrl><hp:hiddenComment><hp:subList>{_p(_run(_t(COMMENT_TEXT)))}</hp:subList>'
                "</hp:hiddenComment></hp:ctrl>")),
        _p(_run(_table(TABLE, reverse_cells=True))),
    ]
    return {
        "mimetype": "application/hwp+zip",
        "version.xml": '<?xml version="1.0"?><hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version"/>',
        "Contents/content.hpf": _content_hpf(),
        "Contents/header.xml": '<?xml version="1.0"?><hh:head xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head"/>',
        "Contents/section0.xml": _section(section0),
        "Contents/section1.xml": _section([_p(_run(_t(SECOND_SECTION)))]),
    }


def _write(path: Path, parts: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return path


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    return read_document(_write(tmp_path_factory.mktemp("hwpx") / "release.hwpx", _document()))


def test_paragraphs_tables_and_sections_in_order(document) -> None:
    cells = [text for row in TABLE for text in row]
    assert document.format == "hwpx"
    assert document.text.split("\n\n") == [HEADLINE, *BODY, *cells, SECOND_SECTION]


def test_headers_footnotes_and_comments_are_not_body(document) -> None:
    for text in (HEADER_TEXT, FOOTNOTE_TEXT, COMMENT_TEXT, FORM[0][0], FORM[1][1]):
        assert text not in document.text


def test_metadata_from_the_package_and_the_form(document) -> None:
    assert document.meta == {"title": "시행령 입법예고", "author": "홍길동", "created": "2025-09-05",
                             "modified": "2025-09-07", "date": "2025-09-08", "department": FORM[1][1]}


def test_hwpx_saved_as_hwp_is_read(tmp_path: Path) -> None:
    assert read_document(_write(tmp_path / "misnamed.hwp", _document())).text.startswith(HEADLINE)


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    laughs = '<!DOCTYPE sec [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    parts = _document() | {"Contents/section0.xml": _section([_p(_run(_t("&b;")))], laughs)}
    with pytest.raises(CorruptFileError, match="section0.xml declares a DTD"):
        read_document(_write(tmp_path / "laughs.hwpx", parts))


def test_external_entity_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me", encoding="utf-8")
    external = f'<!DOCTYPE sec [<!ENTITY x SYSTEM "file://{secret}">]>'
    parts = _document() | {"Contents/section0.xml": _section([_p(_run(_t("&x;")))], external)}
    with pytest.raises(CorruptFileError, match="external references"):
        read_document(_write(tmp_path / "xxe.hwpx", parts))


def test_zip_bomb_is_a_named_error(tmp_path: Path) -> None:
    path = tmp_path / "bomb.hwpx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in _document().items():
            if name != "Contents/section0.xml":
                archive.writestr(name, body)
        with archive.open("Contents/section0.xml", "w") as member:  # 1 MB more than allowed, as spaces
            chunk = b" " * (1 << 20)
            for _ in range(MAX_EXPANDED_BYTES // len(chunk) + 1):
                member.write(chunk)
    assert path.stat().st_size < MAX_EXPANDED_BYTES // 500
    with pytest.raises(DecompressionBombError, match="section0.xml expands to"):
        read_document(path)


def test_encrypted_package_is_protected(tmp_path: Path) -> None:
    manifest = ('<?xml version="1.0"?><odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                '<odf:file-entry odf:full-path="Contents/section0.xml"><odf:encryption-data/></odf:file-entry>'
                "</odf:manifest>")
    parts = _document() | {"META-INF/manifest.xml": manifest}
    with pytest.raises(ProtectedDocumentError, match="encrypted"):
        read_document(_write(tmp_path / "locked.hwpx", parts))


def test_not_a_zip_or_no_sections_is_corrupt(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.hwpx"
    garbage.write_bytes(b"PK\x03\x04 not really a zip")
    empty = _write(tmp_path / "empty.hwpx", {"mimetype": "application/hwp+zip"})
    for path in (garbage, empty):
        with pytest.raises(CorruptFileError, match=path.name):
            read_document(path)


def test_absurd_nesting_is_corrupt_not_a_crash(tmp_path: Path) -> None:
    depth = 5000
    nested = "<hp:subList>" * depth + _p(_run(_t("deep"))) + "</hp:subList>" * depth
    parts = _document() | {"Contents/section0.xml": _section([nested])}
    with pytest.raises(CorruptFileError, match="nested too deeply"):
        read_document(_write(tmp_path / "deep.hwpx", parts))
