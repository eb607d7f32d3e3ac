"""Charts of theme frequencies: a heatmap of theme share by document or group, and a grouped
bar chart comparing groups. Figures are built without pyplot (no global state, Agg canvas),
with a CJK fallback font so Korean and Chinese labels render."""
from __future__ import annotations

from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from polytag.io.atomic import write_atomic
from polytag.report.fonts import chart_rc

#: chart image formats written by :func:`save_figure`
IMAGE_FORMATS = ("png", "svg")
#: longest row or legend label shown; longer ones are cut with an ellipsis
MAX_LABEL_CHARS = 48


def heatmap(frequencies: pd.DataFrame, *, by: str | None = None, title: str | None = None) -> Figure:
    """Theme share (% of segments tagged) per row of ``frequencies`` (a
    :func:`theme_frequencies` table), each cell labelled with the share and ``n / N``."""
    by = by or frequencies.columns[0]
    themes = _themes(frequencies)
    shares = frequencies[[f"share_{t}" for t in themes]].to_numpy(dtype=float) * 100
    with matplotlib.rc_context(chart_rc()):
        fig = _figure(width=2.0 + max(1.5 * len(themes), 4.0) + 0.06 * _label_width(frequencies[by]),
                      height=1.6 + 0.42 * len(frequencies))
        ax = fig.add_subplot()
        vmax = max(float(shares.max(initial=0)), 1.0)
        image = ax.imshow(shares, cmap="Blues", vmin=0, vmax=vmax, aspect="auto")
        for (row, col), share in np.ndenumerate(shares):
            count = f"{frequencies[f'n_{themes[col]}'].iloc[row]}/{frequencies['n_segments'].iloc[row]}"
            ax.text(col, row, f"{share:.1f}%\n{count}", ha="center", va="center", fontsize=8,
                    color="white" if share > 0.6 * vmax else "black")
        ax.set_xticks(range(len(themes)), themes, rotation=20, ha="right")
        ax.set_yticks(range(len(frequencies)), [_short(label) for label in frequencies[by]])
        ax.set_ylabel(by)
        ax.set_title(title or f"Share of segments tagged, by {by}")
        fig.colorbar(image, ax=ax, label="% of segments", shrink=0.8)
    return fig


def bar_chart(frequencies: pd.DataFrame, *, by: str | None = None, title: str | None = None) -> Figure:
    """Grouped bars: for each theme, the share of segments tagged in each group."""
    by = by or frequencies.columns[0]
    themes = _themes(frequencies)
    groups = list(frequencies[by])
    width = 0.8 / max(len(groups), 1)
    with matplotlib.rc_context(chart_rc()):
        fig = _figure(width=max(6.0, 1.2 * len(themes) * max(1, len(groups) / 3)) + 2.5, height=4.5)
        ax = fig.add_subplot()
        for i, group in enumerate(groups):
            shares = [frequencies[f"share_{t}"].iloc[i] * 100 for t in themes]
            bars = ax.bar(np.arange(len(themes)) + (i - (len(groups) - 1) / 2) * width, shares, width,
                          label=_short(group))
            if len(groups) <= 6:
                ax.bar_label(bars, fmt="%.1f", fontsize=7, padding=1)
        ax.set_xticks(range(len(themes)), themes)
        ax.set_ylabel("% of segments tagged")
        ax.set_title(title or f"Theme share by {by}")
        ax.legend(title=by, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
    return fig


def save_figure(fig: Figure, stem: str | Path) -> list[Path]:
    """Write ``fig`` as ``<stem>.png`` and ``<stem>.svg``; return the paths."""
    stem = Path(stem)
    paths = [stem.with_name(f"{stem.name}.{fmt}") for fmt in IMAGE_FORMATS]
    with matplotlib.rc_context(chart_rc()):
        for path, fmt in zip(paths, IMAGE_FORMATS):
            write_atomic(path, lambda tmp, fmt=fmt: fig.savefig(tmp, format=fmt, dpi=150))
    return paths


def _figure(*, width: float, height: float) -> Figure:
    fig = Figure(figsize=(min(width, 18.0), min(height, 30.0)), layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _themes(frequencies: pd.DataFrame) -> list[str]:
    return [str(c).removeprefix("share_") for c in frequencies.columns if str(c).startswith("share_")]


def _label_width(labels: pd.Series) -> int:
    return max((len(_short(label)) for label in labels), default=0)


def _short(label: object) -> str:
    text = str(label)
    return text if len(text) <= MAX_LABEL_CHARS else text[: MAX_LABEL_CHARS - 1] + "…"
