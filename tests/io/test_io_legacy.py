"""Legacy formats (.doc, .wps): a named error that says which format and how to convert it."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from polytag.errors import LegacyFormatError
from polytag.io import read

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(("name", "data", "format_words"), [
    ("report.doc", OLE + bytes(2048), "Word 97-2003"),
    ("notice.wps", OLE + bytes(2048), "WPS/Works"),
    ("letter.doc", b"{\\rtf1\\ansi Policy}", "RTF document saved as .doc"),
    ("damaged.doc", b"not a word file", "damaged"),
])
def test_legacy_files_are_named_errors_with_a_conversion(tmp_path: Path, name: str, data: bytes,
                                                         format_words: str) -> None:
    (tmp_path / name).write_bytes(data)
    result = read(tmp_path)
    assert not result.documents
    [error] = result.errors
    assert isinstance(error, LegacyFormatError) and error.path == str(tmp_path / name)
    assert format_words in error.reason
    assert "soffice --headless --convert-to docx" in error.reason


def test_a_docx_saved_as_doc_is_read(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Open models matter.")
    document.save(tmp_path / "modern.doc")
    [read_back] = read(tmp_path).documents
    assert read_back.text == "Open models matter." and read_back.format == "doc"
