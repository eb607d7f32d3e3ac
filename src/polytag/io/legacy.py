"""Legacy binary formats polytag does not read (.doc, .wps): a named error that says which
format the file is and how to convert it. (HWP 3.x is recognised by :mod:`polytag.io.hwp`.)"""
from __future__ import annotations

from pathlib import Path

from polytag.errors import LegacyFormatError
from polytag.io.document import Extracted
from polytag.io.hancom import CONVERT_HINT

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FORMATS = {".doc": "a Word 97-2003 binary document (.doc)", ".wps": "a WPS/Works word-processor document (.wps)"}


def read_legacy(data: bytes, path: Path) -> Extracted:
    """Read nothing: raise :class:`LegacyFormatError` naming the format and the conversion."""
    if data.startswith(b"PK"):  # a DOCX saved under the old extension
        from polytag.io.docx import read_docx

        return read_docx(data, path)
    if data.lstrip().startswith(b"{\\rtf"):
        kind = "an RTF document saved as " + path.suffix.lower()
    else:
        kind = _FORMATS.get(path.suffix.lower(), f"a legacy {path.suffix} document")
        if not data.startswith(_OLE_MAGIC):
            kind += " (or a damaged one)"
    raise LegacyFormatError(path, f"{kind}, which polytag does not read; {CONVERT_HINT}")
