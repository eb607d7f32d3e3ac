"""A font with Hangul and Han glyphs for charts and HTML pages, so Korean and Chinese text
does not render as tofu boxes: Noto Sans CJK SC (SIL Open Font License), shipped by the
``mplfonts`` package. Pages embed a subset holding only the characters they use.

It is registered with matplotlib and used as the fallback after DejaVu Sans, matplotlib's
default, so Latin text looks as usual and each CJK glyph comes from the Noto font.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

#: the font file inside the ``mplfonts`` package
FONT_FILE = "NotoSansCJKsc-Regular.otf"
#: characters a chart font must have: a Hangul syllable and a Han ideograph
PROBE = "한中"


@lru_cache(maxsize=1)
def cjk_font() -> Path:
    """The CJK font file, registered with matplotlib's font manager on first call."""
    path = Path(str(resources.files("mplfonts").joinpath("fonts", FONT_FILE)))
    font_manager.fontManager.addfont(str(path))
    return path


def covers(path: str | Path, chars: str = PROBE) -> bool:
    """Whether the font file at ``path`` has a glyph for every character of ``chars``."""
    charmap = FT2Font(str(path)).get_charmap()
    return all(ord(char) in charmap for char in chars)


def is_cjk(char: str) -> bool:
    """Whether ``char`` is Hangul, Han, kana or CJK punctuation (what Latin fonts lack)."""
    code = ord(char)
    return (0x1100 <= code <= 0x11FF or 0x2E80 <= code <= 0x9FFF or 0xA960 <= code <= 0xA97F
            or 0xAC00 <= code <= 0xD7FF or 0xF900 <= code <= 0xFAFF or 0xFE30 <= code <= 0xFE4F
            or 0xFF00 <= code <= 0xFFEF or 0x20000 <= code <= 0x3FFFF)


def cjk_subset(text: str) -> bytes | None:
    """The CJK font cut down to the CJK characters of ``text`` (an OpenType file of a few
    hundred kB at most, to embed in a page); None when ``text`` has none."""
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    chars = "".join(sorted({char for char in text if is_cjk(char)}))
    if not chars:
        return None
    options = subset.Options()
    options.layout_features, options.hinting, options.desubroutinize = [], False, True
    font = TTFont(str(cjk_font()), lazy=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def chart_rc() -> dict[str, Any]:
    """matplotlib settings for polytag charts: the CJK fallback font, text drawn as paths in
    SVG (so the file shows the same glyphs where the font is not installed)."""
    family = font_manager.FontProperties(fname=cjk_font()).get_name()
    return {"font.family": ["DejaVu Sans", family], "svg.fonttype": "path"}
