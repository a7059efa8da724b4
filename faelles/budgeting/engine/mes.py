"""Method of Equal Shares (MES) and its completions: add1 and greedy.

Every voter starts with an equal share of the budget. In each round the
project that its supporters can buy at the lowest price per unit of utility
(``rho``) is funded; a supporter pays ``min(own money, rho * utility)``. The
run ends when no remaining project can be paid for by its supporters.

Semantics and tie-breaking follow pabutools 1.2.3 ``method_of_equal_shares``:
the share is ``budget / number of voters`` as an exact fraction; with
cardinal utilities projects with cost 0 and some support are funded first (by
id), with cost utilities they give nobody any utility and are never funded;
projects nobody supports are never funded; among projects with exactly equal ``rho`` the one
with the smallest project id (string order) wins.

Runs use the certified float runner (:mod:`.mes_fast`) and fall back to exact
fractions (:mod:`.mes_exact`) whenever a decision is too close to call.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from .election import Election
from .greedy import greedy
from .mes_exact import run_exact
from .mes_fast import TooClose, run_fast
from .mes_input import MESInput, prepare
from .mes_result import MESRun
from .outcome import Outcome

#: Relative safety margin on add1 skips computed in floating point.
SKIP_MARGIN = 1e-6


def run(
    data: MESInput, share: Fraction, *, track_skip: bool = False, explain: bool = True
) -> MESRun:
    """One MES run at the given per-voter share, exact in every decision."""
    try:
        return run_fast(data, share, track_skip=track_skip, explain=explain)
    except TooClose:
        return run_exact(data, share)


def default_share(election: Election) -> Fraction:
    return election.budget / max(election.n_voters, 1)


def mes(
    election: Election,
    *,
    utilities: str = "cost",
    data: MESInput | None = None,
    rule: str | None = None,
) -> Outcome:
    """Plain MES with budget/n per voter, without completion."""
    data = data or prepare(election, utilities)
    share = default_share(election)
    result = run(data, share)
    return _outcome(data, result, rule or f"mes-{utilities}", share)


def add1_search(
    data: MESInput, *, naive: bool = False
) -> tuple[MESRun, Fraction, int, int]:
    """The add1 loop: (last fitting run, its share, increments, runs made).

    Start at budget/n per voter; raise every voter's share by one currency
    unit at a time and re-run MES until the outcome costs more than the
    budget; the answer is the last outcome that fitted. Unlike pabutools'
    ``voter_budget_increment=1`` we do not stop at the first exhaustive
    outcome. With ``naive=False`` increments that provably give the same
    outcome (see :mod:`.mes_fast`) are skipped.
    """
    election = data.election
    start = default_share(election)
    everything = set(data.candidates) | set(data.funded_free)
    step, runs = 0, 0
    last: tuple[MESRun, int] | None = None
    while True:
        result = run(data, start + step, track_skip=not naive, explain=False)
        runs += 1
        cost = sum((election.costs[j] for j in result.selected), Fraction(0))
        if cost > election.budget:
            break
        last = (result, step)
        if set(result.selected) == everything or result.skip == math.inf:
            break
        if naive or result.exact:
            step += 1
        else:
            step += max(1, math.ceil(result.skip * (1 - SKIP_MARGIN)))
    if last is None:  # pragma: no cover - budget/n always fits
        raise AssertionError("MES at budget/n exceeded the budget")
    result, fitted = last
    if cost > election.budget:
        # Every share skipped over gives the same outcome; the last one that
        # fits is the one just below the share that did not. Re-running it is
        # also a self-check of the skip.
        fitted = step - 1
    final = run(data, start + fitted)
    runs += 1
    if final.selected != result.selected:  # pragma: no cover - skip bug guard
        raise AssertionError("add1 skip changed the outcome; please report")
    return final, start + fitted, fitted, runs


def mes_add1(
    election: Election,
    *,
    utilities: str = "cost",
    data: MESInput | None = None,
    naive: bool = False,
    rule: str | None = None,
) -> Outcome:
    """MES completed by add1, as the official Assen, Świecie, Wieliczka results."""
    data = data or prepare(election, utilities)
    result, share, step, runs = add1_search(data, naive=naive)
    outcome = _outcome(data, result, rule or "mes-add1", share)
    outcome.explanation["completion"] = {
        "method": "add1",
        "increments": step,
        "mes_runs": runs,
    }
    return outcome


def mes_greedy(
    election: Election,
    *,
    utilities: str = "cost",
    data: MESInput | None = None,
    rule: str | None = None,
    scores: np.ndarray | None = None,
) -> Outcome:
    """MES, then the leftover budget spent greedily by score (skip what doesn't fit).

    ``scores`` replaces the election's scores in the greedy completion.
    """
    first = mes(election, utilities=utilities, data=data)
    done = greedy(
        election, initial=first.selected, rule=rule or "mes-greedy", scores=scores
    )
    projects = first.explanation["projects"]
    for pid, info in done.explanation["projects"].items():
        if info["status"] == "selected":
            projects[pid] = {**projects[pid], "status": "selected_by_completion"}
        elif info["status"] == "did_not_fit":
            projects[pid] = {**projects[pid], "completion": "did_not_fit"}
    first.rule = done.rule
    first.selected = done.selected
    first.total_cost = done.total_cost
    first.explanation["completion"] = {
        "method": "greedy",
        "remaining_budget": done.explanation["remaining_budget"],
    }
    return first


def _outcome(data: MESInput, result: MESRun, rule: str, share: Fraction) -> Outcome:
    election = data.election
    ids = [election.project_ids[j] for j in result.selected]
    projects: dict[str, dict[str, object]] = {}
    for j in data.funded_free:
        projects[election.project_ids[j]] = {"status": "selected", "round": 0}
    for number, rnd in enumerate(result.rounds, 1):
        projects[election.project_ids[rnd.project]] = {
            "status": "selected",
            "round": number,
            "cost": float(election.costs[rnd.project]),
            "rho": rnd.rho,
            "payments": [p.as_json() for p in rnd.payments],
        }
    for j, money in result.money.items():
        projects[election.project_ids[j]] = {
            "status": "supporters_money_too_little",
            "cost": float(election.costs[j]),
            "supporters_money": round(money, 6),
        }
    support = election.support()
    for j, pid in enumerate(election.project_ids):
        if support[j]:  # cost 0 under cost utilities: nobody gains anything
            projects.setdefault(pid, {"status": "no_utility", "cost": 0.0})
        else:
            projects.setdefault(pid, {"status": "no_supporters"})
    return Outcome(
        rule=rule,
        selected=ids,
        total_cost=election.total_cost(ids),
        budget=election.budget,
        explanation={
            "kind": "mes",
            "utilities": data.utilities,
            "voter_share": float(share),
            "voter_share_exact": str(share),
            "exact_run": result.exact,
            "projects": projects,
        },
    )
