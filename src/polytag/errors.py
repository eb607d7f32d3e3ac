"""Named exceptions. Every error a user can cause is a subclass of :class:`PolytagError`.

Errors about a file carry its path and the reason, so a batch can report them per file and
go on with the others.
"""
from __future__ import annotations

import os
from pathlib import Path


class PolytagError(Exception):
    """Base class of every error polytag raises on purpose."""


#: the columns of an error row (``errors.csv``, ``Corpus.errors``)
ERROR_COLUMNS = ("file", "error", "reason")


def printable_path(path: str | Path) -> str:
    """``path`` as text that can be written anywhere: bytes of a file name that are not valid
    UTF-8 (kept by Python as surrogates) are shown as ``\\xff`` escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


class DocumentError(PolytagError):
    """A file could not be turned into a document. ``path`` and ``reason`` say which and why;
    ``path`` is printable (see :func:`printable_path`)."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = printable_path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def as_record(self) -> dict[str, str]:
        """The error as a row of ``errors.csv``: file, error (the class name), reason."""
        return {"file": self.path, "error": type(self).__name__, "reason": self.reason}


class UnsupportedFormatError(DocumentError):
    """The file's extension is not one polytag reads."""


class EmptyDocumentError(DocumentError):
    """The file holds no text (zero bytes, whitespace only, or a PDF with no text layer)."""


class BinaryFileError(DocumentError):
    """The file looks like binary data rather than text."""


class EncodingError(DocumentError):
    """The bytes of a text file could not be decoded in any supported encoding."""


class CorruptFileError(DocumentError):
    """A PDF, DOCX or other container file is damaged or not what its extension says."""


class UnreadableFileError(DocumentError):
    """The file does not exist or cannot be opened (permissions, a directory, ...)."""


class ProtectedDocumentError(DocumentError):
    """The file's text is locked: a password-protected or distribution-only (배포용) document."""


class DecompressionBombError(DocumentError):
    """A compressed part of the file expands beyond polytag's limit (a decompression bomb?)."""


class LegacyFormatError(DocumentError):
    """An old binary format polytag does not read (.doc, .wps, HWP 3.x); the reason says which
    format it is and how to convert it."""


class OcrUnavailableError(PolytagError):
    """OCR was asked for but the ``ocr`` extra, the Tesseract program or its language data is
    missing; the message says what to install."""


class SpecialFileError(DocumentError):
    """Not a regular file polytag may read: a named pipe, a device, a socket, a symbolic link
    cycle, or a link that leads outside the folder being read."""


class PolytagWarning(UserWarning):
    """Base class of the warnings polytag gives about input it read but had to repair."""


class DecodingWarning(PolytagWarning):
    """A text file was decoded with some bytes replaced (U+FFFD): the message names the file
    and the number of bytes."""


class ManifestWarning(PolytagWarning):
    """A ``manifest.csv`` row that is probably a mistake (a file listed twice, a file that is
    not there): the message names the manifest and the line."""


class LanguageError(PolytagError, ValueError):
    """A language code that polytag has no tokenizer for."""


class CodebookError(PolytagError, ValueError):
    """A codebook or dictionary file is malformed: the message names the file and the entry."""


class CodebookNotFoundError(CodebookError, FileNotFoundError):
    """A codebook file that does not exist or cannot be opened."""


class ThemeNameError(CodebookError):
    """A theme name that would collide with a column of the tagging tables (``text``,
    ``n_tokens``, ``p_open``, ``tokens`` which makes ``n_tokens``): the message names it."""


class ModelError(PolytagError, ValueError):
    """A model folder is malformed or was not made by polytag."""


class ModelNotFoundError(ModelError, FileNotFoundError):
    """A model folder that does not exist, or lacks the model's files."""


class GoldDataError(PolytagError, ValueError):
    """A labelled CSV cannot be parsed, lacks a column training or evaluation needs, or holds
    values other than 0/1: the message names the file and the column or line."""


class GoldNotFoundError(GoldDataError, FileNotFoundError):
    """A labelled CSV that does not exist or cannot be opened."""


class UnknownOptionError(PolytagError, ValueError):
    """An option value polytag does not know (a keyword method, a plot kind, a report format, a
    concordance value type, ...); the message lists the accepted values."""


class OutputDirError(PolytagError):
    """An output folder belongs to something else and ``--force`` was not given, or it cannot
    be written."""


class WorkerBugError(PolytagError):
    """Tagging failed inside a worker for a reason that is not a problem of the document (a bug
    in polytag or a library it uses). Not written to ``errors.csv``; the files and reasons are
    in the message and ``failures``, finished files are kept, and ``polytag tag`` exits 3."""

    def __init__(self, failures: list[dict[str, str]]) -> None:
        self.failures = failures
        first = failures[0]
        more = f" (and {len(failures) - 1} more file(s))" if len(failures) > 1 else ""
        super().__init__(f"internal error while tagging {first['file']}: {first['error']}: {first['reason']}{more}; "
                         "this is a bug in polytag, not a problem of the documents: please report it. "
                         "Finished files are kept: running the same command again retries the others")


class WorkerDiedError(PolytagError):
    """A worker process of a batch run died (killed, e.g. for lack of memory). Finished files
    are kept: running the same command again completes the run."""


class ResultsError(PolytagError):
    """Tagging results lack what a report needs: the folder, one of its files, or a column.

    ``folder`` names the results folder (or what the results came from) and ``reason`` says
    what is missing.
    """

    def __init__(self, folder: str | Path, reason: str) -> None:
        self.folder = str(folder)
        self.reason = reason
        super().__init__(f"{self.folder}: {reason}")


class UnknownThemeError(PolytagError, ValueError):
    """A theme name that the codebook, the model or the results do not hold; the message lists
    the themes they have."""


class OutputExistsError(PolytagError):
    """An output file exists already and ``--force`` was not given: nothing a user wrote is overwritten."""
