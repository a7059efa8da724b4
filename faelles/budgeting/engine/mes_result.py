"""Plain records of one MES run, shared by the exact and the fast runner."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass
class Payment:
    """How one kind of supporter paid for a project.

    Supporters with the same utility either paid the equal price ``rho *
    utility`` (``paid_all`` False) or, having less than that left, everything
    they had (``paid_all`` True; ``payment_per_voter`` is then their average).
    """

    voters: int
    utility: float
    payment_per_voter: float
    paid_all: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "voters": self.voters,
            "utility": self.utility,
            "payment_per_voter": round(self.payment_per_voter, 6),
            "paid_all": self.paid_all,
        }


def summarise_payments(
    weights: np.ndarray, utility: np.ndarray, payment: np.ndarray, poor: np.ndarray
) -> list[Payment]:
    out = []
    for u in np.unique(utility):
        for flag in (False, True):
            mask = (utility == u) & (poor == flag)
            voters = int(round(weights[mask].sum()))
            if voters:
                avg = float(np.dot(weights[mask], payment[mask])) / voters
                out.append(Payment(voters, float(u), avg, flag))
    return out


@dataclass
class Round:
    project: int
    rho: float
    payments: list[Payment]


@dataclass
class MESRun:
    """Selected project indices in order, per-round payments, leftover money.

    ``money`` maps every supported project that was not funded to its
    supporters' money at the end; ``skip`` is how far the voters' share may
    grow with the outcome provably unchanged (used by add1 completion).
    """

    selected: list[int]
    rounds: list[Round] = field(default_factory=list)
    money: dict[int, float] = field(default_factory=dict)
    exact: bool = False
    skip: float = 0.0
