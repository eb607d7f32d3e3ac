"""Named exceptions. Every error a user can cause is a subclass of :class:`PolytagError`.

Errors about a file carry its path and the reason, so a batch can report them per file and
go on with the others.
"""
from __future__ import annotations

from pathlib import Path


class PolytagError(Exception):
    """Base class of every error polytag raises on purpose."""


#: the columns of an error row (``errors.csv``, ``Corpus.errors``)
ERROR_COLUMNS = ("file", "error", "reason")


class DocumentError(PolytagError):
    """A file could not be turned into a document. ``path`` and ``reason`` say which and why."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
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


class LanguageError(PolytagError):
    """A language code that polytag has no tokenizer for."""


class CodebookError(PolytagError):
    """A codebook or dictionary file is malformed."""


class ModelError(PolytagError):
    """A model file is missing, malformed, or was not made by polytag."""


class GoldDataError(PolytagError):
    """A labelled CSV lacks a column the evaluation needs or holds values other than 0/1."""


class OutputDirError(PolytagError):
    """An output folder belongs to something else and ``--force`` was not given."""


class ResultsError(PolytagError):
    """Tagging results lack what a report needs: the folder, one of its files, or a column.

    ``folder`` names the results folder (or what the results came from) and ``reason`` says
    what is missing.
    """

    def __init__(self, folder: str | Path, reason: str) -> None:
        self.folder = str(folder)
        self.reason = reason
        super().__init__(f"{self.folder}: {reason}")


class UnknownThemeError(PolytagError):
    """A theme name that the codebook or model does not hold."""


class OutputExistsError(PolytagError):
    """An output file exists already and ``--force`` was not given: nothing a user wrote is overwritten."""
