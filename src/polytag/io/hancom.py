"""What the HWP and HWPX readers share: collecting paragraphs and tables into body lines, and
reading the form that heads a Korean government press release as metadata.

Press releases start with a table of labelled fields (보도일시 / 배포일시 / 담당부서 / 담당자 ...).
It is not body text; its release date becomes the ``date`` and its department ``department``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: how to convert a document polytag cannot read into one it can
CONVERT_HINT = ("convert it to DOCX or PDF first, e.g. `soffice --headless --convert-to docx FILE` "
                "(LibreOffice), or save it as HWPX/DOCX in Hancom Office")

_DATE_LABELS = ("보도일시", "보도일자", "보도시점", "배포일시", "배포일자")
_DEPARTMENT_LABELS = ("담당부서", "작성부서", "담당과")
_FORM_LABELS = frozenset(_DATE_LABELS + _DEPARTMENT_LABELS + ("담당과장", "담당관", "담당자", "문의", "문의처", "연락처"))
_DATE = re.compile(r"((?:19|20)\d\d)\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})")


@dataclass
class Cell:
    """One table cell (or the content of a text box): its (row, column) and its lines."""

    position: tuple[int, int]
    lines: list[str]


class Collector:
    """Body lines of a document in order, and the metadata of a leading press-release form."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.meta: dict[str, str] = {}

    def add(self, item: str | list[Cell]) -> None:
        """Add a paragraph's line, or a table's cells in reading order."""
        if isinstance(item, str):
            if item:
                self.lines.append(item)
            return
        if not self.lines and not self.meta:
            form = _form_meta(item)
            if form is not None:
                self.meta = form
                return
        self.lines.extend(line for cell in item for line in cell.lines if line)


def _form_meta(cells: list[Cell]) -> dict[str, str] | None:
    """The fields of a press-release form (None if the cells are not one)."""
    texts = [" ".join(cell.lines) for cell in cells]
    labels = ["".join(text.split()) for text in texts]
    if sum(label in _FORM_LABELS for label in labels) < 2:
        return None
    meta: dict[str, str] = {}
    for label, value in zip(labels, texts[1:]):
        if label in _DATE_LABELS and "date" not in meta and (match := _DATE.search(value)):
            meta["date"] = "{}-{:0>2}-{:0>2}".format(*match.groups())
        elif label in _DEPARTMENT_LABELS and "department" not in meta and value:
            meta["department"] = value
    return meta
