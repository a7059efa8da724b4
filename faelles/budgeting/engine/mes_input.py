"""Input preparation for the Method of Equal Shares: ballots grouped, indexed."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from .election import Election


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
    total_u: list[float]  # total utility of each project over all voters
    funded_free: list[int]  # supported projects of cost 0
    candidates: list[int]  # supported projects of positive cost
    co_supported: np.ndarray  # P x P: share at least one supporter
    group_indptr: np.ndarray  # CSR by voter group: where its projects start
    group_projects: np.ndarray  # projects each group supports
    n_voters: int

    def entries_of(self, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(position in ``groups``, project) for every project those groups support."""
        starts = self.group_indptr[groups]
        lens = self.group_indptr[groups + 1] - starts
        owner = np.repeat(np.arange(len(groups)), lens)
        offsets = np.arange(int(lens.sum())) - np.repeat(np.cumsum(lens) - lens, lens)
        return owner, self.group_projects[np.repeat(starts, lens) + offsets]

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
    # Canonical ballot: (project, points) pairs sorted by project, padded into
    # one row per voter so that identical ballots are found by np.unique.
    order = np.lexsort((cols, rows))
    rows, cols, pts = rows[order], cols[order], pts[order]
    lengths = np.bincount(rows, minlength=n)
    width = int(lengths.max()) if n and len(rows) else 0
    position = np.arange(len(rows)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    padded = np.full((n, 2 * width), -1, dtype=np.int64)
    padded[rows, position] = cols
    padded[rows, width + position] = pts
    unique_rows, group_of = _unique_rows(padded)
    counts = np.bincount(group_of, minlength=len(unique_rows))
    n_groups = len(unique_rows)
    weights = counts.astype(np.float64)
    g_cols = unique_rows[:, :width]
    g_pts = unique_rows[:, width:]
    present = g_cols >= 0
    e_groups = np.nonzero(present)[0]
    e_cols, e_pts = g_cols[present], g_pts[present]
    by_project = np.argsort(e_cols, kind="stable")
    e_groups, e_cols, e_pts = (
        e_groups[by_project],
        e_cols[by_project],
        e_pts[by_project],
    )
    bounds = np.searchsorted(e_cols, np.arange(p + 1))
    supporters, units, scale, unit_f, sw = [], [], [], [], []
    funded_free: list[int] = []
    candidates: list[int] = []
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
        # As pabutools: a project nobody gets utility from takes no part. With
        # cost utilities that includes a project of cost 0 (utility = cost =
        # 0); with cardinal utilities a supported free project is funded first.
        if len(sg) and (unit.sum() > 0) and sc > 0:
            (candidates if election.costs[j] > 0 else funded_free).append(j)
    co = _co_supported(g_cols, p)
    by_group = np.argsort(e_groups, kind="stable")
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
        total_u=[float(np.dot(w, u)) for w, u in zip(sw, unit_f, strict=True)],
        funded_free=funded_free,
        candidates=candidates,
        co_supported=co,
        group_indptr=np.searchsorted(e_groups[by_group], np.arange(n_groups + 1)),
        group_projects=e_cols[by_group],
        n_voters=n,
    )


def _co_supported(g_cols: np.ndarray, p: int) -> np.ndarray:
    """P x P: projects that share at least one ballot group."""
    co = np.zeros((p, p), dtype=bool)
    width = g_cols.shape[1]
    if width <= 24:
        for a in range(width):
            for b in range(width):
                both = (g_cols[:, a] >= 0) & (g_cols[:, b] >= 0)
                co[g_cols[both, a], g_cols[both, b]] = True
        return co
    incidence = np.zeros((len(g_cols), p), dtype=np.float32)
    rows, cols = np.nonzero(g_cols >= 0)
    incidence[rows, g_cols[rows, cols]] = 1.0
    return (incidence.T @ incidence) > 0


def _unique_rows(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct rows and the row id of every input row (lexsort, no void dtype)."""
    if len(matrix) == 0:
        return matrix, np.zeros(0, dtype=np.int64)
    order = np.lexsort(matrix.T[::-1]) if matrix.shape[1] else np.arange(len(matrix))
    ordered = matrix[order]
    starts = np.ones(len(matrix), dtype=bool)
    starts[1:] = np.any(ordered[1:] != ordered[:-1], axis=1)
    ids = np.cumsum(starts) - 1
    group_of = np.empty(len(matrix), dtype=np.int64)
    group_of[order] = ids
    return ordered[starts], group_of
