"""The value types the readers produce: one :class:`Document` per file, a :class:`ReadResult` per call."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from polytag.errors import DocumentError


@dataclass(frozen=True)
class Document:
    """One document read from disk.

    ``text`` is the body the rest of polytag works on (segment offsets index into it); ``meta`` holds
    string metadata only, with the standard keys ``title``, ``country``, ``lang``, ``date`` and
    ``doc_type`` where known. ``warnings`` holds what was repaired while reading (the messages of
    :class:`~polytag.errors.PolytagWarning` s, which are also issued as Python warnings).
    """

    id: str
    path: Path
    text: str
    meta: dict[str, str]
    format: str
    encoding: str | None
    warnings: tuple[str, ...] = ()


@dataclass
class ReadResult:
    """The documents read from a file or folder, and one error per file that could not be read."""

    documents: list[Document] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)


@dataclass(frozen=True)
class Extracted:
    """What a format reader returns: body text, metadata found inside the file, and hints.

    ``embedded`` is metadata from document properties (PDF info, DOCX core properties, HTML
    ``<title>``/``<meta>``), which is less trusted than a manifest; ``front_matter`` is metadata the
    author put in the text itself (Markdown YAML), which overrides a manifest. ``heading`` is the
    first heading, used as a title when no metadata gives one.
    """

    text: str
    encoding: str | None = None
    embedded: dict[str, str] = field(default_factory=dict)
    front_matter: dict[str, str] = field(default_factory=dict)
    heading: str | None = None
