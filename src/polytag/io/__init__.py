"""Read AI-policy documents (txt, Markdown, HTML, PDF, DOCX) into :class:`Document` objects.

``read_document`` reads one file and raises a named :class:`~polytag.errors.DocumentError` on
failure; ``read_folder`` and ``read`` collect such errors per file and go on.
"""
from __future__ import annotations

from polytag.io.document import Document, ReadResult
from polytag.io.folder import read, read_folder
from polytag.io.reader import SUPPORTED_SUFFIXES, read_document

__all__ = ["Document", "ReadResult", "SUPPORTED_SUFFIXES", "read", "read_document", "read_folder"]
