"""Plain-text and Markdown readers: the decoded text is the body, unchanged but for newlines and BOM."""
from __future__ import annotations

import re
from pathlib import Path

from polytag.io.document import Extracted
from polytag.io.encoding import decode_text
from polytag.io.metadata import split_front_matter

_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)


def read_txt(data: bytes, path: Path) -> Extracted:
    """Read a plain-text file; its body is the decoded text as is."""
    text, codec = decode_text(data, path)
    return Extracted(text=text, encoding=codec)


def read_markdown(data: bytes, path: Path) -> Extracted:
    """Read a Markdown file; a YAML front-matter block becomes metadata and leaves the body."""
    text, codec = decode_text(data, path)
    front_matter, body = split_front_matter(text)
    heading = _ATX_HEADING.search(body)
    return Extracted(
        text=body,
        encoding=codec,
        front_matter=front_matter,
        heading=heading.group(1) if heading else None,
    )
