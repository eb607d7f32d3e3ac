"""HTML reader: the page's main content as one line per block element, paragraphs separated by a
blank line.

Saved web pages carry menus, breadcrumbs, cookie notices, related-article lists and footers around
the article. ``trafilatura`` finds the main content (headings, paragraphs, lists, tables); when what it
leaves out of the page's visible text includes at least two blocks that are nothing but a link
(menu items, breadcrumbs, related articles, footer links), its blocks are the body. Otherwise (a
plain HTML document without such furniture; trafilatura is unreliable on short pages) the page's
own blocks are: every visible block element, parsed with BeautifulSoup and ``html.parser``,
script, style and ``<nav>`` dropped. Either way whitespace inside
a block is collapsed, so a paragraph, heading, list item or table cell is exactly one line.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup, CData, NavigableString, PageElement, Tag

from polytag.io.document import Extracted
from polytag.io.encoding import decode_text
from polytag.io.metadata import normalise_meta

if TYPE_CHECKING:
    from lxml.etree import _Element

_DROPPED = frozenset({"script", "style", "nav", "noscript", "template", "head", "svg", "iframe"})
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hr", "html", "li", "main", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# <meta name|property=...> -> metadata key (before synonym normalisation).
_META_NAMES = {
    "author": "author",
    "description": "description",
    "keywords": "keywords",
    "date": "date",
    "dc.date": "date",
    "dcterms.date": "date",
    "article:published_time": "date",
    "citation_publication_date": "date",
    "dc.title": "title",
    "og:title": "title",
    "dc.language": "lang",
    "pubdate": "date",
    "og:site_name": "site",
    "sitename": "site",
}
_MIN_FURNITURE_LINKS = 2
# trafilatura's output elements that are one block each (<lb/> also ends a block)
_MAIN_BLOCKS = frozenset({"head", "p", "item", "cell", "quote", "code", "list", "table", "row"})
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SNIFF_BYTES = 4096


def read_html(data: bytes, path: Path) -> Extracted:
    """Read an HTML file into block-per-line text plus ``<title>``/``<meta>``/``lang`` metadata."""
    declared = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    text, codec = decode_text(data, path, declared.group(1).decode("ascii") if declared else None)
    soup = BeautifulSoup(text, "html.parser")
    blocks, heading = _blocks(soup)
    embedded = _embedded_meta(soup)
    import trafilatura  # imported here: 0.4 s that `polytag tag`'s parent process need not pay

    main = trafilatura.bare_extraction(text, include_tables=True, include_comments=False, with_metadata=True,
                                       date_extraction_params={"extensive_search": False})
    main_blocks = _main_blocks(main.body) if main is not None and main.body is not None else []
    if main_blocks and _has_furniture(soup, blocks, main_blocks):
        if main.title and main.title not in main_blocks and main.title in blocks:  # a heading outside the article
            main_blocks.insert(0, main.title)
        blocks, heading = main_blocks, main_blocks[0]
        found = normalise_meta({"title": main.title, "date": main.date, "site": main.sitename})
        embedded = {**found, **embedded, **({"title": found["title"]} if "title" in found else {})}
    return Extracted(text="\n\n".join(blocks), encoding=codec, embedded=embedded, heading=heading)


def _main_blocks(body: _Element) -> list[str]:
    """Text of each block of trafilatura's main-content tree, in order."""
    blocks: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        text = _collapse("".join(pending))
        if text:
            blocks.append(text)
        pending.clear()

    def visit(element: _Element) -> None:
        block = element.tag in _MAIN_BLOCKS
        if block or element.tag == "lb":
            flush()
        pending.append(element.text or "")
        for child in element:
            visit(child)
            pending.append(child.tail or "")
        if block:
            flush()

    visit(body)
    flush()
    return blocks


def _has_furniture(soup: BeautifulSoup, blocks: list[str], main: list[str]) -> bool:
    """Whether the page's blocks left out of the main content include two or more whole links."""
    links = {_collapse(link.get_text(" ")) for link in soup.find_all("a")}
    kept = " ".join(main)
    return sum(block in links and block not in kept for block in blocks) >= _MIN_FURNITURE_LINKS


def _blocks(soup: BeautifulSoup) -> tuple[list[str], str | None]:
    """Text of each visible block element in document order (``<br>`` also ends a block), and
    the text of the first visible heading."""
    blocks: list[str] = []
    pending: list[str] = []
    heading: str | None = None

    def flush() -> None:
        text = _collapse("".join(pending))
        if text:
            blocks.append(text)
        pending.clear()

    # The stack holds nodes still to visit and, for each open block element, an ``int`` marking its
    # end: the number of blocks emitted before it, so a heading's own blocks can be found.
    stack: list[PageElement | int] = list(reversed(soup.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, int):
            flush()
            if heading is None and node >= 0:
                heading = " ".join(blocks[node:]) or None
        elif isinstance(node, NavigableString):
            if type(node) is NavigableString or isinstance(node, CData):  # not comments/doctypes
                pending.append(str(node))
        elif isinstance(node, Tag) and node.name not in _DROPPED:
            if node.name == "br":
                flush()
            elif node.name in _BLOCKS:
                flush()
                stack.append(len(blocks) if node.name in _HEADINGS else -1)
                stack.extend(reversed(node.contents))
            else:
                stack.extend(reversed(node.contents))
    flush()
    return blocks, heading


def _embedded_meta(soup: BeautifulSoup) -> dict[str, str]:
    raw: dict[str, str] = {}
    html = soup.find("html")
    if isinstance(html, Tag) and html.get("lang"):
        raw["lang"] = str(html["lang"])
    for tag in soup.find_all("meta"):
        name = str(tag.get("name") or tag.get("property") or "").strip().casefold()
        key = _META_NAMES.get(name)
        if key and tag.get("content"):
            raw.setdefault(key, _collapse(str(tag["content"])))
    title = next((tag for tag in soup.find_all("title") if tag.find_parent("svg") is None), None)
    if title is not None and title.get_text(strip=True):
        raw["title"] = _collapse(title.get_text(" "))
    if "lang" in raw:
        raw["lang"] = raw["lang"].split("-")[0].strip().lower()  # BCP 47 primary subtag: en-US -> en
    return normalise_meta(raw)


def _collapse(text: str) -> str:
    return " ".join(text.split())
