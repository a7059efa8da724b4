"""A map without tiles: postcode centres as points in an SVG, never an address.

Each point is a postcode's centre (from the matching engine's offline table), so
locations are blurred to the postcode by construction; listings sharing a postcode
become one point with a count. No map tiles are fetched: the page works offline,
and the same numbers are in a table under the map for screen readers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from faelles.matching import geo

WIDTH, HEIGHT, PAD = 600, 420, 30


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
    counts = Counter()
    for code, n in rows:
        if postcodes.lookup(code) >= 0:
            counts[code] += n
    if not counts:
        return {"points": [], "width": WIDTH, "height": HEIGHT}
    rows = {code: postcodes.lookup(code) for code in counts}
    xs = [postcodes.xy[r][0] for r in rows.values()]
    ys = [postcodes.xy[r][1] for r in rows.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 10.0)
    scale = min(WIDTH, HEIGHT) - 2 * PAD
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    most = max(counts.values())
    points = []
    for code, row in sorted(rows.items()):
        x, y = postcodes.xy[row]
        n = counts[code]
        points.append(
            Point(
                x=round(WIDTH / 2 + (x - cx) / span * scale, 1),
                y=round(HEIGHT / 2 - (y - cy) / span * scale, 1),
                r=round(5 + 17 * (n / most) ** 0.5, 1),
                postcode=code,
                name=postcodes.names[row],
                count=n,
            )
        )
    return {
        "points": points,
        "width": WIDTH,
        "height": HEIGHT,
        "span_km": round(span),
        "total": sum(counts.values()),
    }


def render_points(points: list[Point], base: str) -> tuple[str, str]:
    """The SVG's points and the table's rows as HTML, written in Python.

    A big municipality has hundreds of postcodes; rendering each through the
    template language cost more than the rest of the page together.
    ``base`` is the query string the point links add ``postcode=`` to.
    """
    from django.utils.html import format_html_join
    from django.utils.translation import ngettext

    def link(code: str) -> str:
        return f"?{base}&postcode={code}" if base else f"?postcode={code}"

    svg = format_html_join(
        "\n",
        '<a href="{}" aria-label="{}"><circle cx="{}" cy="{}" r="{}" '
        'class="res-map-point"/><text x="{}" y="{}" dy="-{}" class="res-map-label" '
        'aria-hidden="true">{}</text></a>',
        (
            (
                link(p.postcode),
                ngettext(
                    "%(postcode)s %(name)s: %(count)s opslag",
                    "%(postcode)s %(name)s: %(count)s opslag",
                    p.count,
                )
                % {"postcode": p.postcode, "name": p.name, "count": p.count},
                p.x,
                p.y,
                p.r,
                p.x,
                p.y,
                round(p.r + 3, 1),
                p.postcode,
            )
            for p in points
        ),
    )
    rows = format_html_join(
        "\n",
        '<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td></tr>',
        ((link(p.postcode), p.postcode, p.name, p.count) for p in points),
    )
    return svg, rows
