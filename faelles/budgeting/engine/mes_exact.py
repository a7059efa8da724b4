"""Exact MES run with fractions: the arbiter whenever floats are too close to call.

Budgets are kept as *classes*: every voter group points to one exact
``Fraction`` value shared with all groups holding the same amount, so the
number of fractions handled per round is the number of distinct budgets
among a project's supporters, not the number of voters.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import numpy.typing as npt

from .mes_input import MESInput
from .mes_result import MESRun, Payment, Round, summarise_payments

_IntArray = npt.NDArray[np.int64]

TOL = 1e-9


class _Budgets:
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


def _groups(
    data: MESInput, budgets: _Budgets, j: int
) -> tuple[_IntArray, _IntArray, _IntArray, _IntArray]:
    """Supporters of ``j`` merged by (budget class, utility unit)."""
    sg, unit = data.supporters[j], data.units[j]
    width = int(unit.max()) + 1
    key = budgets.cls[sg] * width + unit
    uniq, inv = np.unique(key, return_inverse=True)
    wsum = np.bincount(inv, weights=data.sw[j]).astype(np.int64)
    return uniq // width, uniq % width, wsum, inv


def _money(data: MESInput, budgets: _Budgets, j: int) -> Fraction:
    classes, _, wsum, _ = _groups(data, budgets, j)
    return sum(
        (
            budgets.vals[k] * w
            for k, w in zip(classes.tolist(), wsum.tolist(), strict=True)
        ),
        Fraction(0),
    )


def exact_rho(data: MESInput, budgets: _Budgets, j: int) -> Fraction | None:
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
    """Float price used only to order the search; None when exactly unaffordable."""
    cost = float(data.election.costs[j])
    b = budgets.valf[budgets.cls[data.supporters[j]]]
    u, w = data.unit_f[j], data.sw[j]
    avail = float(np.dot(w, b))
    near_edge = avail < cost * (1 + TOL)
    if near_edge and (avail < cost * (1 - TOL) or exact_rho(data, budgets, j) is None):
        return None
    wu = w * u
    total_u = float(wu.sum())
    rho0 = cost / total_u
    if np.all(b >= rho0 * u):
        return rho0
    ratio = b / u
    order = np.argsort(ratio, kind="stable")
    paid = np.concatenate(([0.0], np.cumsum((w * b)[order])[:-1]))
    util = total_u - np.concatenate(([0.0], np.cumsum(wu[order])[:-1]))
    with np.errstate(divide="ignore", invalid="ignore"):
        rho = (cost - paid) / util
    ok = np.nonzero(rho <= ratio[order] * (1 + 1e-12))[0]
    return float(rho[ok[0]]) if len(ok) else float(rho[-1])


def run_exact(data: MESInput, share: Fraction) -> MESRun:
    """MES with exact fractions throughout (slow on big elections, never wrong)."""
    election = data.election
    budgets = _Budgets(len(data.weights), share)
    selected = list(data.funded_free)
    remaining = set(data.candidates)
    rho_lb = np.full(election.n_projects, np.inf)
    for j in remaining:
        rho_lb[j] = float(election.costs[j]) / float(np.dot(data.sw[j], data.unit_f[j]))
    dirty = np.ones(election.n_projects, dtype=bool)
    exact: dict[int, Fraction] = {}
    rounds: list[Round] = []
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
                rho = exact_rho(data, budgets, j)
                if rho is None:
                    remaining.discard(j)
                    continue
                exact[j] = rho
            priced.append((exact[j], election.project_ids[j], j))
        if not priced:
            continue
        rho, _, s = min(priced)
        rounds.append(Round(s, float(rho), _pay(data, budgets, s, rho)))
        selected.append(s)
        remaining.discard(s)
        dirty |= data.co_supported[s]
    money = {
        j: float(_money(data, budgets, j)) for j in data.candidates if j not in selected
    }
    return MESRun(selected=selected, rounds=rounds, money=money, exact=True)


def _pay(data: MESInput, budgets: _Budgets, s: int, rho: Fraction) -> list[Payment]:
    """Charge supporters of ``s`` and move them to their new budget classes."""
    classes, unit, wsum, inv = _groups(data, budgets, s)
    new_class = np.empty(len(classes), dtype=np.int64)
    paid = np.empty(len(classes))
    poor = np.zeros(len(classes), dtype=bool)
    for i, (k, u) in enumerate(zip(classes.tolist(), unit.tolist(), strict=True)):
        before = budgets.vals[k]
        pay = min(before, rho * data.scale[s] * u)
        new_class[i] = budgets.class_of(before - pay)
        paid[i] = float(pay)
        poor[i] = pay == before
    budgets.cls[data.supporters[s]] = new_class[inv]
    utility = unit * float(data.scale[s])
    return summarise_payments(wsum.astype(np.float64), utility, paid, poor)
