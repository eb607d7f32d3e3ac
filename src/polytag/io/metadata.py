"""Document metadata from Markdown front matter, sidecar JSON files and ``manifest.csv`` files.

Every source is normalised the same way: values become strings (lists are joined with ``"; "``,
dates become ISO strings), empty values are dropped, and known synonyms are mapped onto the
standard keys ``title``, ``country``, ``lang``, ``date`` and ``doc_type``. A ``date`` that cannot be
read as ``yyyy-mm-dd`` or ``yyyy`` is kept verbatim under ``date_raw`` so the standard key always
holds an ISO value.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import warnings
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from polytag.errors import CorruptFileError, DocumentError, ManifestWarning, UnreadableFileError, printable_path
from polytag.io.encoding import decode_text

MANIFEST_NAME = "manifest.csv"
SIDECAR_SUFFIX = ".meta.json"
TITLE_MAX_CHARS = 200

# Synonyms (compared case-insensitively) -> standard key. The Korean keys are those of the
# legalize-kr statute files (제목 = title, 공포일자 = promulgation date).
_KEY_ALIASES = {
    "title": "title",
    "제목": "title",
    "date": "date",
    "공포일자": "date",
    "country": "country",
    "lang": "lang",
    "language": "lang",
    "type": "doc_type",
    "doc_type": "doc_type",
}

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_YMD = re.compile(r"(\d{4})\s*[-/.년年]\s*(\d{1,2})\s*[-/.월月]\s*(\d{1,2})\s*[.일日]?")
_COMPACT_YMD = re.compile(r"(\d{4})(\d{2})(\d{2})")
_YEAR = re.compile(r"(\d{4})\s*[년年]?")
_TEXT_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a leading YAML front-matter block off Markdown text: ``(meta, rest)``.

    Text without a block, or whose block is not a YAML mapping, is returned unchanged with no
    metadata: a leading ``---`` is then an ordinary horizontal rule, not front matter.
    """
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, Mapping):
        return {}, text
    return normalise_meta(data), text[match.end():]


def normalise_meta(raw: Mapping[Any, Any]) -> dict[str, str]:
    """Stringify values, drop empty ones, map synonyms to standard keys and ISO-format ``date``.

    A standard key written as such wins over a synonym of it (``title`` over ``제목``).
    """
    meta: dict[str, str] = {}
    aliased: dict[str, str] = {}
    for key, value in raw.items():
        name = str(key).strip()
        text = _stringify(value)
        if not name or not text:
            continue
        standard = _KEY_ALIASES.get(name.casefold())
        if standard is None:
            meta[name] = text
        elif name.casefold() == standard:
            meta[standard] = text
        else:
            aliased.setdefault(standard, text)
    for key, text in aliased.items():
        meta.setdefault(key, text)
    if "date" in meta:
        iso = normalise_date(meta["date"])
        if iso is None:
            meta["date_raw"] = meta.pop("date")
        else:
            meta["date"] = iso
    return meta


def year_of(meta: Mapping[str, str]) -> int | None:
    """A document's year: from its ``date``, else from a ``year`` key (metadata values are
    strings, dates already normalised to ``yyyy-mm-dd`` or ``yyyy``)."""
    for value in (meta.get("date"), meta.get("year")):
        if value and value[:4].isdigit():
            return int(value[:4])
    return None


def normalise_date(value: str) -> str | None:
    """Return ``value`` as ``yyyy-mm-dd`` (or ``yyyy`` when only a year is given), or None."""
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        pass
    for pattern in (_YMD, _COMPACT_YMD):
        match = pattern.fullmatch(value)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                return None
    match = _YEAR.fullmatch(value)
    if match:
        return match.group(1)
    for fmt in _TEXT_DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _stringify(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "; ".join(part for part in (_stringify(item) for item in value) if part)
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value).strip()


def sidecar_paths(path: Path) -> list[Path]:
    """Sidecar files that may describe ``path``, least specific first.

    ``NAME.meta.json`` applies to every file called NAME.*, ``NAME.EXT.meta.json`` to one file.
    """
    return [path.with_name(path.stem + SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)]


def is_sidecar(path: Path) -> bool:
    """True for a sidecar metadata file, which is read as metadata, never as a document."""
    return path.name.endswith(SIDECAR_SUFFIX)


def read_sidecars(path: Path) -> dict[str, str]:
    """Merged metadata of the sidecar files beside ``path`` (the more specific one wins).

    A broken sidecar fails its document: the error names the document and the sidecar.
    """
    meta: dict[str, str] = {}
    for sidecar in sidecar_paths(path):
        if sidecar.is_file():
            try:
                meta.update(_read_sidecar(sidecar))
            except DocumentError as exc:
                raise type(exc)(path, f"sidecar {sidecar.name}: {exc.reason}") from exc
    return meta


def _read_sidecar(sidecar: Path) -> dict[str, str]:
    text, _ = decode_text(_read_bytes(sidecar), sidecar)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorruptFileError(sidecar, f"sidecar metadata is not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise CorruptFileError(sidecar, "sidecar metadata must be a JSON object")
    return normalise_meta(data)


def read_manifest(manifest: Path) -> dict[str, dict[str, str]]:
    """Map each file named in a manifest (a POSIX path relative to its folder) to its metadata.

    A row that spans several lines (an unclosed quote swallows the rows after it) makes the
    manifest a :class:`CorruptFileError` naming the line. A file listed twice (the later row
    wins) or a row naming no file on disk gives a :class:`ManifestWarning` with the line.
    """
    data = _read_bytes(manifest)
    if not data.strip():
        return {}
    text, _ = decode_text(data, manifest)
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or "file" not in [name.strip() for name in reader.fieldnames]:
        raise CorruptFileError(manifest, "manifest has no 'file' column")
    entries: dict[str, dict[str, str]] = {}
    lines: dict[str, int] = {}
    end = reader.line_num
    for row in reader:
        start, end = end + 1, reader.line_num
        if end > start:
            raise CorruptFileError(manifest, f"line {start}: a quoted value runs on to line {end} (an unclosed "
                                             "quote?), swallowing the rows in between; close the quote")
        row = {(key or "").strip(): value for key, value in row.items()}
        name = (row.pop("file") or "").strip()
        if not name:
            continue
        key = _manifest_key(name)
        if key in lines:
            _warn(manifest, start, f"{name} is listed again (first on line {lines[key]}); this row wins")
        elif not os.path.lexists(manifest.parent / key):
            _warn(manifest, start, f"no file {name} beside the manifest")
        entries[key], lines[key] = normalise_meta({k: v for k, v in row.items() if k}), start
    return entries


def _warn(manifest: Path, line: int, message: str) -> None:
    warnings.warn(ManifestWarning(f"{printable_path(manifest)} line {line}: {message}"), stacklevel=3)


def _manifest_key(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).as_posix().removeprefix("./")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot open: {exc.strerror or exc}") from exc


class ManifestIndex:
    """Metadata from every ``manifest.csv`` on the way to a file, cached per folder.

    A manifest applies to files in its folder and below; a deeper manifest overrides a shallower
    one for the same file. Manifests above the root count too, for the rows that name files
    under it: reading ``corpora/ko`` keeps the metadata of ``corpora/manifest.csv``. A broken
    manifest under the root is recorded once in ``errors`` and then ignored, so it does not fail
    every document beneath it; a broken one above the root is ignored (it may not be the user's).
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.errors: list[DocumentError] = []
        self._cache: dict[Path, dict[str, dict[str, str]]] = {}
        self._above = [folder for folder in reversed(root.absolute().parents)]

    def meta_for(self, path: Path) -> dict[str, str]:
        """Merged manifest metadata for ``path``, which must lie under the root."""
        meta: dict[str, str] = {}
        relative = path.relative_to(self.root)
        absolute = path.absolute()
        for folder in self._above:
            meta.update(self._entries(folder, record_errors=False).get(absolute.relative_to(folder).as_posix(), {}))
        folders = [self.root.joinpath(*relative.parts[:depth]) for depth in range(len(relative.parts))]
        for folder in folders:
            entries = self._entries(folder)
            meta.update(entries.get(path.relative_to(folder).as_posix(), {}))
        return meta

    def _entries(self, folder: Path, *, record_errors: bool = True) -> dict[str, dict[str, str]]:
        if folder not in self._cache:
            manifest = folder / MANIFEST_NAME
            entries: dict[str, dict[str, str]] = {}
            if manifest.is_file():
                try:
                    entries = read_manifest(manifest)
                except DocumentError as exc:
                    if record_errors:
                        self.errors.append(exc)
            self._cache[folder] = entries
        return self._cache[folder]


def merge_meta(*layers: Mapping[str, str]) -> dict[str, str]:
    """Merge metadata layers, later ones winning; empty values never overwrite."""
    merged: dict[str, str] = {}
    for layer in layers:
        merged.update({key: value for key, value in layer.items() if value})
    return merged


def fallback_title(heading: str | None, text: str) -> str | None:
    """A title from the first heading, else the first line with a letter or digit (not a rule
    such as ``---``), cut to 200 characters."""
    candidate = heading or next((line for line in text.splitlines() if any(c.isalnum() for c in line)), None)
    if candidate is None:
        return None
    return " ".join(candidate.split())[:TITLE_MAX_CHARS].strip() or None
