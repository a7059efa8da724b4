"""Method of Equal Shares (MES), exact and vectorised.

Every voter starts with an equal share of the budget. In each round the
project that its supporters can buy at the lowest price per unit of utility
(``rho``) is funded; a supporter pays ``min(budget, rho * utility)``. The run
ends when no remaining project can be paid for by its supporters' money.

Semantics and tie-breaking follow pabutools 1.2.3 ``method_of_equal_shares``:
the initial share is ``budget / number of voters`` as an exact fraction;
projects with cost 0 and some support are funded first; projects no one
supports are never funded; among projects with exactly equal ``rho`` the one
with the smallest project id (string order) wins.

Speed: voters with identical ballots are merged into weighted groups, and
budgets are kept as *classes* — every group points to one exact
``Fraction`` budget value shared with all groups holding the same amount.
Prices are searched in floating point with NumPy; the few projects whose
float price is within a relative 1e-9 of the best are then priced again with
exact fractions, and only exact values decide the winner and the payments.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from .election import Election
from .outcome import Outcome

TOL = 1e-9


@dataclass
class MESInput:
    """Pre-processed election shared by repeated runs (e.g. add1 completion)."""

    election: Election
    utilities: str
    weights: np.ndarray  # voters per ballot group
    supporters: list[np.ndarray]  # group indices per project
    units: list[np.ndarray]  # integer utility units per supporter group
    scale: list[Fraction]  # utility = scale[j] * unit
    unit_f: list[np.ndarray]  # float utilities per supporter group
    sw: list[np.ndarray]  # weights per supporter group
    funded_free: list[int]  # supported projects of cost 0
    candidates: list[int]  # supported projects of positive cost
    co_supported: np.ndarray  # P x P: share at least one supporter
    n_voters: int

    @property
    def project_ids(self) -> list[str]:
        return self.election.project_ids


def prepare(election: Election, utilities: str = "cost") -> MESInput:
    """Group identical ballots and index supporters per project.

    ``utilities`` is ``"cost"`` (a supporter's utility is the project's cost,
    pabutools ``Cost_Sat``) or ``"cardinal"`` (the number of points: 1 for an
    approval, pabutools ``Cardinality_Sat`` / ``Additive_Cardinal_Sat``).
    """
    if utilities not in ("cost", "cardinal"):
        raise ValueError(f"unknown utilities {utilities!r}")
    n, p = election.n_voters, election.n_projects
    rows = election.voter_rows()
    keep = election.points > 0
    rows, cols, pts = rows[keep], election.indices[keep], election.points[keep]
    # Canonical ballot key: (project, points) pairs sorted by project.
    order = np.lexsort((cols, rows))
    rows, cols, pts = rows[order], cols[order], pts[order]
    starts = np.searchsorted(rows, np.arange(n + 1))
    groups: dict[tuple, int] = {}
    group_of = np.empty(n, dtype=np.int64)
    cols_l, pts_l = cols.tolist(), pts.tolist()
    for v in range(n):
        lo, hi = starts[v], starts[v + 1]
        key = (tuple(cols_l[lo:hi]), tuple(pts_l[lo:hi]))
        group_of[v] = groups.setdefault(key, len(groups))
    weights = np.bincount(group_of, minlength=len(groups)).astype(np.float64)
    g_rows = group_of[rows]
    # One entry per (group, project): first occurrence of each group's ballot.
    seen_rep = np.full(len(groups), -1, dtype=np.int64)
    reps = np.unique(group_of, return_index=True)[1]
    seen_rep[group_of[reps]] = reps
    entry_mask = seen_rep[g_rows] == rows
    e_groups, e_cols, e_pts = g_rows[entry_mask], cols[entry_mask], pts[entry_mask]
    by_project = np.argsort(e_cols, kind="stable")
    e_groups, e_cols, e_pts = (
        e_groups[by_project],
        e_cols[by_project],
        e_pts[by_project],
    )
    bounds = np.searchsorted(e_cols, np.arange(p + 1))
    supporters, units, scale, unit_f, sw = [], [], [], [], []
    funded_free, candidates = [], []
    for j in range(p):
        sg = e_groups[bounds[j] : bounds[j + 1]]
        if utilities == "cost":
            unit = np.ones(len(sg), dtype=np.int64)
            sc = election.costs[j]
        else:
            unit = e_pts[bounds[j] : bounds[j + 1]].astype(np.int64)
            sc = Fraction(1)
        supporters.append(sg)
        units.append(unit)
        scale.append(sc)
        unit_f.append(unit * float(sc))
        sw.append(weights[sg])
        if len(sg) and (unit.sum() > 0) and sc > 0:
            (candidates if election.costs[j] > 0 else funded_free).append(j)
        elif len(sg) and election.costs[j] == 0:
            funded_free.append(j)
    incidence = np.zeros((len(groups), p), dtype=np.float32)
    incidence[e_groups, e_cols] = 1.0
    co = (incidence.T @ incidence) > 0
    funded_free.sort(key=lambda j: election.project_ids[j])
    return MESInput(
        election=election,
        utilities=utilities,
        weights=weights,
        supporters=supporters,
        units=units,
        scale=scale,
        unit_f=unit_f,
        sw=sw,
        funded_free=funded_free,
        candidates=candidates,
        co_supported=co,
        n_voters=n,
    )


class _Budgets:
    """Exact budget of every voter group, stored as shared value classes."""

    def __init__(self, n_groups: int, start: Fraction):
        self.cls = np.zeros(n_groups, dtype=np.int64)
        self.vals: list[Fraction] = [start]
        self.valf = np.array([float(start)])
        self.ids: dict[Fraction, int] = {start: 0}

    def class_of(self, value: Fraction) -> int:
        k = self.ids.get(value)
        if k is None:
            k = self.ids[value] = len(self.vals)
            self.vals.append(value)
            self.valf = np.append(self.valf, float(value))
        return k


def _groups(data: MESInput, budgets: _Budgets, j: int):
    """Supporters of ``j`` merged by (budget class, utility unit)."""
    sg, unit = data.supporters[j], data.units[j]
    key = budgets.cls[sg] * (int(unit.max()) + 1) + unit
    uniq, inv = np.unique(key, return_inverse=True)
    wsum = np.bincount(inv, weights=data.sw[j]).astype(np.int64)
    width = int(unit.max()) + 1
    return uniq // width, uniq % width, wsum, inv


def _exact_rho(data: MESInput, budgets: _Budgets, j: int) -> Fraction | None:
    """Exact price of ``j`` now, or None if its supporters cannot afford it."""
    cost = data.election.costs[j]
    classes, unit, wsum, _ = _groups(data, budgets, j)
    sc = data.scale[j]
    entries = [
        (budgets.vals[k], sc * int(u), int(w))
        for k, u, w in zip(classes.tolist(), unit.tolist(), wsum.tolist(), strict=True)
        if u > 0
    ]
    if sum(b * w for b, _, w in entries) < cost:
        return None
    entries.sort(key=lambda e: e[0] / e[1])
    paid = Fraction(0)
    util = sum(u * w for _, u, w in entries)
    for b, u, w in entries:
        rho = (cost - paid) / util
        if rho * u <= b:
            return rho
        paid += b * w
        util -= u * w
    raise AssertionError("affordable project without a price")  # pragma: no cover


def _float_rho(data: MESInput, budgets: _Budgets, j: int) -> float | None:
    """Float price of ``j``; None when exactly unaffordable."""
    cost = float(data.election.costs[j])
    b = budgets.valf[budgets.cls[data.supporters[j]]]
    u, w = data.unit_f[j], data.sw[j]
    avail = float(np.dot(w, b))
    near_edge = avail < cost * (1 + TOL)
    if near_edge and (avail < cost * (1 - TOL) or _exact_rho(data, budgets, j) is None):
        return None
    wu = w * u
    total_u = float(wu.sum())
    rho0 = cost / total_u
    if np.all(b >= rho0 * u):
        return rho0
    ratio = b / u
    order = np.argsort(ratio, kind="stable")
    wb_sorted = (w * b)[order]
    wu_sorted = wu[order]
    paid = np.concatenate(([0.0], np.cumsum(wb_sorted)[:-1]))
    util = total_u - np.concatenate(([0.0], np.cumsum(wu_sorted)[:-1]))
    with np.errstate(divide="ignore", invalid="ignore"):
        rho = (cost - paid) / util
    ok = np.nonzero(rho <= ratio[order] * (1 + 1e-12))[0]
    return float(rho[ok[0]]) if len(ok) else float(rho[-1])


def run_mes(
    data: MESInput,
    share: Fraction | None = None,
    *,
    explain: bool = True,
) -> tuple[list[int], dict]:
    """One MES run with every voter starting at ``share`` (default budget/n)."""
    election = data.election
    if share is None:
        share = election.budget / max(data.n_voters, 1)
    share = Fraction(share)
    budgets = _Budgets(len(data.weights), share)
    selected = list(data.funded_free)
    remaining = set(data.candidates)
    rho_lb = np.full(election.n_projects, np.inf)
    for j in remaining:
        rho_lb[j] = float(election.costs[j]) / float(np.dot(data.sw[j], data.unit_f[j]))
    dirty = np.ones(election.n_projects, dtype=bool)
    exact: dict[int, Fraction] = {}
    rounds: list[dict] = []
    while remaining:
        best = np.inf
        for j in sorted(remaining, key=lambda j: rho_lb[j]):
            if rho_lb[j] > best * (1 + TOL):
                break
            if dirty[j]:
                exact.pop(j, None)
                value = _float_rho(data, budgets, j)
                if value is None:
                    remaining.discard(j)
                    continue
                rho_lb[j] = value
                dirty[j] = False
            best = min(best, rho_lb[j])
        if best == np.inf:
            break
        near = [j for j in remaining if not dirty[j] and rho_lb[j] <= best * (1 + TOL)]
        priced = []
        for j in near:
            if j not in exact:
                value = _exact_rho(data, budgets, j)
                if value is None:
                    remaining.discard(j)
                    continue
                exact[j] = value
            priced.append((exact[j], election.project_ids[j], j))
        if not priced:
            continue
        rho, _, s = min(priced)
        payments = _pay(data, budgets, s, rho)
        selected.append(s)
        remaining.discard(s)
        dirty |= data.co_supported[s]
        if explain:
            rounds.append(
                {
                    "project": election.project_ids[s],
                    "cost": _num(election.costs[s]),
                    "rho": _num(rho),
                    "rho_float": float(rho),
                    "payments": payments,
                }
            )
    info = {"share": share, "rounds": rounds, "budgets": budgets} if explain else {}
    return selected, info


def _pay(data: MESInput, budgets: _Budgets, s: int, rho: Fraction) -> list[dict]:
    """Charge supporters of ``s`` and move them to their new budget classes."""
    classes, unit, wsum, inv = _groups(data, budgets, s)
    new_class = np.empty(len(classes), dtype=np.int64)
    payments = []
    for i, (k, u, w) in enumerate(
        zip(classes.tolist(), unit.tolist(), wsum.tolist(), strict=True)
    ):
        before = budgets.vals[k]
        pay = min(before, rho * data.scale[s] * u)
        new_class[i] = budgets.class_of(before - pay)
        payments.append(
            {
                "voters": w,
                "utility": _num(data.scale[s] * u),
                "budget_before": _num(before),
                "payment_per_voter": _num(pay),
                "paid_all": pay == before,
            }
        )
    budgets.cls[data.supporters[s]] = new_class[inv]
    return payments


def _num(value: Fraction) -> int | str:
    value = Fraction(value)
    return value.numerator if value.denominator == 1 else str(value)


def explain_losers(data: MESInput, info: dict, selected: list[int]) -> dict[str, dict]:
    """Why each project ended up where it did, for the results page."""
    election = data.election
    budgets: _Budgets = info["budgets"]
    chosen = set(selected)
    out: dict[str, dict] = {}
    for rnd, s in enumerate(selected):
        out[election.project_ids[s]] = {"status": "selected", "round": rnd + 1}
    for j in range(election.n_projects):
        pid = election.project_ids[j]
        if j in chosen:
            continue
        if j not in data.candidates:
            out[pid] = {"status": "no_supporters"}
            continue
        classes, _, wsum, _ = _groups(data, budgets, j)
        money = sum(
            (
                budgets.vals[k] * int(w)
                for k, w in zip(classes.tolist(), wsum.tolist(), strict=True)
            ),
            Fraction(0),
        )
        out[pid] = {
            "status": "supporters_money_too_little",
            "supporters_money": _num(money),
            "cost": _num(election.costs[j]),
        }
    return out


def mes(
    election: Election,
    *,
    utilities: str = "cost",
    data: MESInput | None = None,
    rule: str | None = None,
) -> Outcome:
    """Plain MES with budget/n per voter (no completion)."""
    data = data or prepare(election, utilities)
    selected, info = run_mes(data)
    return _outcome(data, selected, info, rule or f"mes-{utilities}")


def _outcome(data: MESInput, selected: list[int], info: dict, rule: str) -> Outcome:
    election = data.election
    ids = [election.project_ids[j] for j in selected]
    return Outcome(
        rule=rule,
        selected=ids,
        total_cost=election.total_cost(ids),
        budget=election.budget,
        explanation={
            "kind": "mes",
            "utilities": data.utilities,
            "voter_share": _num(info["share"]),
            "rounds": info["rounds"],
            "projects": explain_losers(data, info, selected),
        },
    )
