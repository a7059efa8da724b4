"""``MapState`` as JSON and back, so an app can store it between updates.

Ids (participants, statements) must be JSON numbers or strings; they come back as
they went in. Dict keys (the candidate numbers of groups) come back as ints.
"""

from __future__ import annotations

from typing import Any

from faelles.opinionmap.clusters import Cluster
from faelles.opinionmap.engine import MapState


def _cluster(c: Cluster) -> list:
    return [c.id, list(c.members), [c.center[0], c.center[1]]]


def _unclustered(data: list) -> Cluster:
    cid, members, center = data
    return Cluster(int(cid), tuple(members), (float(center[0]), float(center[1])))


def state_to_json(state: MapState) -> dict[str, Any]:
    return {
        "in_conv": sorted(state.in_conv),
        "statements": list(state.statements),
        "components": [list(c) for c in state.components],
        "base_clusters": [_cluster(c) for c in state.base_clusters],
        "group_clusterings": {
            str(k): [_cluster(c) for c in cl]
            for k, cl in state.group_clusterings.items()
        },
        "last_k": state.last_k,
        "last_k_count": state.last_k_count,
        "smoothed_k": state.smoothed_k,
    }


def state_from_json(data: dict[str, Any] | None) -> MapState | None:
    """The stored state, or None when nothing was stored yet."""
    if not data:
        return None
    return MapState(
        in_conv=frozenset(data["in_conv"]),
        statements=tuple(data["statements"]),
        components=tuple(tuple(float(x) for x in c) for c in data["components"]),
        base_clusters=tuple(_unclustered(c) for c in data["base_clusters"]),
        group_clusterings={
            int(k): tuple(_unclustered(c) for c in cl)
            for k, cl in data["group_clusterings"].items()
        },
        last_k=data["last_k"],
        last_k_count=int(data["last_k_count"]),
        smoothed_k=data["smoothed_k"],
    )
