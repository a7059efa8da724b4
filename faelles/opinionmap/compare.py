"""Measures for comparing two opinion maps (ours against Polis' own output).

Used by the fidelity tests and ``bench/bench_opinionmap.py``.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from itertools import permutations

import numpy as np


def adjusted_rand_index(a: Mapping[Hashable, int], b: Mapping[Hashable, int]) -> float:
    """Adjusted Rand index of two groupings over the participants both placed."""
    common = [p for p in a if p in b]
    if len(common) < 2:
        return float("nan")
    la = np.unique([a[p] for p in common], return_inverse=True)[1]
    lb = np.unique([b[p] for p in common], return_inverse=True)[1]
    table = np.zeros((la.max() + 1, lb.max() + 1))
    np.add.at(table, (la, lb), 1)

    def pairs(x: np.ndarray) -> float:
        return float((x * (x - 1) / 2).sum())

    index = pairs(table)
    ra, rb = pairs(table.sum(1)), pairs(table.sum(0))
    total = len(common) * (len(common) - 1) / 2
    expected = ra * rb / total
    top = (ra + rb) / 2
    if top == expected:
        return 1.0
    return (index - expected) / (top - expected)


def match_groups(
    ours: Mapping[Hashable, int], theirs: Mapping[Hashable, int]
) -> dict[int, int]:
    """Our group id → their group id, maximising shared members (groups ≤ 5)."""
    og = sorted(set(ours.values()))
    tg = sorted(set(theirs.values()))
    overlap = {
        (o, t): sum(1 for p, g in ours.items() if g == o and theirs.get(p) == t)
        for o in og
        for t in tg
    }
    best: tuple[int, dict[int, int]] = (-1, {})
    if len(og) <= len(tg):
        for perm in permutations(tg, len(og)):
            score = sum(overlap[o, t] for o, t in zip(og, perm, strict=True))
            if score > best[0]:
                best = (score, dict(zip(og, perm, strict=True)))
    else:
        for perm in permutations(og, len(tg)):
            score = sum(overlap[o, t] for o, t in zip(perm, tg, strict=True))
            if score > best[0]:
                best = (score, dict(zip(perm, tg, strict=True)))
    return best[1]


def jaccard(a: set, b: set) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def abs_correlation(x: np.ndarray, y: np.ndarray) -> float:
    """|Pearson r|: principal components have no inherent sign."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    if x.std() == 0 or y.std() == 0:
        return float("nan")
    return float(abs(np.corrcoef(x, y)[0, 1]))
