"""Bounded decompression: a compressed part of a document may expand only so far.

HWP sections are raw-deflate streams and HWPX files are zip archives; a crafted file could
expand to gigabytes (a "decompression bomb"). Every such stream is inflated through
:func:`inflate`, which stops at a limit and raises a named error instead of filling memory.
"""
from __future__ import annotations

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
