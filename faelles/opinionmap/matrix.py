"""The vote matrix: each participant's latest vote on each statement.

Votes arrive as a log (a participant may change their mind); only the latest vote per
participant and statement counts, as in Polis. Rows and columns are kept in sorted id
order so that the map never depends on the order votes were stored in.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

AGREE, PASS, DISAGREE = 1, 0, -1


class VoteError(ValueError):
    """A vote that cannot be used (unknown value)."""


def _sorted_ids(ids: Iterable[Hashable]) -> list:
    """Ids in a canonical order: numbers numerically, anything else as text."""
    ids = list(ids)
    try:
        return sorted(ids)
    except TypeError:
        return sorted(ids, key=lambda x: (type(x).__name__, str(x)))


@dataclass(frozen=True)
class VoteMatrix:
    """Latest votes: ``values[i, j]`` is participant i's vote on statement j (NaN: none)."""

    participants: tuple
    statements: tuple
    values: np.ndarray  # float64, shape (participants, statements), agree = +1

    @classmethod
    def from_votes(
        cls, votes: Iterable[tuple[Hashable, Hashable, int, float]]
    ) -> VoteMatrix:
        """Build from ``(participant, statement, vote, time)``; the latest vote wins.

        Two votes with the same time: the later one in the input wins.
        """
        latest: dict[tuple, tuple[float, int, int]] = {}
        for seq, (pid, sid, vote, when) in enumerate(votes):
            if vote not in (AGREE, PASS, DISAGREE):
                raise VoteError(f"vote must be 1, 0 or -1, not {vote!r}")
            key = (pid, sid)
            stamp = (float(when), seq)
            old = latest.get(key)
            if old is None or stamp >= old[:2]:
                latest[key] = (stamp[0], seq, int(vote))
        pids = _sorted_ids({p for p, _ in latest})
        sids = _sorted_ids({s for _, s in latest})
        prow = {p: i for i, p in enumerate(pids)}
        scol = {s: j for j, s in enumerate(sids)}
        values = np.full((len(pids), len(sids)), np.nan)
        if latest:
            rows = np.fromiter((prow[p] for p, _ in latest), np.int64, len(latest))
            cols = np.fromiter((scol[s] for _, s in latest), np.int64, len(latest))
            vals = np.fromiter((v[2] for v in latest.values()), float, len(latest))
            values[rows, cols] = vals
        return cls(tuple(pids), tuple(sids), values)

    @classmethod
    def from_arrays(
        cls,
        participants: Sequence | np.ndarray,
        statements: Sequence | np.ndarray,
        votes: Sequence[int] | np.ndarray,
        times: Sequence[float] | np.ndarray | None = None,
    ) -> VoteMatrix:
        """Columnar form of :meth:`from_votes` (what a database query gives), vectorised."""
        p = np.asarray(participants)
        s = np.asarray(statements)
        v = np.asarray(votes, dtype=float)
        if not (len(p) == len(s) == len(v)):
            raise VoteError("participants, statements and votes differ in length")
        if v.size and not np.isin(v, (AGREE, PASS, DISAGREE)).all():
            raise VoteError("votes must be 1, 0 or -1")
        # unique + searchsorted is several times faster than return_inverse.
        pids = np.unique(p)
        sids = np.unique(s)
        prow = np.searchsorted(pids, p)
        scol = np.searchsorted(sids, s)
        cell = prow.astype(np.int64) * len(sids) + scol
        # Rank the votes in time (input order breaks ties); for each cell keep the
        # highest rank. Votes read in time order skip the sort.
        by_time = np.arange(len(v))
        if times is not None:
            t = np.asarray(times, dtype=float)
            if len(t) > 1 and not (t[1:] >= t[:-1]).all():
                by_time = np.argsort(t, kind="stable")
        rank = np.empty(len(v), dtype=np.int64)
        rank[by_time] = np.arange(len(v))
        latest = np.full(len(pids) * len(sids), -1, dtype=np.int64)
        np.maximum.at(latest, cell, rank)
        cells = np.flatnonzero(latest >= 0)
        values = np.full((len(pids), len(sids)), np.nan)
        values.reshape(-1)[cells] = v[by_time[latest[cells]]]
        return cls(tuple(pids.tolist()), tuple(sids.tolist()), values)

    def vote_counts(self) -> np.ndarray:
        return np.count_nonzero(~np.isnan(self.values), axis=1)
