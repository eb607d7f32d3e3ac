"""Read one file into a :class:`Document`: pick the format reader by suffix, then merge metadata.

Metadata precedence, lowest first: document properties embedded in the file (PDF info, DOCX core
properties, HTML ``<title>``/``<meta>``, often stale or generic) < ``manifest.csv`` < Markdown
front matter < sidecar ``.meta.json`` < the explicit ``meta=`` argument. When none gives a title,
the first heading or first non-empty line is used.
"""
from __future__ import annotations

import errno
import stat
import warnings
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path

from polytag.errors import EmptyDocumentError, PolytagWarning, SpecialFileError, UnreadableFileError, UnsupportedFormatError, printable_path
from polytag.io.docx import read_docx
from polytag.io.document import Document, Extracted
from polytag.io.html import read_html
from polytag.io.hwp import read_hwp
from polytag.io.hwpx import read_hwpx
from polytag.io.legacy import read_legacy
from polytag.io.metadata import ManifestIndex, fallback_title, merge_meta, normalise_meta, read_sidecars
from polytag.io.pdf import read_pdf
from polytag.io.text import read_markdown, read_txt

Reader = Callable[[bytes, Path], Extracted]

# suffix -> (format name, reader)
READERS: dict[str, tuple[str, Reader]] = {
    ".txt": ("txt", read_txt),
    ".md": ("md", read_markdown),
    ".markdown": ("md", read_markdown),
    ".html": ("html", read_html),
    ".htm": ("html", read_html),
    ".pdf": ("pdf", read_pdf),
    ".docx": ("docx", read_docx),
    ".hwp": ("hwp", read_hwp),
    ".hwpx": ("hwpx", read_hwpx),
    ".doc": ("doc", read_legacy),
    ".wps": ("wps", read_legacy),
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(READERS)


def read_document(
    path: str | Path, *, doc_id: str | None = None, meta: Mapping[str, str] | None = None,
    ocr: str | None = None,
) -> Document:
    """Read one file. ``doc_id`` defaults to the file name; ``meta`` overrides all other metadata;
    ``ocr`` (Tesseract languages or ``"auto"``) reads PDF pages without a text layer by OCR.

    A ``manifest.csv`` in the file's own folder applies. Raises a
    :class:`~polytag.errors.DocumentError` subclass naming the file (or its broken manifest) and
    the reason.
    """
    path = Path(path)
    manifests = ManifestIndex(path.parent)
    manifest_meta = manifests.meta_for(path)
    if manifests.errors:
        raise manifests.errors[0]
    return load_document(path, doc_id=doc_id or printable_path(path.name), manifest_meta=manifest_meta, meta=meta,
                         ocr=ocr)


def load_document(
    path: Path,
    *,
    doc_id: str,
    manifest_meta: Mapping[str, str],
    meta: Mapping[str, str] | None = None,
    ocr: str | None = None,
) -> Document:
    """Read one file with manifest metadata already looked up (the folder reader does that)."""
    _require_file(path)
    suffix = path.suffix.lower()
    if suffix not in READERS:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise UnsupportedFormatError(
            path, f"unsupported file type {suffix or '(none)'!r}; polytag reads {supported}"
        )
    fmt, reader = READERS[suffix]
    if ocr is not None and reader is read_pdf:
        reader = partial(read_pdf, ocr=ocr)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot open: {exc.strerror or exc}") from exc
    if not data:
        raise EmptyDocumentError(path, "the file is empty (0 bytes)")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PolytagWarning)
        extracted = reader(data, path)
    for warning in caught:  # kept on the document, and passed on
        warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    if not extracted.text.strip():
        raise EmptyDocumentError(path, "the file holds no text")
    merged = merge_meta(
        extracted.embedded,
        manifest_meta,
        extracted.front_matter,
        read_sidecars(path),
        normalise_meta(meta or {}),
    )
    if "title" not in merged:
        title = fallback_title(extracted.heading, extracted.text)
        if title:
            merged["title"] = title
    return Document(
        id=doc_id, path=path, text=extracted.text, meta=merged, format=fmt, encoding=extracted.encoding,
        warnings=tuple(str(w.message) for w in caught if issubclass(w.category, PolytagWarning)),
    )


def _require_file(path: Path) -> None:
    """Raise unless ``path`` is a regular file (a named pipe would block the reader forever)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SpecialFileError(path, "a cycle of symbolic links") from exc
        reason = "no such file" if isinstance(exc, FileNotFoundError) else f"cannot open: {exc.strerror or exc}"
        raise UnreadableFileError(path, reason) from exc
    if stat.S_ISDIR(mode):
        raise UnreadableFileError(path, "is a directory, not a file")
    if not stat.S_ISREG(mode):
        raise SpecialFileError(path, "not a regular file (a named pipe, a device or a socket)")
