"""A map without tiles: postcode centres as points on Denmark's coastline, in an
SVG, never an address.

Each point is a postcode's centre (from the matching engine's offline table), so
locations are blurred to the postcode by construction; listings sharing a postcode
become one point with a count. The coastline is Natural Earth's (public domain),
shipped as ``data/denmark.json`` (made by ``scripts/denmark_outline.py``). Nothing is
fetched: the page works offline, and the same numbers are in a table under the map
for screen readers.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from faelles.matching import geo

WIDTH, HEIGHT, PAD = 600, 420, 30
MIN_SPAN_KM = 40.0  # even one postcode is shown with its surroundings
COAST = Path(__file__).resolve().parent / "data" / "denmark.json"


@cache
def coastline() -> tuple[np.ndarray, ...]:
    """Denmark's land as rings of (x, y) kilometres, in the projection of ``geo``."""
    rings = json.loads(COAST.read_text())["rings"]
    return tuple(
        np.asarray(ring, dtype=float) * [geo._KM_PER_DEG_LON, geo._KM_PER_DEG_LAT]
        for ring in rings
    )


def coast_path(centre: np.ndarray, span: float, scale: float) -> str:
    """The coastline as one SVG path in the map's coordinates (rings outside the
    view are left out; the view box clips the rest)."""
    parts = []
    half = span * max(WIDTH, HEIGHT) / scale / 2 + 5
    for ring in coastline():
        low, high = ring.min(axis=0), ring.max(axis=0)
        if (high < centre - half).any() or (low > centre + half).any():
            continue
        xs = np.round(WIDTH / 2 + (ring[:, 0] - centre[0]) / span * scale, 1)
        ys = np.round(HEIGHT / 2 - (ring[:, 1] - centre[1]) / span * scale, 1)
        points = " ".join(f"{x:g},{y:g}" for x, y in zip(xs, ys, strict=True))
        parts.append(f"M{points}Z")
    return " ".join(parts)


@dataclass
class Point:
    x: float
    y: float
    r: float
    postcode: str
    name: str
    count: int


def map_points(rows) -> dict:
    """``rows`` are ``(postcode, count)`` pairs (see ``selectors.postcode_counts``)."""
    postcodes = geo.load()
    counts: Counter[str] = Counter()
    for code, n in rows:
        if postcodes.lookup(code) >= 0:
            counts[code] += n
    if not counts:
        return {"points": [], "width": WIDTH, "height": HEIGHT}
    codes = sorted(counts)
    index = np.array([postcodes.lookup(code) for code in codes])
    xy = postcodes.xy[index]
    low, high = xy.min(axis=0), xy.max(axis=0)
    span = max(float((high - low).max()), MIN_SPAN_KM)
    scale = min(WIDTH, HEIGHT) - 2 * PAD
    centre = (high + low) / 2
    n = np.array([counts[code] for code in codes], dtype=float)
    xs = np.round(WIDTH / 2 + (xy[:, 0] - centre[0]) / span * scale, 1).tolist()
    ys = np.round(HEIGHT / 2 - (xy[:, 1] - centre[1]) / span * scale, 1).tolist()
    rs = np.round(5 + 17 * np.sqrt(n / n.max()), 1).tolist()
    points = [
        Point(
            x=xs[i],
            y=ys[i],
            r=rs[i],
            postcode=code,
            name=postcodes.names[index[i]],
            count=counts[code],
        )
        for i, code in enumerate(codes)
    ]
    return {
        "points": points,
        "width": WIDTH,
        "height": HEIGHT,
        "coast": coast_path(centre, span, scale),
        "span_km": round(span),
        "total": sum(counts.values()),
    }


def render_points(points: list[Point], base: str) -> tuple[str, str]:
    """The SVG's points and the table's rows as HTML, written in Python.

    A big municipality has hundreds of postcodes; rendering each through the
    template language (or even ``format_html``) cost more than the rest of the page.
    Only the strings are escaped; the coordinates are numbers we computed.
    ``base`` is the query string the point links add ``postcode=`` to.
    """
    from html import escape

    from django.utils.safestring import mark_safe
    from django.utils.translation import ngettext

    prefix = f"?{base}&postcode=" if base else "?postcode="
    # The plural rule only tells one from many, so look the wording up twice.
    wording = {
        n: ngettext(
            "%(postcode)s %(name)s: %(count)s opslag",
            "%(postcode)s %(name)s: %(count)s opslag",
            n,
        )
        for n in (1, 2)
    }
    svg, rows = [], []
    for p in points:
        href = escape(prefix + p.postcode)
        code, name = escape(p.postcode), escape(p.name)
        label = wording[1 if p.count == 1 else 2] % {
            "postcode": p.postcode,
            "name": p.name,
            "count": p.count,
        }
        svg.append(
            f'<a href="{href}" aria-label="{escape(label)}"><circle cx="{p.x}" '
            f'cy="{p.y}" r="{p.r}" class="res-map-point"/><text x="{p.x}" y="{p.y}" '
            f'dy="-{round(p.r + 3, 1)}" class="res-map-label" aria-hidden="true">'
            f"{code}</text></a>"
        )
        rows.append(
            f'<tr><td><a href="{href}">{code}</a></td><td>{name}</td>'
            f"<td>{int(p.count)}</td></tr>"
        )
    return mark_safe("\n".join(svg)), mark_safe("\n".join(rows))  # noqa: S308
