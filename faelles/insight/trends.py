"""The series other apps publish themselves (``InsightTrend`` in
``core/insight_sources.py``: the pulse's closed rounds), collected by the
refresh and stored as they are.

The app has suppressed them by its own rules; this module only checks that
what it is given is publishable — a point with fewer than five behind it, or
hidden, is stored without count and values — so that a mistake in a source
cannot put a small group on the dashboard. It recomputes nothing.
"""

from __future__ import annotations

from datetime import date

from faelles.core.insight_sources import InsightPoint, InsightTrend, insight_trends
from faelles.disclosure import THRESHOLD, is_small

from .models import TrendPoint


def _stored(municipality, trend: InsightTrend, position: int, point: InsightPoint):
    hidden = point.count is None or is_small(point.count, THRESHOLD)
    if len(point.values) != len(trend.columns):
        raise ValueError(f"insight trend {trend.key}: a value for every column")
    return TrendPoint(
        municipality=municipality,
        source=trend.key,
        position=position,
        label=point.label[:200],
        day=point.day,
        count=None if hidden else point.count,
        values=[None if hidden or v is None else float(v) for v in point.values],
    )


def collect(municipality, *, start: date, end: date) -> list[TrendPoint]:
    """Every trend's points in the window, ready to be stored."""
    out: list[TrendPoint] = []
    for trend in insight_trends():
        points = [
            p for p in trend.points(municipality, start, end) if start <= p.day < end
        ]
        points.sort(key=lambda p: p.day)
        out.extend(
            _stored(municipality, trend, n, point) for n, point in enumerate(points)
        )
    return out
