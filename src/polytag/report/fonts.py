"""A font with Hangul and Han glyphs for charts, so Korean and Chinese labels do not render as
tofu boxes: Noto Sans CJK SC (SIL Open Font License), shipped by the ``mplfonts`` package.

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


def chart_rc() -> dict[str, Any]:
    """matplotlib settings for polytag charts: the CJK fallback font, text drawn as paths in
    SVG (so the file shows the same glyphs where the font is not installed)."""
    family = font_manager.FontProperties(fname=cjk_font()).get_name()
    return {"font.family": ["DejaVu Sans", family], "svg.fonttype": "path"}
