"""Ballots where voters may also choose projects to drop ("vælg fra").

Rødovre's principle "vi tør prioritere" asks voters not only what to fund but
also what to drop. A voter approves some projects and disapproves ("drops")
some others; no project is both. This is approval–disapproval voting
(Felsenthal 1989, "On combining approval with disapproval voting"; Alcantud &
Laruelle 2014, "Dis&approval voting: a characterization") carried over to a
budget.

The rule, *net approval*:

* A project's **net approval** is its approvals minus its drops.
* **Veto of the majority of opinions**: a project whose net approval is not
  positive — at least as many voters dropped it as approved it — is never
  funded. Among the voters who expressed a view on it, it has no majority.
* The round's rule then counts the remaining projects:

  * ``greedy`` ranks them by net approval (ties by project id as a string,
    ascending, as every rule here) and funds each that still fits;
  * ``mes-greedy`` and ``mes-add1`` run the Method of Equal Shares on the
    approvals for the remaining projects — every voter keeps an equal share
    of the whole budget, and a drop is not money, so it does not buy or block
    anything inside MES beyond the veto — and the greedy completion ranks by
    net approval.

Drops are given per voter, aligned with the election's voters, as lists of
project ids. In a Pabulib file they are the extra VOTES column ``drops``
(:data:`DROPS_COLUMN`), project ids separated by commas; Pabulib has no
standard for negative votes.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from .election import APPROVAL_TYPES, Election
from .greedy import greedy
from .mes import mes_add1, mes_greedy
from .outcome import Outcome

DROPS_COLUMN = "drops"

#: The rules that can count ballots with drops.
DROP_RULES = ("greedy", "mes-greedy", "mes-add1")


class DropsError(ValueError):
    """Drops that cannot be counted: unknown project, approved and dropped."""


def drops_from_election(election: Election) -> list[list[str]]:
    """The VOTES column ``drops`` as one list of project ids per voter."""
    column = election.voter_fields.get(DROPS_COLUMN)
    if column is None:
        return [[] for _ in range(election.n_voters)]
    return [[p.strip() for p in cell.split(",") if p.strip()] for cell in column]


def attach_drops(election: Election, drops: Sequence[Sequence[str]]) -> Election:
    """Put the drops in the election's VOTES column ``drops`` (for the writer)."""
    if len(drops) != election.n_voters:
        raise DropsError("one list of drops per voter is needed")
    if DROPS_COLUMN not in election.voter_columns:
        election.voter_columns = [*election.voter_columns, DROPS_COLUMN]
    election.voter_fields = {
        **election.voter_fields,
        DROPS_COLUMN: [",".join(d) for d in drops],
    }
    return election


def drop_counts(election: Election, drops: Sequence[Sequence[str]]) -> np.ndarray:
    """Number of voters who dropped each project; checks the drops.

    A voter who both approves and drops a project, drops an unknown project or
    drops one twice is refused with :class:`DropsError`.
    """
    if election.vote_type not in APPROVAL_TYPES:
        raise DropsError(
            f"drops can only be counted with approval ballots, not {election.vote_type}"
        )
    if len(drops) != election.n_voters:
        raise DropsError("one list of drops per voter is needed")
    index = {pid: j for j, pid in enumerate(election.project_ids)}
    counts = np.zeros(election.n_projects, dtype=np.int64)
    for voter, dropped in enumerate(drops):
        if not dropped:
            continue
        if len(set(dropped)) != len(dropped):
            raise DropsError(f"voter {voter + 1} drops a project twice")
        approved = set(election.ballot(voter))
        for pid in dropped:
            j = index.get(pid)
            if j is None:
                raise DropsError(f"voter {voter + 1} drops unknown project {pid}")
            if pid in approved:
                raise DropsError(
                    f"voter {voter + 1} both approves and drops project {pid}"
                )
            counts[j] += 1
    return counts


def restrict(election: Election, keep: Collection[str]) -> Election:
    """The same voters with only the projects in ``keep`` (order kept)."""
    kept = [j for j, pid in enumerate(election.project_ids) if pid in keep]
    new_index = np.full(election.n_projects, -1, dtype=np.int64)
    new_index[kept] = np.arange(len(kept), dtype=np.int64)
    mapped = new_index[election.indices] if election.n_projects else election.indices
    mask = mapped >= 0
    rows = election.voter_rows()
    indptr = np.concatenate(
        ([0], np.cumsum(np.bincount(rows[mask], minlength=election.n_voters)))
    ).astype(np.int64)
    return Election(
        budget=election.budget,
        project_ids=[election.project_ids[j] for j in kept],
        costs=[election.costs[j] for j in kept],
        vote_type=election.vote_type,
        indptr=indptr,
        indices=mapped[mask],
        points=election.points[mask],
        voter_ids=list(election.voter_ids),
        meta=dict(election.meta),
    )


def count_with_drops(
    election: Election, drops: Sequence[Sequence[str]], *, rule: str
) -> Outcome:
    """Count ``election`` under ``rule`` with net approval (see module doc).

    The explanation of every project carries ``approvals``, ``drops`` and
    ``net``; a project vetoed by its drops has the status ``dropped``.
    """
    if rule not in DROP_RULES:
        raise DropsError(f"rule {rule!r} cannot count drops; use one of {DROP_RULES}")
    dropped = drop_counts(election, drops)
    approvals = (
        election.support() if election.n_projects else np.zeros(0, dtype=np.int64)
    )
    net = approvals.astype(np.int64) - dropped
    eligible = [pid for j, pid in enumerate(election.project_ids) if net[j] > 0]
    if rule == "greedy":
        # Net approval below 1 is exactly the veto; greedy reports it as
        # below_threshold, renamed to dropped below.
        outcome = greedy(election, scores=net, threshold=1, rule="greedy")
    else:
        sub = restrict(election, set(eligible))
        sub_net = np.asarray(
            [net[j] for j, pid in enumerate(election.project_ids) if net[j] > 0],
            dtype=np.int64,
        )
        if sub.n_projects and sub.n_voters:
            if rule == "mes-add1":
                outcome = mes_add1(sub, utilities="cost", rule=rule)
            else:
                outcome = mes_greedy(sub, utilities="cost", rule=rule, scores=sub_net)
        else:
            outcome = Outcome(
                rule=rule,
                selected=[],
                total_cost=Fraction(0),
                budget=election.budget,
                explanation={"kind": "mes", "projects": {}},
            )
        outcome.budget = election.budget
    projects: dict[str, Any] = outcome.explanation.setdefault("projects", {})
    for j, pid in enumerate(election.project_ids):
        info = dict(projects.get(pid, {}))
        if net[j] <= 0:
            info = {"status": "dropped", "cost": _num(election.costs[j])}
        info.update(approvals=int(approvals[j]), drops=int(dropped[j]), net=int(net[j]))
        projects[pid] = info
    outcome.explanation["drops"] = {
        "rule": "net-approval",
        "vetoed": [pid for pid in election.project_ids if pid not in set(eligible)],
    }
    return outcome


def _num(value: Fraction) -> int | str:
    value = Fraction(value)
    return value.numerator if value.denominator == 1 else str(value)
