"""Open ZIP containers (DOCX, and any other zip-based format) with bounded decompression.

A small file can expand to gigabytes (a "zip bomb"). Python's ``zipfile`` never returns more
bytes for a member than the size its directory declares (extra data fails the CRC check), so
checking the declared sizes before any member is read bounds the memory every reader needs.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from polytag.errors import DecompressionBombError, CorruptFileError

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
