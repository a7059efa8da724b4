"""Greedy counting by score, the classic rule of most municipal PB elections.

Ranking: projects sorted by score (number of approvals, or sum of points for
cumulative/scoring/ordinal ballots) descending; equal scores are ordered by
project id as a string, ascending. This is exactly pabutools 1.2.3's
``greedy_utilitarian_welfare`` with ``Cost_Sat`` and lexicographic tie-breaking.
Projects with score 0 are ranked last and are still funded if they fit, as in
pabutools.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

import numpy as np

from .election import Election
from .outcome import Outcome


def ranking(election: Election, scores: np.ndarray | None = None) -> list[int]:
    """Project indices by descending score, ties by ascending project id."""
    scores = election.scores() if scores is None else scores
    return sorted(
        range(election.n_projects),
        key=lambda j: (-int(scores[j]), election.project_ids[j]),
    )


def threshold_from_meta(election: Election) -> Fraction:
    raw = election.meta.get("min_project_score_threshold", "").strip()
    return Fraction(raw.replace(",", ".")) if raw else Fraction(0)


def greedy(
    election: Election,
    *,
    skip: bool = True,
    threshold: Fraction | int = 0,
    exclusive_groups: Iterable[Iterable[str]] = (),
    initial: Iterable[str] = (),
    rule: str = "greedy",
    scores: np.ndarray | None = None,
) -> Outcome:
    """Fund projects in ranking order while they fit.

    ``skip=False`` stops at the first project that does not fit
    (``greedy-no-skip``). ``threshold`` drops projects with fewer points
    (``greedy-threshold``). ``exclusive_groups`` lists sets of mutually
    exclusive projects: once one is funded the others are passed over
    (``greedy-exclusive``; Pabulib files do not say which projects exclude
    each other, so the caller must). ``initial`` projects are funded up front
    (used to complete another rule's outcome). ``scores`` replaces the
    election's scores (net approvals when voters may also drop projects, see
    :mod:`.drops`).
    """
    scores = election.scores() if scores is None else scores
    index = {pid: j for j, pid in enumerate(election.project_ids)}
    excluded_by: dict[str, list[str]] = {}
    for group in exclusive_groups:
        members = list(group)
        for pid in members:
            excluded_by.setdefault(pid, []).extend(p for p in members if p != pid)
    selected = list(initial)
    remaining = election.budget - election.total_cost(selected)
    if remaining < 0:
        raise ValueError("initial projects exceed the budget")
    blocked: dict[str, str] = {}
    for pid in selected:
        for other in excluded_by.get(pid, []):
            blocked.setdefault(other, pid)
    projects: dict[str, dict[str, object]] = {
        pid: {"status": "selected_before", "score": int(scores[index[pid]])}
        for pid in selected
    }
    stopped_at: str | None = None
    for j in ranking(election, scores):
        pid = election.project_ids[j]
        if pid in projects:
            continue
        cost = election.costs[j]
        info: dict[str, object] = {"score": int(scores[j]), "cost": _num(cost)}
        projects[pid] = info
        if scores[j] < threshold:
            info["status"] = "below_threshold"
        elif stopped_at is not None:
            info["status"] = "not_reached"
        elif pid in blocked:
            info["status"] = "excluded_by"
            info["excluded_by"] = blocked[pid]
        elif cost <= remaining:
            remaining -= cost
            selected.append(pid)
            info["status"] = "selected"
            info["remaining_budget"] = _num(remaining)
            for other in excluded_by.get(pid, []):
                blocked.setdefault(other, pid)
        else:
            info["status"] = "did_not_fit"
            info["remaining_budget"] = _num(remaining)
            if not skip:
                stopped_at = pid
    explanation = {
        "kind": "greedy",
        "skip": skip,
        "threshold": _num(Fraction(threshold)),
        "stopped_at": stopped_at,
        "remaining_budget": _num(remaining),
        "projects": projects,
    }
    return Outcome(
        rule=rule,
        selected=selected,
        total_cost=election.budget - remaining,
        budget=election.budget,
        explanation=explanation,
    )


def _num(value: Fraction) -> int | str:
    value = Fraction(value)
    return value.numerator if value.denominator == 1 else str(value)
