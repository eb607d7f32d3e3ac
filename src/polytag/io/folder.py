"""Read every supported document under a folder, collecting per-file errors instead of stopping."""
from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from fnmatch import fnmatchcase
from pathlib import Path

from polytag.errors import DocumentError, SpecialFileError, UnreadableFileError, printable_path
from polytag.io.document import ReadResult
from polytag.io.metadata import MANIFEST_NAME, ManifestIndex, is_sidecar
from polytag.io.reader import SUPPORTED_SUFFIXES, load_document, read_document


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
        relative = printable_path(file.relative_to(root).as_posix())
        try:
            manifest_meta = manifests.meta_for(file)
            result.documents.append(load_document(file, doc_id=relative, manifest_meta=manifest_meta, ocr=ocr))
        except DocumentError as exc:
            result.errors.append(exc)
    result.errors.extend(manifests.errors)
    result.errors.sort(key=lambda error: Path(error.path).parts)
    return result


#: the longest string that may be taken for a path rather than for text
MAX_PATH_CHARS = 1024
_PATH_LIKE = re.compile(r"[\w.~:-]*[/\\][\w.~:/\\-]*", re.ASCII)


def looks_like_path(value: str) -> bool:
    """Whether a string given where a path or a text is accepted reads as a path: one line
    that names a file polytag reads (``report.pdf``), or letters, digits and ``._-~:`` with a
    folder separator (``corpora/zh``). Text such as "中国/美国关系" or "中国反对小院高墙。" does not."""
    value = value.strip()
    if not value or len(value) > MAX_PATH_CHARS or "\n" in value:
        return False
    return Path(value).suffix.lower() in SUPPORTED_SUFFIXES or bool(_PATH_LIKE.fullmatch(value))


def _exists(value: str) -> bool:
    """Whether ``value`` names a file or folder; False for a string no file system takes as a
    name (a component over 255 bytes, a NUL character)."""
    try:
        return Path(value).exists()
    except (OSError, ValueError):
        return False


def path_or_text(value: str) -> Path | None:
    """``value`` as a path when it names an existing file or folder; None when it is text.
    Raises :class:`UnreadableFileError` for a string that :func:`looks_like_path` but names
    nothing (relative paths start at the current folder, which the message names)."""
    if len(value) <= MAX_PATH_CHARS and "\n" not in value and value.strip() and _exists(value):
        return Path(value)
    if looks_like_path(value):
        raise UnreadableFileError(value, f"no such file or folder (relative to {printable_path(Path.cwd())}); "
                                         "to use this string as text, pass pandas.DataFrame({'text': [string]})")
    return None


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
    if not path.exists() and not path.is_symlink():  # a link cycle is reported as an error row
        raise UnreadableFileError(path, "no such file or folder")
    try:
        return ReadResult(documents=[read_document(path, ocr=ocr)])
    except DocumentError as exc:
        return ReadResult(errors=[exc])


def document_files(root: Path, errors: list[DocumentError], *, recursive: bool = True,
                   skip: Path | None = None) -> Iterator[Path]:
    """The files under ``root`` that are documents to read, in sorted depth-first order:
    hidden entries, ``manifest.csv``, ``*.meta.json`` sidecars, what ``.polytagignore`` lists
    and the folder ``skip`` (e.g. an output folder inside the input) are left out. Symbolic
    links are followed only to targets inside ``root``. Folders that cannot be listed, link
    cycles, links leading outside ``root`` and special files (named pipes, devices, sockets)
    are reported in ``errors``, never opened."""
    ignored = _ignore_patterns(root)
    for file in _files(root, root.resolve(), recursive, errors, visited=set(), skip=skip):
        if not _is_ignored(file.relative_to(root).as_posix(), ignored):
            yield file


def _files(folder: Path, real_root: Path, recursive: bool, errors: list[DocumentError], visited: set[Path],
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
        try:
            kind = _entry_kind(entry, real_root)
        except SpecialFileError as error:
            errors.append(error)
            continue
        if kind == "folder":
            if recursive and entry_path.resolve() not in visited:
                yield from _files(entry_path, real_root, recursive, errors, visited, skip)
        elif entry.name != MANIFEST_NAME and not is_sidecar(entry_path):
            yield entry_path


_SPECIAL_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
                  (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _entry_kind(entry: os.DirEntry, real_root: Path) -> str:
    """``"folder"`` or ``"file"`` for an entry that may be read; raises
    :class:`SpecialFileError` for a link cycle, a link out of ``real_root`` or a special file.
    A link whose target is missing counts as a file (reading it reports the error)."""
    path = Path(entry.path)
    try:
        mode = entry.stat().st_mode  # follows links
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SpecialFileError(path, "a cycle of symbolic links") from exc
        return "file"
    if entry.is_symlink() and not path.resolve().is_relative_to(real_root):
        raise SpecialFileError(path, f"a symbolic link to {printable_path(path.resolve())}, outside the "
                                     "folder being read")
    if stat.S_ISDIR(mode):
        return "folder"
    for test, kind in _SPECIAL_KINDS:
        if test(mode):
            raise SpecialFileError(path, f"{kind}, not a regular file")
    return "file"


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
