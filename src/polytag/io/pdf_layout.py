"""Turn the positioned text lines of a PDF into clean paragraphs, one per output line.

The rules, all generic (nothing is specific to one document):

* Running headers and footers: a line among the first or last three lines of its page whose text,
  with digit runs and roman numerals normalised to ``#``, recurs at the same height (±5 pt) on at
  least 30 % of the pages (and at least two) is dropped. The first or last line of a page that is
  only a page number ("7", "iv", "Page 7 of 28", "- 7 -") is dropped too.
* Footnotes: at the bottom of a page, a run of lines in a smaller font than the body, at least one
  of which starts with a note marker (a superscript or a leading "1 "), is dropped; so are bottom
  blocks in body size that start with a note number and cite a URL or DOI. Superscript note
  markers inside the body are removed when the lines are built (:mod:`.pdf`).
* Paragraphs: a line continues the paragraph above it unless the font size changes, the vertical
  gap is clearly larger than the document's normal line spacing, it starts a bullet or numbered
  item, or the line above ended short: the first word of this line (plus two ems of slack) would
  have fitted after it, so the author broke the line on purpose. The right edge for that test is
  the paragraph's own widest line, or the body text's right margin for paragraphs that start at
  the body's left margin (an indented quote or list item has its own, narrower measure). At a page
  break the paragraph continues when the new line starts in lower case or the previous one did not
  end a sentence.
* Bullets (•, ▪, ■, -, Word's private-use glyphs, ...) become "• " and start their own paragraph;
  numbered items ("1.", "(a)", "iv)", "(1)", "一、") and Korean/Chinese article or chapter headings
  ("제3조(정의)", "第三条　") start their own paragraph.
* Table-of-contents entries (text, a dot leader and a page number) are dropped.
* Line joining and hyphenation: see :mod:`.hyphenation`.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from statistics import median

from polytag.io.hyphenation import LineJoiner

_EDGE_LINES = 3
_RUNNING_SHARE = 0.3
_RUNNING_MIN_PAGES = 2
_RUNNING_TOLERANCE = 5.0
_SIZE_TOLERANCE = 0.75
_SMALL_FONT = 0.9          # footnote text is below this fraction of the body size
_PARAGRAPH_GAP = 0.3       # extra gap, in font sizes, over normal spacing that ends a paragraph
_DEFAULT_GAP = 0.25        # normal gap between lines, in font sizes, when it cannot be measured
_SHORT_LINE_SLACK = 2.0    # room left (in font sizes) beyond the next word that makes a line "short"
_HEADING_SIZE = 1.15

_ROMAN = r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_PAGE_NUMBER = re.compile(
    rf"(?:page\s+)?(?:\d{{1,4}}|{_ROMAN})(?:\s*(?:of|/)\s*\d{{1,4}})?|[-–—]\s*\d{{1,4}}\s*[-–—]",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_BULLET = re.compile(
    r"^(?:[•●▪■◦○‣⁃∙·◆◇►▶➢➤✓✔\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8]\s*|[-–](?=\s)\s*)(?=\S)"
)
# Item numbers, and Korean/Chinese article and chapter headings ("제3조(정의)", "第三条　", "第一章 ")
# but not cross-references to them ("제3조에 따른", "第三条规定"), which may start a wrapped line.
_NUMBERED = re.compile(
    r"^(?:\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s|\([A-Z]\)\s|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)]\s"
    r"|제\s?\d+\s?조(?:의\s?\d+)?\s?\(|제\s?\d+\s?[장절]\s"
    r"|第[一二三四五六七八九十百千\d]+[条章节][\s\u3000]|[一二三四五六七八九十]+、"
    r"|[（(](?:[一二三四五六七八九十]+|\d{1,2})[）)])"
)
_NOTE_START = re.compile(r"^(?:\d{1,3}|[*†‡§])\s+\S")
_CITATION = re.compile(r"https?://|www\.|doi\.org|\bdoi:", re.IGNORECASE)
_TOC_ENTRY = re.compile(r"(?:(?:\.\s*){4,}|(?:·\s*){4,}|…+\s*)\d{1,4}\s*$")
_SENTENCE_END = re.compile(r"[.!?。！？:;：；][\"'”’)\]）」』]*$")


@dataclass(frozen=True)
class Line:
    """One line of text on a PDF page, with its position (points from the top-left) and font size."""

    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page_height: float
    lead_width: float  # width of the first word (first character for CJK), for the short-line test
    note_marker: bool = False  # the line began with a superscript note marker (since removed)


@dataclass(frozen=True)
class _Measure:
    """Typical geometry of the body text: font size, line gap (in sizes) and margins."""

    size: float
    gap_ratio: float
    left: float
    right: float


@dataclass(frozen=True)
class Layout:
    """Clean paragraphs in reading order, and the first heading (by font size) as a title hint."""

    paragraphs: list[str]
    heading: str | None


def paragraphs_from_lines(lines: list[Line]) -> Layout:
    """Clean paragraphs from the lines of a whole document, pages in order."""
    by_page: dict[int, list[Line]] = defaultdict(list)
    for line in lines:
        by_page[line.page].append(line)
    pages = [sorted(by_page[number], key=lambda line: line.top) for number in sorted(by_page)]
    measure = _measure(pages, _body_size(lines))
    pages = _drop_running_lines(pages)
    pages = [_drop_footnotes(page, measure) for page in pages]
    blocks = _group_paragraphs(pages, measure)
    joiner = LineJoiner(line.text for page in pages for line in page)
    paragraphs: list[str] = []
    heading: str | None = None
    for block in blocks:
        text = " ".join(joiner.join([line.text for line in block]).split())
        text = _BULLET.sub("• ", text, count=1)
        if _TOC_ENTRY.search(text) or not any(char.isalnum() for char in text):
            continue
        paragraphs.append(text)
        if heading is None and block[0].size >= _HEADING_SIZE * measure.size:
            heading = text
    return Layout(paragraphs, heading)


def _body_size(lines: list[Line]) -> float:
    """The font size carrying the most characters."""
    weights: Counter[float] = Counter()
    for line in lines:
        weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0]


def _measure(pages: list[list[Line]], body_size: float) -> _Measure:
    """Body geometry: the median gap between consecutive body lines (as a fraction of the size),
    the most common left edge and the 90th-percentile right edge of body lines."""
    body = [line for page in pages for line in page if abs(line.size - body_size) <= _SIZE_TOLERANCE]
    ratios = [
        (below.top - above.bottom) / body_size
        for page in pages
        for above, below in zip(page, page[1:])
        if abs(above.size - body_size) <= _SIZE_TOLERANCE and abs(below.size - body_size) <= _SIZE_TOLERANCE
        and -0.5 <= (below.top - above.bottom) / body_size <= 2.0
    ]
    rights = sorted(line.x1 for line in body)
    return _Measure(
        size=body_size,
        gap_ratio=median(ratios) if ratios else _DEFAULT_GAP,
        left=Counter(round(line.x0) for line in body).most_common(1)[0][0],
        right=rights[int(0.9 * (len(rights) - 1))],
    )


def _running_key(text: str) -> str:
    key = " ".join(_DIGITS.sub("#", text.casefold()).split())
    return "#" if re.fullmatch(_ROMAN, key) else key


def _drop_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Drop running headers/footers and bare page numbers at the top or bottom of each page."""
    edges = [
        (number, line)
        for number, page in enumerate(pages)
        for index, line in enumerate(page)
        if index < _EDGE_LINES or index >= len(page) - _EDGE_LINES
    ]
    positions: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for number, line in edges:
        positions[_running_key(line.text)].append((number, line.top))
    min_pages = max(_RUNNING_MIN_PAGES, math.ceil(_RUNNING_SHARE * len(pages)))
    running: set[int] = set()
    for number, line in edges:
        same_place = {
            other
            for other, top in positions[_running_key(line.text)]
            if abs(top - line.top) <= _RUNNING_TOLERANCE
        }
        if len(same_place) >= min_pages:
            running.add(id(line))
    cleaned = []
    for page in pages:
        kept = [line for line in page if id(line) not in running]
        if kept and _PAGE_NUMBER.fullmatch(kept[-1].text.strip()):
            kept.pop()
        if kept and _PAGE_NUMBER.fullmatch(kept[0].text.strip()):
            kept.pop(0)
        cleaned.append(kept)
    return cleaned


def _starts_note(line: Line) -> bool:
    return line.note_marker or _NOTE_START.match(line.text) is not None


def _drop_footnotes(page: list[Line], measure: _Measure) -> list[Line]:
    """Drop the footnote area at the bottom of a page (see the module docstring)."""
    end = len(page)
    while end > 0 and page[end - 1].size < _SMALL_FONT * measure.size:
        end -= 1
    if any(_starts_note(line) for line in page[end:]):
        page = page[:end]
    blocks = _gap_blocks(page, measure.gap_ratio)
    while blocks:
        block = blocks[-1]
        in_lower_half = block[0].top > block[0].page_height / 2
        cites = any(_CITATION.search(line.text) for line in block)
        if not (in_lower_half and _starts_note(block[0]) and cites):
            break
        blocks.pop()
        page = page[: len(page) - len(block)]
    return page


def _gap_blocks(page: list[Line], gap_ratio: float) -> list[list[Line]]:
    """Split a page's lines wherever the vertical gap marks a new paragraph."""
    blocks: list[list[Line]] = []
    for line in page:
        if blocks and not _large_gap(blocks[-1][-1], line, gap_ratio):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _large_gap(above: Line, below: Line, gap_ratio: float) -> bool:
    return below.top - above.bottom > (gap_ratio + _PARAGRAPH_GAP) * below.size


def _group_paragraphs(pages: list[list[Line]], measure: _Measure) -> list[list[Line]]:
    """Group lines into paragraphs, carrying a paragraph across a page break when it continues."""
    blocks: list[list[Line]] = []
    for page in pages:
        for index, line in enumerate(page):
            if blocks and _continues(blocks[-1], line, measure, new_page=index == 0):
                blocks[-1].append(line)
            else:
                blocks.append([line])
    return blocks


def _continues(block: list[Line], line: Line, measure: _Measure, *, new_page: bool) -> bool:
    previous = block[-1]
    if abs(previous.size - line.size) > _SIZE_TOLERANCE:
        return False
    if _BULLET.match(line.text) or _NUMBERED.match(line.text) or _TOC_ENTRY.search(previous.text):
        return False
    if _ended_short(block, line, measure):
        return False
    if new_page:
        return line.text[:1].islower() or _SENTENCE_END.search(previous.text) is None
    return not _large_gap(previous, line, measure.gap_ratio)


def _ended_short(block: list[Line], line: Line, measure: _Measure) -> bool:
    """True when the first word of ``line`` would have fitted on the block's last line."""
    right = max(max(other.x1 for other in block), line.x1)
    if abs(block[0].x0 - measure.left) <= line.size:
        right = max(right, measure.right)
    return right - block[-1].x1 > line.lead_width + _SHORT_LINE_SLACK * line.size
