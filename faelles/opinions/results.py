"""From the engine's output to what is stored and shown (no database access).

``summarise`` turns an :class:`~faelles.opinionmap.OpinionMap` into plain JSON:
groups with their sizes, places and representative statements, what (nearly)
everyone agrees or disagrees on, where the groups split, the comment priorities
and each placed participant's group and position (by pseudonym number, for "hvor
står jeg"). Groups with fewer than ``MIN_GROUP`` members are kept out of
everything shown: they are counted, not described.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

import numpy as np

from faelles.opinionmap import OpinionMap, VoteMatrix

MIN_GROUP = 5  # statistics never describe fewer people than this
SPLIT_MIN_SEEN = 5  # a group's share on a statement needs this many votes to count
SHOW = 5
GRID = 24  # the picture's dots: participants counted in a GRID × GRID raster


@dataclass(frozen=True)
class Parts:
    summary: dict
    priorities: dict
    positions: dict
    participant_groups: dict


def _share(n: int, seen: int) -> float:
    return round(n / seen, 3) if seen else 0.0


def summarise(result: OpinionMap, matrix: VoteMatrix, rejected: set) -> Parts:
    values = matrix.values
    voted = ~np.isnan(values)
    sids = list(matrix.statements)
    col = {s: j for j, s in enumerate(sids)}
    row = {p: i for i, p in enumerate(matrix.participants)}
    shown = [g for g in result.groups if len(g.members) >= MIN_GROUP]
    labels = {g.id: string.ascii_uppercase[i] for i, g in enumerate(shown)}
    hidden_people = sum(
        len(g.members) for g in result.groups if len(g.members) < MIN_GROUP
    )

    # agree / disagree / seen per shown group and statement
    counts = {}
    for g in shown:
        rows = [row[p] for p in g.members]
        sub = values[rows]
        counts[g.id] = (
            (sub > 0).sum(axis=0),
            (sub < 0).sum(axis=0),
            voted[rows].sum(axis=0),
        )
    all_a = (values > 0).sum(axis=0)
    all_d = (values < 0).sum(axis=0)
    all_s = voted.sum(axis=0)

    groups = []
    for g in shown:
        ga, gd, gs = counts[g.id]
        reps = []
        for st in g.representative:
            j = col[st.statement]
            rest_s = int(all_s[j] - gs[j])
            rest_n = int((all_a[j] - ga[j]) if st.agree else (all_d[j] - gd[j]))
            reps.append(
                {
                    "statement": st.statement,
                    "agree": st.agree,
                    "share": _share(st.n_success, st.n_trials),
                    "votes": st.n_trials,
                    "rest_share": _share(rest_n, rest_s)
                    if rest_s >= MIN_GROUP
                    else None,
                    "repness": round(st.repness, 4),
                }
            )
        pts = np.array([result.projections[row[p]] for p in g.members])
        groups.append(
            {
                "id": g.id,
                "label": labels[g.id],
                "size": len(g.members),
                "center": [round(float(g.center[0]), 4), round(float(g.center[1]), 4)],
                "spread": [round(float(x), 4) for x in pts.std(axis=0)],
                "representative": reps,
            }
        )

    def consensus(stats) -> list:
        return [
            {
                "statement": s.statement,
                "share": _share(s.n_success, s.n_trials),
                "votes": s.n_trials,
            }
            for s in stats
        ]

    # Where the groups split: the widest gap between the groups' agree shares.
    splits = []
    if len(shown) >= 2:
        for j, sid in enumerate(sids):
            if sid in rejected:
                continue
            shares = {}
            for g in shown:
                ga, _gd, gs = counts[g.id]
                if gs[j] >= SPLIT_MIN_SEEN:
                    shares[labels[g.id]] = _share(int(ga[j]), int(gs[j]))
            if len(shares) >= 2:
                gap = max(shares.values()) - min(shares.values())
                if gap >= 0.3:
                    splits.append((gap, sid, shares))
        splits.sort(key=lambda t: (-t[0], str(t[1])))
    group_of = {p: g.id for g in shown for p in g.members}
    placed = set(result.in_conv)

    # The picture: participants in the map counted per raster cell and group.
    in_rows = [row[p] for p in result.in_conv]
    pts = result.projections[in_rows] if in_rows else np.zeros((0, 2))
    lo = pts.min(axis=0) if len(pts) else np.zeros(2)
    hi = pts.max(axis=0) if len(pts) else np.ones(2)
    span = np.where(hi - lo > 0, hi - lo, 1.0)
    cells: dict[tuple[int, int, str], int] = {}
    for p, (x, y) in zip(result.in_conv, pts, strict=True):
        cx = int(min(GRID - 1, (x - lo[0]) / span[0] * GRID))
        cy = int(min(GRID - 1, (y - lo[1]) / span[1] * GRID))
        label = labels.get(group_of.get(p, -1), "")
        cells[(cx, cy, label)] = cells.get((cx, cy, label), 0) + 1

    summary = {
        "participants": len(matrix.participants),
        "participants_in": len(result.in_conv),
        "statements": int(sum(1 for s in sids if s not in rejected)),
        "votes": int(voted.sum()),
        "groups": groups,
        "hidden_people": hidden_people,
        "hidden_groups": len(result.groups) - len(shown),
        "consensus_agree": consensus(result.consensus_agree),
        "consensus_disagree": consensus(result.consensus_disagree),
        "splits": [
            {"statement": sid, "gap": round(gap, 3), "shares": shares}
            for gap, sid, shares in splits[:SHOW]
        ],
        "bounds": [[float(lo[0]), float(lo[1])], [float(hi[0]), float(hi[1])]],
        "cells": [[x, y, label, n] for (x, y, label), n in sorted(cells.items())],
        "grid": GRID,
        "votes_to_join": min(7, len(sids)),
    }
    positions = {
        str(p): [round(float(x), 4), round(float(y), 4)]
        for p, (x, y) in zip(matrix.participants, result.projections, strict=True)
        if p in placed
    }
    return Parts(
        summary=summary,
        priorities={str(s): round(v, 6) for s, v in result.priorities.items()},
        positions=positions,
        participant_groups={str(p): labels[g] for p, g in group_of.items()},
    )
