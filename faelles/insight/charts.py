"""Server-rendered SVG charts: the geometry here, the markup in
``templates/insight/partials/_bars.html`` and ``_lines.html``. Every chart is
followed on the page by a table of the same numbers; a hidden figure (None) is
drawn as nothing and labelled "–"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 640
ROW = 40
LABEL_WIDTH = 0  # labels sit above their bar, so narrow screens keep the bar
# Colour and dash per line, distinguishable without colour (WCAG 1.4.1).
STYLES = [
    ("#0059b3", ""),
    ("#b34700", "8 4"),
    ("#2e7d32", "2 3"),
    ("#6a1b9a", "10 3 2 3"),
    ("#00695c", "4 4"),
    ("#ad1457", "12 2"),
    ("#37474f", "1 2"),
]


@dataclass
class Bar:
    label: str
    value: int | None
    y: float
    width: float


def bars(points: list[tuple[str, int | None]]) -> dict:
    top = max((v for _l, v in points if v), default=0) or 1
    out = []
    for i, (label, value) in enumerate(points):
        width = 0.0 if not value else max(2.0, (WIDTH - 60) * value / top)
        out.append(Bar(str(label), value, i * ROW, width))
    return {"bars": out, "height": max(ROW, len(points) * ROW), "width": WIDTH}


@dataclass
class Line:
    label: str
    colour: str
    dash: str
    segments: list[str]  # "x,y x,y …" for each unbroken run
    dots: list[tuple[float, float]]


def lines(
    columns: list[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    height: int = 220,
    *,
    top: float | None = None,
) -> dict:
    """``columns`` label the x axis (keep them short: the table under the chart
    has the long names); ``top`` fixes the y axis' top (a score's 100)."""
    top = top or max((v for _l, vs in series for v in vs if v), default=0) or 1
    left, right, bottom, upper = 40, 30, 28, 12  # room for the last label
    span = max(1, len(columns) - 1)
    xs = [left + (WIDTH - left - right) * i / span for i in range(len(columns))]

    def y(v: float) -> float:
        return upper + (height - upper - bottom) * (1 - v / top)

    out = []
    for n, (label, values) in enumerate(series):
        colour, dash = STYLES[n % len(STYLES)]
        segments: list[str] = []
        run: list[str] = []
        dots: list[tuple[float, float]] = []
        for x, v in zip(xs, values, strict=True):
            if v is None:
                if run:
                    segments.append(" ".join(run))
                run = []
                continue
            run.append(f"{x:.1f},{y(v):.1f}")
            dots.append((round(x, 1), round(y(v), 1)))
        if run:
            segments.append(" ".join(run))
        out.append(Line(str(label), colour, dash, segments, dots))
    ticks = [(round(x, 1), c) for x, c in zip(xs, columns, strict=True)]
    return {
        "lines": out,
        "ticks": ticks,
        "width": WIDTH,
        "height": height,
        "baseline": height - bottom,
        "top": int(top) if float(top).is_integer() else round(top, 1),
        "top_y": upper,
        "left": left,
    }
