"""Read every supported document under a folder, collecting per-file errors instead of stopping."""
from __future__ import annotations

import os
from collections.abc import Iterator
from fnmatch import fnmatchcase
from pathlib import Path

from polytag.errors import DocumentError, UnreadableFileError
from polytag.io.document import ReadResult
from polytag.io.metadata import MANIFEST_NAME, ManifestIndex, is_sidecar
from polytag.io.reader import load_document, read_document


def read_folder(path: str | Path, *, recursive: bool = True, ocr: str | None = None) -> ReadResult:
    """Read the documents in a folder (and its sub-folders unless ``recursive=False``).

    Files are visited in sorted path order, so results are deterministic. Hidden files and
    folders (names starting with "."), ``manifest.csv`` files, ``*.meta.json`` sidecars and
    whatever ``.polytagignore`` in ``path`` lists are skipped; every other file yields a
    document or one error. Document ids are POSIX paths relative to ``path``. A broken
    manifest is reported once as an error and ignored. ``ocr``: see :func:`read_document`.
    """
    root = Path(path)
    if not root.is_dir():
        raise UnreadableFileError(root, "not a folder" if root.exists() else "no such folder")
    manifests = ManifestIndex(root)
    result = ReadResult()
    for file in document_files(root, result.errors, recursive=recursive):
        relative = file.relative_to(root).as_posix()
        try:
            manifest_meta = manifests.meta_for(file)
            result.documents.append(load_document(file, doc_id=relative, manifest_meta=manifest_meta, ocr=ocr))
        except DocumentError as exc:
            result.errors.append(exc)
    result.errors.extend(manifests.errors)
    result.errors.sort(key=lambda error: Path(error.path).parts)
    return result


def read(path: str | Path, *, ocr: str | None = None) -> ReadResult:
    """Read a single file or a whole folder; a file's failure is reported in ``errors``.

    Raises :class:`UnreadableFileError` only when ``path`` does not exist at all, and
    :class:`~polytag.errors.OcrUnavailableError` when ``ocr`` is asked for but cannot run.
    """
    path = Path(path)
    if ocr is not None:
        from polytag.io.ocr import require_ocr

        require_ocr(ocr)
    if path.is_dir():
        return read_folder(path, ocr=ocr)
    if not path.exists():
        raise UnreadableFileError(path, "no such file or folder")
    try:
        return ReadResult(documents=[read_document(path, ocr=ocr)])
    except DocumentError as exc:
        return ReadResult(errors=[exc])


def document_files(root: Path, errors: list[DocumentError], *, recursive: bool = True,
                   skip: Path | None = None) -> Iterator[Path]:
    """The files under ``root`` that are documents to read, in sorted depth-first order:
    hidden entries, ``manifest.csv``, ``*.meta.json`` sidecars, what ``.polytagignore`` lists
    and the folder ``skip`` (e.g. an output folder inside the input) are left out. Folders
    that cannot be listed are reported in ``errors``."""
    ignored = _ignore_patterns(root)
    for file in _files(root, recursive, errors, visited=set(), skip=skip):
        if not _is_ignored(file.relative_to(root).as_posix(), ignored):
            yield file


def _files(folder: Path, recursive: bool, errors: list[DocumentError], visited: set[Path],
           skip: Path | None) -> Iterator[Path]:
    """Files to read under ``folder``, depth first, each folder's entries sorted by name.

    An unreadable sub-folder is reported in ``errors``; ``visited`` stops symlink cycles.
    """
    visited.add(folder.resolve())
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        errors.append(UnreadableFileError(folder, f"cannot list folder: {exc.strerror or exc}"))
        return
    for entry in entries:
        entry_path = Path(entry.path)
        if entry.name.startswith(".") or (skip is not None and entry_path == skip):
            continue
        if entry.is_dir():
            if recursive and entry_path.resolve() not in visited:
                yield from _files(entry_path, recursive, errors, visited, skip)
        elif entry.name != MANIFEST_NAME and not is_sidecar(entry_path):
            yield entry_path


IGNORE_FILE = ".polytagignore"


def _ignore_patterns(root: Path) -> list[str]:
    """Glob patterns from ``.polytagignore`` (like ``.gitignore``: one per line, ``#`` comments,
    ``name/`` for a folder), matched against paths relative to the folder read."""
    try:
        lines = (root / IGNORE_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _is_ignored(relative: str, patterns: list[str]) -> bool:
    parts = relative.split("/")
    for pattern in patterns:
        if pattern.endswith("/"):
            folder = pattern.rstrip("/")
            if any(fnmatchcase("/".join(parts[:i]), folder) or fnmatchcase(parts[i - 1], folder) for i in range(1, len(parts))):
                return True
        elif fnmatchcase(relative, pattern) or ("/" not in pattern and fnmatchcase(parts[-1], pattern)):
            return True
    return False
