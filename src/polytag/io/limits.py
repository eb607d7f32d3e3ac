"""Bounded decompression: a compressed part of a document may expand only so far.

HWP sections are raw-deflate streams and DOCX and HWPX files are zip archives; a crafted file
could expand to gigabytes (a "decompression bomb"). Zip containers are opened with
:func:`open_zip`, which checks the sizes their directory declares before anything is read
(``zipfile`` never returns more bytes for a member than declared: extra data fails the CRC
check); raw streams are inflated through :func:`inflate`, which stops at a limit. Both raise a
named error instead of filling memory.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from polytag.errors import CorruptFileError, DecompressionBombError

#: the most bytes one document may expand to, all its compressed parts together
MAX_EXPANDED_BYTES = 128 * 1024 * 1024
_CHUNK = 1024 * 1024


class Budget:
    """What is left of a document's decompression allowance, shared by all its parts."""

    def __init__(self, path: Path, limit: int = MAX_EXPANDED_BYTES) -> None:
        self.path = path
        self.limit = limit
        self.left = limit

    def take(self, size: int, part: str) -> None:
        """Account for ``size`` more expanded bytes of ``part``; raise once over the limit."""
        self.left -= size
        if self.left < 0:
            raise DecompressionBombError(
                self.path,
                f"{part} expands beyond {self.limit // (1024 * 1024)} MB (a decompression bomb?); not read",
            )


def inflate(data: bytes, budget: Budget, part: str, *, wbits: int = -15) -> bytes:
    """Inflate a deflate stream (raw by default) within ``budget``."""
    inflater = zlib.decompressobj(wbits)
    chunks: list[bytes] = []
    pending = data
    try:
        while pending:
            chunk = inflater.decompress(pending, _CHUNK)
            budget.take(len(chunk), part)
            chunks.append(chunk)
            pending = inflater.unconsumed_tail
            if inflater.eof:
                break
        chunk = inflater.flush(_CHUNK)
        budget.take(len(chunk), part)
        chunks.append(chunk)
    except zlib.error as exc:
        raise CorruptFileError(budget.path, f"{part} is not a valid compressed stream ({exc})") from exc
    return b"".join(chunks)


def read_bounded(stream: BinaryIO, budget: Budget, part: str) -> bytes:
    """Read an already-decompressing stream (a zip member) within ``budget``."""
    chunks: list[bytes] = []
    while chunk := stream.read(_CHUNK):
        budget.take(len(chunk), part)
        chunks.append(chunk)
    return b"".join(chunks)


#: the largest member (an XML part, an image) a reader may decompress
MAX_MEMBER_BYTES = 64 * 1024**2
#: the most all members together may expand to
MAX_TOTAL_BYTES = 256 * 1024**2
#: the most members a container may hold
MAX_MEMBERS = 10_000


def open_zip(data: bytes, path: Path, *, max_member: int = MAX_MEMBER_BYTES,
             max_total: int = MAX_TOTAL_BYTES) -> zipfile.ZipFile:
    """The ZIP archive in ``data``, once its declared sizes are within bounds.

    Raises :class:`~polytag.errors.CorruptFileError` when ``data`` is not a ZIP archive and
    :class:`~polytag.errors.DecompressionBombError` when it would expand beyond the limits.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise CorruptFileError(path, f"not a readable ZIP container ({exc})") from exc
    members = archive.infolist()
    total = sum(member.file_size for member in members)
    largest = max(members, key=lambda member: member.file_size, default=None)
    reason = None
    if len(members) > MAX_MEMBERS:
        reason = f"holds {len(members):,} parts (polytag reads at most {MAX_MEMBERS:,})"
    elif largest is not None and largest.file_size > max_member:
        reason = (f"part {largest.filename} expands to {_size(largest.file_size)} "
                  f"(polytag reads parts of at most {_size(max_member)})")
    elif total > max_total:
        reason = f"expands to {_size(total)} (polytag reads at most {_size(max_total)})"
    if reason:
        archive.close()
        raise DecompressionBombError(path, f"{reason}: a damaged file or a decompression bomb")
    return archive


def _size(n: int) -> str:
    return f"{n / 1024**3:.1f} GB" if n >= 1024**3 else f"{n / 1024**2:.1f} MB"
