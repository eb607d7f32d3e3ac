"""Decode the bytes of a text file: BOM, then strict UTF-8, then UTF-8 with a few bad bytes,
then charset-normalizer detection.

Policy documents from Korea and China are often saved in legacy code pages (CP949/EUC-KR,
GB18030/GBK, Big5). Detection is only trusted after the fast UTF-8 path fails, and the reported
codec is always the superset that was actually used to decode (``gb18030`` for the GB family,
``cp949`` for EUC-KR), so re-encoding the text never loses characters.

A UTF-8 file with a few damaged bytes stays UTF-8: when the bytes of its valid multi-byte
characters are at least as many as its invalid bytes (legacy code pages rarely form valid UTF-8 sequences by chance),
the bad bytes become U+FFFD and a :class:`~polytag.errors.DecodingWarning` names the file and
how many bytes were replaced.
"""
from __future__ import annotations

import codecs
import re
import warnings
from pathlib import Path

import charset_normalizer

from polytag.errors import BinaryFileError, DecodingWarning, EmptyDocumentError, EncodingError, printable_path

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Detected codec -> the superset polytag decodes with instead.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "euc_kr": "cp949"}

# Control bytes that never occur in text (everything below 0x20 except \t \n \v \f \r and ESC).
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.01
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # an invalid byte, as ``surrogateescape`` keeps it
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def decode_text(data: bytes, path: Path, declared: str | None = None) -> tuple[str, str]:
    """Return ``(text, codec)`` for the bytes of a text file, with newlines normalised to ``\\n``.

    ``declared`` is a charset the file names itself (an HTML ``<meta charset>``); it is tried after
    UTF-8 and before detection, because detection is least reliable on markup-heavy files.
    Raises :class:`EmptyDocumentError` for no bytes, :class:`BinaryFileError` for NUL or other
    control bytes, and :class:`EncodingError` when no supported codec decodes the bytes.
    """
    if not data:
        raise EmptyDocumentError(path, "the file is empty (0 bytes)")
    text, codec = _decode_with_bom(data, path) or _decode_without_bom(data, path, declared)
    return normalise_newlines(text), codec


def normalise_newlines(text: str) -> str:
    """Turn Windows and old-Mac line ends into ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_with_bom(data: bytes, path: Path) -> tuple[str, str] | None:
    """Decode by the byte-order mark, which is authoritative when present."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff"), codec
            except UnicodeDecodeError as exc:
                reason = f"invalid {codec} after its byte-order mark ({exc.reason})"
                raise EncodingError(path, reason) from exc
    return None


def _decode_without_bom(data: bytes, path: Path, declared: str | None) -> tuple[str, str]:
    _reject_binary(data, path)
    for codec in ("utf-8", _canonical(declared) if declared else None):
        if codec is not None:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass
    repaired = _mostly_utf8(data, path)
    if repaired is not None:
        return repaired, "utf-8"
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise EncodingError(path, "the bytes are not valid in any supported text encoding")
    codec = _canonical(best.encoding)
    if codec is None:
        return str(best), best.encoding
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError:
        return str(best), best.encoding


def _mostly_utf8(data: bytes, path: Path) -> str | None:
    """``data`` as UTF-8 with its invalid bytes replaced (and a warning), when valid multi-byte
    characters hold at least as many bytes as are invalid; else None."""
    bad = len(_ESCAPED_BYTE.findall(data.decode("utf-8", "surrogateescape")))
    if len(_HIGH_BYTE.findall(data)) - bad < bad:
        return None
    warnings.warn(DecodingWarning(f"{printable_path(path)}: {bad} byte{'s' if bad > 1 else ''} not valid UTF-8, "
                                  "replaced with U+FFFD"), stacklevel=2)
    return data.decode("utf-8", "replace")


def _canonical(name: str) -> str | None:
    """Python's name for a codec, widened to its superset; None for a codec Python lacks."""
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return _SUPERSETS.get(codec.replace("-", "_"), codec)


def _reject_binary(data: bytes, path: Path) -> None:
    if b"\x00" in data:
        raise BinaryFileError(path, "NUL bytes found: this is binary data, not text")
    sample = data[:_SNIFF_BYTES]
    if len(_CONTROL_BYTES.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise BinaryFileError(path, "control bytes found: this is binary data, not text")
