"""Charts render Korean and Chinese with a font that has the glyphs; highlights are escaped."""
from __future__ import annotations

import warnings

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

from polytag.report import bar_chart, cjk_font, heatmap, highlight, save_figure
from polytag.report.fonts import chart_rc, covers

FREQUENCIES = pd.DataFrame({
    "country": ["한국 KR", "中国 CN", "US"], "n_segments": [80, 50, 40],
    "n_openness": [12, 3, 0], "share_openness": [0.15, 0.06, 0.0],
    "n_地缘政治": [5, 20, 30], "share_地缘政治": [5 / 80, 0.4, 0.75],
})


def test_cjk_font_has_hangul_and_han_glyphs():
    path = cjk_font()
    charmap = FT2Font(str(path)).get_charmap()
    assert ord("한") in charmap and ord("中") in charmap
    assert covers(path, "한국어中文")


def test_cjk_font_is_the_fallback_matplotlib_finds():
    family = chart_rc()["font.family"]
    assert family[0] == "DejaVu Sans"
    found = font_manager.findfont(font_manager.FontProperties(family=family[1]), fallback_to_default=False)
    assert covers(found, "한中")  # ours, or a system copy of the same family


@pytest.mark.parametrize("plot", [heatmap, bar_chart])
def test_charts_with_korean_and_chinese_labels_draw_every_glyph(plot, tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = plot(FREQUENCIES, by="country", title="주제 비율 主题比例")
        paths = save_figure(fig, tmp_path / "chart")
    assert not [w for w in caught if "missing from font" in str(w.message)]
    assert [p.suffix for p in paths] == [".png", ".svg"] and all(p.stat().st_size > 1000 for p in paths)
    svg = paths[1].read_text(encoding="utf-8")
    assert "NotoSansCJK" in svg  # CJK glyphs drawn as paths from the CJK font


SHARES = FREQUENCIES[["share_openness", "share_地缘政治"]].to_numpy() * 100


def test_heatmap_cells_are_the_shares_and_counts_of_the_table():
    ax = heatmap(FREQUENCIES, by="country").axes[0]
    np.testing.assert_allclose(ax.images[0].get_array(), SHARES)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["한국 KR", "中国 CN", "US"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["openness", "地缘政治"]
    assert [t.get_text() for t in ax.texts] == ["15.0%\n12/80", "6.2%\n5/80", "6.0%\n3/50", "40.0%\n20/50",
                                                 "0.0%\n0/40", "75.0%\n30/40"]
    assert ax.get_ylabel() == "country"


def test_bar_chart_has_one_bar_per_theme_and_group_as_tall_as_its_share():
    ax = bar_chart(FREQUENCIES, by="country").axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["한국 KR", "中国 CN", "US"]
    np.testing.assert_allclose([[bar.get_height() for bar in group] for group in ax.containers], SHARES)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["openness", "地缘政治"]
    assert ax.get_ylabel() == "% of segments tagged"
    long = FREQUENCIES.assign(country=["x" * 100, "b", "c"])
    label = bar_chart(long, by="country").axes[0].get_legend().get_texts()[0].get_text()
    assert len(label) == 48 and label.endswith("…")  # long group names are cut


def test_charts_leave_global_settings_alone():
    before = list(matplotlib.rcParams["font.family"])
    heatmap(FREQUENCIES, by="country")
    assert matplotlib.rcParams["font.family"] == before


def test_highlight_escapes_around_and_inside_marks():
    text = 'a <script>x</script> & "open source" b'
    start = text.index("open source")
    evidence = [{"theme": "t", "start": start, "end": start + 11, "source": "seed", "term": 'open source"<'},
                {"theme": "t", "start": start + 5, "end": start + 11, "source": "word", "term": "source"},
                {"theme": "t", "start": 2, "end": 10, "source": "chars", "term": "<scr"}]
    html = highlight(text, evidence)
    assert "<script" not in html
    assert html.startswith('a <mark class="feature" title="&lt;scr">&lt;script&gt;</mark>x&lt;/script&gt; &amp; &quot;')
    assert '<mark class="seed" title="open source&quot;&lt;; source">open source</mark>&quot; b' in html
