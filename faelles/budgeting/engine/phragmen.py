"""Sequential Phragmén: voters share the load of every project they approve.

Each round funds the project whose supporters would end with the lowest
maximal load ``(sum of supporters' loads + cost) / number of supporters``;
all its supporters then carry that load. As in pabutools 1.2.3
``sequential_phragmen``: only projects costing at most the budget take part,
a project's supporters are the voters who gave it a positive score, ties are
broken by smallest project id, and the rule *stops* as soon as a best project
(or any project tied with it) no longer fits the remaining budget.

Loads are compared in float64; any comparison within a relative 1e-9 is
decided again with exact fractions.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from .election import Election
from .mes_input import MESInput, prepare
from .outcome import Outcome

TOL = 1e-9


def phragmen(election: Election, *, data: MESInput | None = None) -> Outcome:
    data = data or prepare(election, "cost")
    ids, costs = election.project_ids, election.costs
    n_groups = len(data.weights)
    cls = np.zeros(n_groups, dtype=np.int64)  # index into exact loads
    loads: list[Fraction] = [Fraction(0)]
    load_f = np.zeros(n_groups)
    score = np.array([float(w.sum()) for w in data.sw])
    remaining = {j for j in range(election.n_projects) if costs[j] <= election.budget}
    spent = Fraction(0)
    selected: list[int] = []
    projects: dict[str, dict[str, object]] = {
        ids[j]: {"status": "costs_more_than_budget"}
        for j in range(election.n_projects)
        if j not in remaining
    }

    def exact_load(j: int) -> Fraction | None:
        if score[j] == 0:
            return None  # stands for infinity
        counts = np.bincount(cls[data.supporters[j]], weights=data.sw[j])
        total = sum(
            (loads[k] * int(c) for k, c in enumerate(counts.tolist()) if c),
            Fraction(0),
        )
        return (total + costs[j]) / int(score[j])

    stopped_by: str | None = None
    load_sum = np.zeros(election.n_projects)  # supporters' total load, float
    cost_f = np.array([float(c) for c in costs])
    while remaining:
        order = sorted(remaining)
        with np.errstate(divide="ignore", invalid="ignore"):
            values = np.where(
                score[order] > 0,
                (load_sum[order] + cost_f[order]) / score[order],
                np.inf,
            )
        best = values.min()
        if np.isinf(best):
            tied = order
        else:
            near = [
                j for j, v in zip(order, values, strict=True) if v <= best * (1 + TOL)
            ]
            # ``near`` holds only supported projects, whose load is finite.
            exact = {j: load for j in near if (load := exact_load(j)) is not None}
            low = min(exact.values())
            tied = [j for j in near if exact[j] == low]
        tied.sort(key=lambda j: ids[j])
        if any(spent + costs[j] > election.budget for j in tied):
            stopped_by = ids[
                next(j for j in tied if spent + costs[j] > election.budget)
            ]
            break
        s = tied[0]
        value = exact_load(s)
        if value is not None:
            k = len(loads)
            loads.append(value)
            groups = data.supporters[s]
            cls[groups] = k
            delta = data.weights[groups] * (float(value) - load_f[groups])
            owner, projs = data.entries_of(groups)
            load_sum += np.bincount(
                projs, weights=delta[owner], minlength=election.n_projects
            )
            load_f[groups] = float(value)
        spent += costs[s]
        selected.append(s)
        remaining.discard(s)
        projects[ids[s]] = {
            "status": "selected",
            "round": len(selected),
            "max_load": None if value is None else float(value),
        }
    for j in remaining:
        projects[ids[j]] = {"status": "not_reached"}
    if stopped_by is not None:
        projects[stopped_by] = {"status": "did_not_fit_stop"}
    chosen = [ids[j] for j in selected]
    return Outcome(
        rule="phragmen",
        selected=chosen,
        total_cost=spent,
        budget=election.budget,
        explanation={
            "kind": "phragmen",
            "stopped_at": stopped_by,
            "projects": projects,
        },
    )
