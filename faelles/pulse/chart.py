"""The trend as a server-rendered SVG line chart: plain geometry for the
template (``pulse/partials/_trend_chart.html``). The same numbers are always
shown in a table beside it."""

from __future__ import annotations

from dataclasses import dataclass

from .instrument import SCALES

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 40
# Colours with at least 3:1 contrast on white, told apart also by dash and marker.
STYLES = [
    ("#004993", "", "circle"),
    ("#a34d00", "6 4", "square"),
    ("#1e6b34", "2 3", "diamond"),
    ("#6a1b9a", "10 3 2 3", "triangle"),
]


@dataclass
class Series:
    label: str
    colour: str
    dash: str
    marker: str
    segments: list[str]  # "x,y x,y …" for each unbroken run of points
    points: list[tuple[float, float, float]]  # x, y, value


@dataclass
class Chart:
    width: int
    height: int
    series: list[Series]
    x_labels: list[tuple[float, str]]
    y_ticks: list[tuple[float, int]]
    left: int
    right: int
    bottom: int
    label_x: int
    label_y: int


def trend_chart(labels: list[str], values: list[list[float | None]]) -> Chart:
    """``values[i][s]``: scale ``s`` in round ``i`` (None when hidden)."""
    inner_w = WIDTH - LEFT - RIGHT
    inner_h = HEIGHT - TOP - BOTTOM
    count = len(labels)

    def x(i: int) -> float:
        return LEFT + (inner_w / 2 if count == 1 else inner_w * i / (count - 1))

    def y(value: float) -> float:
        return round(TOP + inner_h * (1 - value / 100), 1)

    series = []
    for s, scale in enumerate(SCALES):
        colour, dash, marker = STYLES[s % len(STYLES)]
        segments: list[str] = []
        run: list[str] = []
        points = []
        for i in range(count):
            value = values[i][s]
            if value is None:
                if len(run) > 1:
                    segments.append(" ".join(run))
                run = []
                continue
            run.append(f"{round(x(i), 1)},{y(value)}")
            points.append((round(x(i), 1), y(value), value))
        if len(run) > 1:
            segments.append(" ".join(run))
        series.append(Series(scale.label, colour, dash, marker, segments, points))
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        series=series,
        x_labels=[(round(x(i), 1), label) for i, label in enumerate(labels)],
        y_ticks=[(y(v), v) for v in (0, 25, 50, 75, 100)],
        left=LEFT,
        right=WIDTH - RIGHT,
        bottom=HEIGHT - BOTTOM,
        label_x=LEFT - 8,
        label_y=HEIGHT - BOTTOM + 20,
    )
