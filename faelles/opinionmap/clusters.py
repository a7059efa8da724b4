"""Polis' k-means: deterministic start, warm start from the last update, silhouette.

Polis does not use k-means++ or random restarts. A fresh clustering starts from the
first k distinct points; an update starts from the previous clusters, re-centred on
the new positions, with the most distant point split off until there are k clusters
again ("clean start"). That is what keeps groups stable across updates, so we follow
it step by step (polismath ``clusters.clj``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SAME_CLUSTERING = 0.01  # centres moving less than this: converged (polismath)


@dataclass(frozen=True)
class Cluster:
    id: int
    members: tuple  # member ids (participants, or base-cluster ids for groups)
    center: tuple[float, float]


def _weighted_mean(points: np.ndarray, weights: np.ndarray | None) -> np.ndarray:
    if weights is None:
        return points.mean(axis=0)
    return (points * weights[:, None]).sum(axis=0) / weights.sum()


def _first_distinct(points: np.ndarray, k: int) -> np.ndarray:
    """Indices of the first k distinct rows, in order."""
    _, first = np.unique(points, axis=0, return_index=True)
    return np.sort(first)[:k]


def _assign(points: np.ndarray, centers: np.ndarray) -> np.ndarray:
    """Nearest centre; |x − c|² = |x|² − 2x·c + |c|² without an n × k × 2 array."""
    d = (centers**2).sum(axis=1)[None, :] - 2.0 * (points @ centers.T)
    return np.argmin(d, axis=1)


def _step(
    points: np.ndarray, ids: list[int], centers: np.ndarray, weights: np.ndarray | None
) -> tuple[list[int], np.ndarray, np.ndarray]:
    """One Lloyd step; clusters left without members disappear (as in Polis)."""
    label = _assign(points, centers)
    counts = np.bincount(label, minlength=len(centers))
    w = np.ones(len(points)) if weights is None else weights
    sx = np.bincount(label, weights=points[:, 0] * w, minlength=len(centers))
    sy = np.bincount(label, weights=points[:, 1] * w, minlength=len(centers))
    sw = np.bincount(label, weights=w, minlength=len(centers))
    alive = counts > 0
    new_centers = np.column_stack([sx[alive] / sw[alive], sy[alive] / sw[alive]])
    remap = np.cumsum(alive) - 1
    return [i for i, a in zip(ids, alive, strict=True) if a], new_centers, remap[label]


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    if len(a) != len(b):
        return False
    a = a[np.lexsort(a.T[::-1])]
    b = b[np.lexsort(b.T[::-1])]
    return bool((np.sqrt(((a - b) ** 2).sum(axis=1)) < SAME_CLUSTERING).all())


def _clean_start(
    points: np.ndarray,
    names: list,
    weights: np.ndarray | None,
    last: list[Cluster],
    k: int,
) -> tuple[list[int], np.ndarray]:
    """Previous clusters re-centred on today's positions, topped up to k by outliers."""
    index = {n: i for i, n in enumerate(names)}
    clusters: list[tuple[int, list[int]]] = []
    for c in last:
        rows = [index[m] for m in c.members if m in index]
        if rows:
            clusters.append((c.id, rows))
    if not clusters:  # nobody left: one big cluster (polismath does the same)
        clusters = [
            (max((c.id for c in last), default=-1) + 1, list(range(len(names))))
        ]

    def centre(rows: list[int]) -> np.ndarray:
        return _weighted_mean(points[rows], None if weights is None else weights[rows])

    # Merge clusters whose centres coincide.
    merged: list[tuple[int, list[int], np.ndarray]] = []
    for cid, rows in clusters:
        here = centre(rows)
        for i, (mid, mrows, mc) in enumerate(merged):
            if np.array_equal(mc, here):
                keep = mid if len(mrows) >= len(rows) else cid
                merged[i] = (keep, mrows + rows, centre(mrows + rows))
                break
        else:
            merged.append((cid, rows, here))
    possible = min(k, len(np.unique(points, axis=0)))
    ids = [m[0] for m in merged]
    members = [m[1] for m in merged]
    centers = np.array([m[2] for m in merged])
    while len(ids) < possible:
        d = np.sqrt(((points[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2))
        nearest = d.min(axis=1)
        far = int(np.argmax(nearest))
        if nearest[far] <= 0:
            break
        members = [[r for r in rows if r != far] for rows in members]
        kept = [i for i, rows in enumerate(members) if rows]
        ids = [ids[i] for i in kept] + [max(ids) + 1]
        members = [members[i] for i in kept] + [[far]]
        centers = np.array([centre(rows) for rows in members])
    return ids, centers


def _lloyd(
    points: np.ndarray,
    ids: list[int],
    centers: np.ndarray,
    weights: np.ndarray | None,
    max_iters: int,
) -> tuple[list[int], np.ndarray, np.ndarray]:
    """Steps until the centres move less than 0.01 (at most max_iters + 1 steps)."""
    label = _assign(points, centers)
    for _ in range(max_iters + 1):
        new_ids, new_centers, label = _step(points, ids, centers, weights)
        done = _same(centers, new_centers)
        ids, centers = new_ids, new_centers
        if done:
            break
    return ids, centers, label


def _inertia(
    points: np.ndarray, centers: np.ndarray, label: np.ndarray, w: np.ndarray | None
) -> float:
    d = ((points - centers[label]) ** 2).sum(axis=1)
    return float(d.sum() if w is None else (d * w).sum())


def _plus_plus(
    points: np.ndarray, k: int, w: np.ndarray | None, rng: np.random.Generator
) -> np.ndarray:
    """k-means++ seeding (weighted by size when weights are given)."""
    w = np.ones(len(points)) if w is None else w
    chosen = [int(rng.choice(len(points), p=w / w.sum()))]
    d = ((points - points[chosen[0]]) ** 2).sum(axis=1)
    while len(chosen) < k:
        p = d * w
        if p.sum() <= 0:
            break
        nxt = int(rng.choice(len(points), p=p / p.sum()))
        chosen.append(nxt)
        d = np.minimum(d, ((points - points[nxt]) ** 2).sum(axis=1))
    return points[chosen].copy()


def kmeans(
    points: np.ndarray,
    names: list,
    k: int,
    *,
    weights: np.ndarray | None = None,
    last: list[Cluster] | None = None,
    max_iters: int = 20,
    restarts: int = 0,
) -> list[Cluster]:
    """Polis k-means on 2-D points named ``names``; clusters sorted by id."""
    if len(points) == 0:
        return []
    if last:
        ids, centers = _clean_start(points, names, weights, last, k)
        ids, centers, label = _lloyd(points, ids, centers, weights, max_iters)
    else:
        first = _first_distinct(points, k)
        ids, centers = list(range(len(first))), points[first].copy()
        ids, centers, label = _lloyd(points, ids, centers, weights, max_iters)
        # Polis' cold start (first k distinct points) can stop in a poor local
        # optimum; its real groups come from many warm-started updates. A fresh
        # computation therefore also tries seeded k-means++ starts, keeping the best.
        best = _inertia(points, centers, label, weights)
        rng = np.random.default_rng(0)
        for _ in range(restarts):
            start = _plus_plus(points, len(first), weights, rng)
            cand = _lloyd(points, list(range(len(start))), start, weights, max_iters)
            score = _inertia(points, cand[1], cand[2], weights)
            if score < best - 1e-12:
                best, (ids, centers, label) = score, cand
    out = []
    for pos, cid in enumerate(ids):
        rows = np.flatnonzero(label == pos)
        out.append(
            Cluster(
                id=int(cid),
                members=tuple(names[r] for r in rows),
                center=(float(centers[pos, 0]), float(centers[pos, 1])),
            )
        )
    return sorted(out, key=lambda c: c.id)


def silhouette(
    dist: np.ndarray, labels: np.ndarray, weights: np.ndarray | None = None
) -> float:
    """Mean silhouette over points (unweighted, as polismath); singletons score 0.

    With ``weights`` each point stands for that many members at its position (a base
    cluster for its participants): the silhouette of the members, each counted once.
    """
    n = len(labels)
    groups = np.unique(labels)
    if len(groups) < 2:
        return 0.0
    w = np.ones(n) if weights is None else np.asarray(weights, dtype=float)
    scores = np.zeros(n)
    onehot = (labels[:, None] == groups[None, :]) * w[:, None]
    sums = dist @ onehot  # distance from each point to all members of each group
    sizes = onehot.sum(axis=0)
    for i in range(n):
        own = int(np.searchsorted(groups, labels[i]))
        if sizes[own] <= 1:
            continue
        # The point's own other members sit at distance 0 and count in the mean.
        a = sums[i, own] / (sizes[own] - 1)
        others = [sums[i, g] / sizes[g] for g in range(len(groups)) if g != own]
        b = min(others)
        top = max(a, b)
        scores[i] = 0.0 if top == 0 else (b - a) / top
    return float((scores * w).sum() / w.sum())
