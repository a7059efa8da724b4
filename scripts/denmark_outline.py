#!/usr/bin/env python3
"""Write Denmark's coastline for the resources map (faelles/resources/data/denmark.json).

Source: the npm package ``world-atlas`` (TopoJSON of Natural Earth's 1:10m admin-0
countries; Natural Earth is in the public domain), a development dependency in
package.json. The output is committed, so Fælles never reads the package (or the
network) at run time; run this only to make the file again:

    npm ci && python scripts/denmark_outline.py

Each ring is simplified (Douglas–Peucker, about 300 m) and rounded to 3 decimals.
"""

import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules" / "world-atlas" / "countries-10m.json"
TARGET = ROOT / "faelles" / "resources" / "data" / "denmark.json"
TOLERANCE_KM = 0.3
KM_LAT, KM_LON = 110.57, 111.32 * math.cos(math.radians(56.0))


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indices) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc[1:] if points else arc)
    return points


def simplify(points, tolerance_km: float):
    """Douglas–Peucker in kilometres (iterative, so long coasts cannot recurse deep)."""
    if len(points) < 4:
        return points
    xy = [(lon * KM_LON, lat * KM_LAT) for lon, lat in points]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = xy[first], xy[last]
        length = math.hypot(bx - ax, by - ay) or 1e-9
        best, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = xy[i]
            d = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            if d > best:
                best, index = d, i
        if best > tolerance_km:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify_ring(points, tolerance_km: float):
    """A closed ring: split at the point farthest from the start, simplify both."""
    if len(points) < 4:
        return points
    x0, y0 = points[0]
    far = max(
        range(len(points)),
        key=lambda i: (
            ((points[i][0] - x0) * KM_LON) ** 2 + ((points[i][1] - y0) * KM_LAT) ** 2
        ),
    )
    return simplify(points[: far + 1], tolerance_km)[:-1] + simplify(
        points[far:], tolerance_km
    )


def main() -> int:
    if not SOURCE.exists():
        print(f"{SOURCE} is missing: run npm ci first", file=sys.stderr)
        return 1
    topology = json.loads(SOURCE.read_text())
    arcs = decode_arcs(topology)
    (denmark,) = [
        g
        for g in topology["objects"]["countries"]["geometries"]
        if g.get("properties", {}).get("name") == "Denmark"
    ]
    polygons = (
        denmark["arcs"] if denmark["type"] == "MultiPolygon" else [denmark["arcs"]]
    )
    rings = []
    for polygon in polygons:
        outer = simplify_ring(ring(arcs, polygon[0]), TOLERANCE_KM)
        if len(outer) >= 4:
            rings.append([[round(lon, 3), round(lat, 3)] for lon, lat in outer])
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(
        json.dumps(
            {
                "source": "Natural Earth 1:10m admin-0 countries (public domain), "
                "via the npm package world-atlas 2.0.2; scripts/denmark_outline.py",
                "rings": rings,
            },
            separators=(",", ":"),
        )
    )
    print(
        f"{TARGET.relative_to(ROOT)}: {len(rings)} rings, {sum(map(len, rings))} points"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
