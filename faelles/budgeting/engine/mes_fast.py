"""Fast MES run in floating point, certified or handed back to the exact run.

Every decision of MES is a comparison: which affordable project has the lowest
price ``rho``, and whether a project's supporters still have its cost. The fast
run makes these comparisons in float64 and raises :class:`TooClose` as soon as
one of them is within a relative ``TOL`` (1e-8) of flipping; the caller then
repeats the run with exact fractions (:mod:`.mes_exact`). Exact ties (equal
prices) always take that path, so pabutools' tie-breaking is applied exactly.

For add1 completion the run also computes ``skip``: how far every voter's
share may grow with exactly the same sequence of selections. Within one
sequence every budget is an affine function of the share ``b`` (slope
``alpha`` per voter group), the winner's price is affine in ``b`` and every
other project's price is a convex function of ``b`` bounded below by its
tangent; ``skip`` is the largest step for which all these lines keep the same
order, every unaffordable project stays unaffordable and every supporter of a
winner keeps paying in the same way (all of their money, or the equal price).
A relative safety margin is applied by the caller.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from .mes_input import MESInput
from .mes_result import MESRun, Round, summarise_payments

TOL = 1e-8
EDGE = 1e-9


class TooClose(Exception):
    """A decision was too close to call in floating point."""


def _water_fill(
    b: np.ndarray, u: np.ndarray, w: np.ndarray, cost: float, rho: float, total: float
) -> float:
    """Smallest rho with sum(w * min(b, rho * u)) = cost, by Newton from below.

    The left side is concave and piecewise linear in rho, so Newton's steps
    from below increase monotonically and stop after as many steps as the
    set of voters who pay all their money changes (a handful in practice),
    with no sort of the supporters.
    """
    wb, wu = w * b, w * u
    for _ in range(100):
        poor = b < rho * u
        rich_u = total - float(wu[poor].sum())
        if rich_u <= 0:
            break
        new = (cost - float(wb[poor].sum())) / rich_u
        if new <= rho:
            return rho
        rho = new
    ratio = b / u  # pragma: no cover - fallback, never needed on real data
    order = np.argsort(ratio, kind="stable")
    paid = np.concatenate(([0.0], np.cumsum(wb[order])[:-1]))
    util = total - np.concatenate(([0.0], np.cumsum(wu[order])[:-1]))
    with np.errstate(divide="ignore", invalid="ignore"):
        rhos = (cost - paid) / util
    ok = np.nonzero(rhos <= ratio[order] * (1 + 1e-12))[0]
    return float(rhos[ok[0]]) if len(ok) else float(rhos[-1])


class _FastRun:
    def __init__(
        self, data: MESInput, share: Fraction, track_skip: bool, explain: bool
    ):
        self.explain = explain
        self.data = data
        n_groups = len(data.weights)
        self.bud = np.full(n_groups, float(share))
        self.alpha = np.ones(n_groups)
        self.track = track_skip
        self.skip = np.inf
        self.cost = [float(c) for c in data.election.costs]
        self.total_u = data.total_u
        # Projects whose supporters can all pay the equal price: their price
        # is exactly cost / total utility, whatever the budgets are.
        self.flat: set[int] = set()

    def exact_flat_price(self, j: int) -> Fraction | None:
        if j not in self.flat:
            return None
        data = self.data
        units = int(np.dot(data.sw[j].astype(np.int64), data.units[j]))
        return data.election.costs[j] / (data.scale[j] * units)

    def price(self, j: int) -> tuple[float, float] | None:
        """(rho, lower slope of rho in the share), or None if unaffordable."""
        data = self.data
        sg, u, w = data.supporters[j], data.unit_f[j], data.sw[j]
        b = self.bud[sg]
        cost = self.cost[j]
        avail = float(np.dot(w, b))
        if avail < cost * (1 - TOL):
            if self.track:
                rate = float(np.dot(w, self.alpha[sg]))
                if rate > 0:
                    self.skip = min(self.skip, (cost - avail) / rate)
            return None
        if avail <= cost * (1 + TOL):
            raise TooClose
        rho = cost / self.total_u[j]
        if np.all(b >= rho * u * (1 + EDGE)):
            self.flat.add(j)
            return rho, 0.0
        self.flat.discard(j)
        rho = _water_fill(b, u, w, cost, rho, self.total_u[j])
        if not self.track:
            return rho, 0.0
        # Counting borderline supporters as poor can only make the slope
        # steeper, so the tangent stays a lower bound.
        poor = b <= rho * u * (1 + EDGE)
        rich_u = float(np.dot(w[~poor], u[~poor]))
        if rich_u <= 0:
            return rho, -np.inf
        return rho, -float(np.dot(w[poor], self.alpha[sg][poor])) / rich_u

    def pay(self, s: int, rho: float, others: list[int], lines: np.ndarray) -> Round:
        data = self.data
        sg, u, w = data.supporters[s], data.unit_f[s], data.sw[s]
        b = self.bud[sg]
        price = rho * u
        poor = b < price
        if self.track:
            alpha = self.alpha[sg]
            rich_u = float(np.dot(w[~poor], u[~poor]))
            slope = -float(np.dot(w[poor], alpha[poor])) / rich_u
            if np.any(np.abs(b - price) <= EDGE * price):
                self.skip = 0.0
            rate = alpha[poor] - slope * u[poor]
            pos = rate > 0
            if np.any(pos):
                margin = (price[poor] - b[poor])[pos] / rate[pos]
                self.skip = min(self.skip, float(margin.min()))
            if others:
                rho_o, slope_o = lines[0, others], lines[1, others]
                gap = slope - slope_o
                closing = gap > 0
                if np.any(closing):
                    bound = (rho_o[closing] - rho) / gap[closing]
                    self.skip = min(self.skip, float(bound.min()))
            self.alpha[sg] = np.where(poor, 0.0, alpha - slope * u)
        payment = np.where(poor, b, price)
        self.bud[sg] = b - payment
        summary = summarise_payments(w, u, payment, poor) if self.explain else []
        return Round(s, rho, summary)


def _exact_tie(state: _FastRun, near: list[int]) -> int:
    """Decide between near-equal prices when all of them are exact, else give up.

    Small elections often have projects with exactly the same price (with cost
    utilities the price starts at one over the number of supporters). When
    every supporter of every such project can pay the equal price, the prices
    are exact fractions that do not depend on the floating-point budgets, so
    the lowest price (ties: smallest id, as pabutools) is decided exactly here
    instead of re-running everything with fractions.
    """
    ids = state.data.election.project_ids
    priced = []
    for j in near:
        value = state.exact_flat_price(j)
        if value is None:
            raise TooClose
        priced.append((value, ids[j], j))
    return min(priced)[2]


def run_fast(
    data: MESInput,
    share: Fraction,
    *,
    track_skip: bool = False,
    explain: bool = True,
) -> MESRun:
    """MES in float64; raises :class:`TooClose` when exactness might matter."""
    election = data.election
    state = _FastRun(data, share, track_skip, explain)
    selected = list(data.funded_free)
    remaining = set(data.candidates)
    # lines[0] = price lower bound, lines[1] = its slope in the share.
    lines = np.zeros((2, election.n_projects))
    lines[0, :] = np.inf
    for j in remaining:
        lines[0, j] = state.cost[j] / state.total_u[j]
    dirty = np.ones(election.n_projects, dtype=bool)
    rounds: list[Round] = []
    while remaining:
        best = np.inf
        for j in sorted(remaining, key=lambda j: lines[0, j]):
            if lines[0, j] > best * (1 + TOL):
                break
            if dirty[j]:
                priced = state.price(j)
                if priced is None:
                    remaining.discard(j)
                    continue
                lines[:, j] = priced
                dirty[j] = False
            best = min(best, lines[0, j])
        if best == np.inf:
            break
        near = [
            j for j in remaining if not dirty[j] and lines[0, j] <= best * (1 + TOL)
        ]
        s = _exact_tie(state, near) if len(near) > 1 else near[0]
        remaining.discard(s)
        rounds.append(state.pay(s, float(lines[0, s]), sorted(remaining), lines))
        selected.append(s)
        dirty |= data.co_supported[s]
    money = {
        j: float(np.dot(data.sw[j], state.bud[data.supporters[j]]))
        for j in data.candidates
        if j not in selected
    }
    skip = state.skip if track_skip else 0.0
    return MESRun(selected=selected, rounds=rounds, money=money, skip=skip)
