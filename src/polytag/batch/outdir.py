"""The output folder: who owns it, where the cached parts live, and what may be deleted.

Layout::

    OUTDIR/segments.parquet, segments.csv    one row per segment
    OUTDIR/documents.parquet, documents.csv  one row per document
    OUTDIR/errors.csv                        one row per file that could not be read
    OUTDIR/run.json                          versions, model, options, counts, timing
    OUTDIR/.polytag/owner.json               marks the folder as polytag's
    OUTDIR/.polytag/parts/<key>.parquet      one cached part per input file

Every file is written to a temporary name and moved into place, so a killed run leaves either
the previous file or the new one. Only files with polytag's own names are ever deleted. The
tables are written by :mod:`polytag.batch.assemble`.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from polytag.io.atomic import write_atomic
from polytag.errors import OutputDirError, printable_path

_PART_NAME = re.compile(r"[0-9a-f]{64}\.parquet")
_TMP_NAME = re.compile(r"\..+\.tmp-\d+-\d+")


class OutDir:
    """An output folder that polytag owns (claimed on creation)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.state = path / ".polytag"
        self.parts = self.state / "parts"

    def claim(self, *, force: bool) -> None:
        """Make the folder polytag's. A non-empty folder without polytag's marker is refused
        unless ``force``: polytag would overwrite files it did not write. A folder that cannot
        be written is an :class:`OutputDirError` naming the path."""
        if self.path.exists() and not self.path.is_dir():
            raise OutputDirError(f"{self.path} exists and is not a folder")
        marker = self.state / "owner.json"
        if not force and not marker.is_file() and self.path.is_dir() and any(self.path.iterdir()):
            raise OutputDirError(
                f"{self.path} is not empty and was not made by polytag; choose another folder or pass --force "
                "(polytag then writes its files there and deletes none of the others)")
        try:
            self.parts.mkdir(parents=True, exist_ok=True)
            if not marker.is_file():
                write_atomic(marker, lambda tmp: tmp.write_text(json.dumps({"made_by": "polytag tag"}) + "\n"))
        except OSError as error:
            raise OutputDirError(f"cannot write to {printable_path(error.filename or self.path)}: "
                                 f"{error.strerror or error}") from error

    def part(self, key: str) -> Path:
        return self.parts / f"{key}.parquet"

    def clean(self, keep: set[str]) -> None:
        """Delete parts of files no longer in the input (or made with another model) and
        temporary files left by a killed run."""
        for folder in (self.path, self.state, self.parts):
            for file in folder.iterdir():
                stale_part = folder == self.parts and _PART_NAME.fullmatch(file.name) and file.stem not in keep
                if stale_part or _TMP_NAME.fullmatch(file.name):
                    file.unlink(missing_ok=True)
