"""Saved ministry web pages (Korean, Chinese, English) with menus, breadcrumbs, related lists, cookie
notices, footers and scripts: only the article becomes segments.

Expectations are read from each page with BeautifulSoup: the article is the headline (marked
``data-test="headline"``) and the paragraphs, headings, list items and table cells of the element
marked ``data-test="article"``; the furniture is the text inside elements marked
``data-test="furniture"``.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from polytag.io import read_document
from polytag.text import segment

PAGES = sorted((Path(__file__).parent / "data" / "web").glob("*.html"))
ARTICLE_BLOCKS = ("h1", "h2", "h3", "h4", "p", "li", "th", "td")


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _expected(page: Path) -> tuple[list[str], list[str], dict[str, str]]:
    """(the headline and the article's blocks in order, furniture texts, metadata the page declares)."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    headline = soup.select_one('[data-test="headline"]')
    blocks = [_collapse(headline.get_text(" "))]
    for element in soup.select_one('[data-test="article"]').find_all(ARTICLE_BLOCKS):
        blocks.extend(_collapse(line) for line in element.get_text("\n").split("\n") if line.strip())
    furniture = [_collapse(element.get_text(" ")) for area in soup.select('[data-test="furniture"]')
                 for element in area.find_all(["a", "p", "li", "address", "button", "span", "h2", "h4"])
                 if element.get_text(strip=True)]
    meta = {"title": blocks[0],
            "date": soup.select_one('[data-test="date"]')["data-date"],
            "site": soup.select_one('[data-test="site"]')["content"],
            "lang": soup.html["lang"].split("-")[0]}
    return blocks, furniture, meta


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_only_the_article_becomes_text(page: Path) -> None:
    blocks, furniture, _ = _expected(page)
    document = read_document(page)
    paragraphs = document.text.split("\n\n")
    assert len(blocks) >= 10 and len(furniture) >= 15
    positions = [paragraphs.index(block) for block in blocks]  # every article block, whole and in order
    assert positions == sorted(positions)
    assert paragraphs[0] == blocks[0]  # the headline first
    article = " ".join(blocks)
    for text in furniture:
        assert text not in paragraphs, text
        assert text in article or text not in document.text, text
    for script_word in ("dataLayer", "function", "getElementById", "_hmt"):
        assert script_word not in document.text


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_segments_are_the_article_not_the_page(page: Path) -> None:
    blocks, furniture, meta = _expected(page)
    document = read_document(page)
    segments = segment(document.text, doc_id=document.id, lang=meta["lang"])
    article = " ".join(blocks)
    extra = [seg.text for seg in segments if seg.text not in article]
    assert len(extra) <= 8, extra  # e.g. a table caption, the article's date and department
    assert not set(extra) & set(furniture)


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_metadata_from_the_page(page: Path) -> None:
    _, _, meta = _expected(page)
    document = read_document(page)
    assert {key: document.meta.get(key) for key in meta} == meta
