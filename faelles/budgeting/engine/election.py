"""The plain data model shared by the parser, the writer and the counting rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from .pabulib import Repair

APPROVAL_TYPES = ("approval", "choose-1")
POINT_TYPES = ("cumulative", "scoring")
VOTE_TYPES = (*APPROVAL_TYPES, *POINT_TYPES, "ordinal")


@dataclass
class Election:
    """One participatory-budgeting election, exact where money is concerned.

    Ballots are stored as a CSR matrix (``indptr``/``indices``/``points``): row
    ``v`` lists voter ``v``'s projects in ballot order (the order matters for
    ordinal ballots) and the points the voter gave them. Approval ballots carry
    one point per project; ordinal ballots carry the points of their position
    (see :func:`ordinal_points`).
    """

    budget: Fraction
    project_ids: list[str]
    costs: list[Fraction]
    vote_type: str
    indptr: np.ndarray
    indices: np.ndarray
    points: np.ndarray
    voter_ids: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    project_columns: list[str] = field(default_factory=list)
    project_fields: list[dict[str, str]] = field(default_factory=list)
    voter_columns: list[str] = field(default_factory=list)
    voter_fields: dict[str, list[str]] = field(default_factory=dict)
    #: Ballots read in their evident meaning (``pabulib.Repair``), e.g. an
    #: approval ballot that lists a project twice.
    repairs: list[Repair] = field(default_factory=list)

    @property
    def n_voters(self) -> int:
        return len(self.indptr) - 1

    @property
    def n_projects(self) -> int:
        return len(self.project_ids)

    def ballot(self, voter: int) -> list[str]:
        lo, hi = self.indptr[voter], self.indptr[voter + 1]
        return [self.project_ids[j] for j in self.indices[lo:hi]]

    def voter_rows(self) -> np.ndarray:
        """Voter index of every CSR entry."""
        return np.repeat(np.arange(self.n_voters), np.diff(self.indptr))

    def scores(self) -> np.ndarray:
        """Total points per project (number of approvals for approval ballots)."""
        return np.bincount(
            self.indices, weights=self.points, minlength=self.n_projects
        ).astype(np.int64)

    def support(self) -> np.ndarray:
        """Number of voters who gave each project a positive score."""
        mask = self.points > 0
        return np.bincount(self.indices[mask], minlength=self.n_projects)

    def selected_column(self) -> list[str] | None:
        """Official winners from the PROJECTS ``selected`` column, if present."""
        if "selected" not in self.project_columns:
            return None
        return [
            pid
            for pid, row in zip(self.project_ids, self.project_fields, strict=True)
            if row.get("selected", "").strip() in ("1", "1.0", "True", "true")
        ]

    def total_cost(self, project_ids: list[str]) -> Fraction:
        index = {pid: j for j, pid in enumerate(self.project_ids)}
        return sum((self.costs[index[p]] for p in project_ids), Fraction(0))


# One position or a whole array of them (the parser scores every ballot at once).
_Rank = TypeVar("_Rank", int, npt.NDArray[np.int64])


def ordinal_points(position: _Rank, length: int) -> _Rank:
    """Pabulib's positional scoring for ordinal ballots: ``length - position``.

    With ``max_length`` = 3 the first choice gets 3 points, the third 1 point,
    which reproduces the ``score`` column of e.g. Kraków 2018.
    """
    return length - position


def build_election(
    *,
    budget: int | Fraction,
    costs: dict[str, int | Fraction],
    ballots: list[list[str]] | list[dict[str, int]],
    vote_type: str = "approval",
    meta: dict[str, str] | None = None,
) -> Election:
    """Build an election from plain Python data (used by tests and callers)."""
    project_ids = list(costs)
    index = {pid: j for j, pid in enumerate(project_ids)}
    indptr = [0]
    indices: list[int] = []
    points: list[int] = []
    max_len = max((len(b) for b in ballots), default=0)
    if meta and meta.get("max_length"):
        max_len = int(meta["max_length"])
    for ballot in ballots:
        if isinstance(ballot, dict):
            items = list(ballot.items())
        else:
            items = [(pid, 1) for pid in ballot]
        for pos, (pid, pts) in enumerate(items):
            indices.append(index[pid])
            if vote_type == "ordinal":
                points.append(ordinal_points(pos, max_len))
            else:
                points.append(int(pts))
        indptr.append(len(indices))
    full_meta = {"budget": str(budget), "vote_type": vote_type, **(meta or {})}
    return Election(
        budget=Fraction(budget),
        project_ids=project_ids,
        costs=[Fraction(c) for c in costs.values()],
        vote_type=vote_type,
        indptr=np.asarray(indptr, dtype=np.int64),
        indices=np.asarray(indices, dtype=np.int64),
        points=np.asarray(points, dtype=np.int64),
        voter_ids=[str(i) for i in range(len(ballots))],
        meta=full_meta,
        project_columns=["project_id", "cost"],
        project_fields=[
            {"project_id": pid, "cost": str(c)} for pid, c in costs.items()
        ],
    )
