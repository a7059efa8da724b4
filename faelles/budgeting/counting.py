"""Bridge between the Django models and the pure counting engine.

Turns a round's projects and anonymous ballots into the engine's
:class:`~faelles.budgeting.engine.Election`, runs greedy and the Method of Equal
Shares, and condenses the engine's explanations into JSON that the results page
can show without ever pointing at a single voter: MES payments are aggregated
per project, and groups of fewer than five voters are folded together.

The round's rule decides which projects are funded: MES completed greedily
(the engine's ``mes_greedy``, the default), MES completed by add1 (``mes_add1``,
as Assen, Świecie and Wieliczka), or greedy alone. The results always show
greedy beside the MES variant, so people can compare.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
from django.utils import timezone

from .engine import Election, Outcome
from .engine.drops import attach_drops, count_with_drops, drops_from_election
from .engine.election import ordinal_points
from .engine.greedy import greedy
from .engine.mes import mes_add1, mes_greedy
from .models import (
    DROP_BALLOT_TYPES,
    Ballot,
    BallotSource,
    BallotType,
    BudgetRound,
    CountingRule,
    Project,
)

MIN_GROUP = 5

#: The Pabulib META ``rule`` of each of our counting rules.
PABULIB_RULE: dict[str, str] = {
    CountingRule.MES: "equalshares/greedy",
    CountingRule.MES_ADD1: "equalshares/add1",
    CountingRule.GREEDY: "greedy",
}

#: META ``comment`` of a round with drops: Pabulib has no standard for them.
DROPS_COMMENT = (
    "VOTES column drops lists the projects each voter chose to drop "
    "(disapproval votes, not part of the Pabulib standard). Fælles counts them "
    "by net approval: a project with at least as many drops as approvals is "
    "never funded, and greedy steps rank by approvals minus drops."
)

VOTE_TYPE: dict[str, str] = {
    BallotType.APPROVAL: "approval",
    BallotType.KNAPSACK: "approval",
    BallotType.CUMULATIVE: "cumulative",
    BallotType.CHOOSE_ONE: "choose-1",
    BallotType.RANKED: "ordinal",
}


def ballot_projects(budget_round: BudgetRound) -> list[Project]:
    return list(
        budget_round.projects.on_ballot().select_related("theme").order_by("id")
    )


def election_for_round(
    budget_round: BudgetRound, projects: list[Project] | None = None
) -> Election:
    """The round as an engine election; ballots in random (UUID) order."""
    projects = ballot_projects(budget_round) if projects is None else projects
    index = {p.pk: j for j, p in enumerate(projects)}
    ids = {p.pk: p.election_id for p in projects}
    vote_type = VOTE_TYPE[budget_round.ballot_type]
    max_length = budget_round.max_projects or len(projects)
    indptr = [0]
    indices: list[int] = []
    points: list[int] = []
    with_drops = has_drops(budget_round)
    drops: list[list[str]] = []
    ballots = Ballot.objects.filter(round=budget_round).order_by("id")
    fields = ("choices", "drops") if with_drops else ("choices",)
    for row in ballots.values_list(*fields).iterator(chunk_size=5000):
        choices = row[0]
        if with_drops:
            # Like choices, drops of a project taken off the ballot are left out.
            drops.append([ids[pk] for pk in row[1] if pk in ids])
        position = 0
        for project_id, pts in choices:
            j = index.get(project_id)
            if j is None:  # a project taken off the ballot after voting began
                continue
            indices.append(j)
            if vote_type == "ordinal":
                points.append(ordinal_points(position, max(max_length, position + 1)))
            else:
                points.append(int(pts))
            position += 1
        indptr.append(len(indices))
    meta = {
        "description": budget_round.title,
        "country": "Denmark",
        "unit": budget_round.municipality.name,
        "instance": str(
            budget_round.voting_end.year if budget_round.voting_end else ""
        ),
        "budget": str(budget_round.budget),
        "vote_type": vote_type,
        "rule": PABULIB_RULE[budget_round.counting_rule],
        "currency": "DKK",
        "language": "da",
        **({"subunit": budget_round.area_name} if budget_round.area_name else {}),
    }
    if budget_round.voting_start:
        meta["date_begin"] = budget_round.voting_start.strftime("%d.%m.%Y")
    if budget_round.voting_end:
        meta["date_end"] = budget_round.voting_end.strftime("%d.%m.%Y")
    if budget_round.ballot_type in (BallotType.APPROVAL, BallotType.RANKED):
        meta["min_length"] = str(budget_round.min_projects)
        if budget_round.max_projects:
            meta["max_length"] = str(budget_round.max_projects)
    if budget_round.ballot_type == BallotType.KNAPSACK:
        meta["max_sum_cost"] = str(budget_round.budget)
    if budget_round.ballot_type == BallotType.CUMULATIVE:
        meta["max_sum_points"] = str(budget_round.points_total)
    if budget_round.ballot_type == BallotType.CHOOSE_ONE:
        meta["max_length"] = "1"
    if budget_round.ballot_type == BallotType.RANKED:
        meta["max_length"] = str(max_length)
    # An imported round keeps the original file's META keys it does not set.
    meta = {**budget_round.pabulib_meta, **meta} if budget_round.is_imported else meta
    if with_drops:
        meta["comment"] = DROPS_COMMENT
    n = len(indptr) - 1
    election = Election(
        budget=Fraction(budget_round.budget),
        project_ids=[p.election_id for p in projects],
        costs=[Fraction(p.cost) for p in projects],
        vote_type=vote_type,
        indptr=np.asarray(indptr, dtype=np.int64),
        indices=np.asarray(indices, dtype=np.int64),
        points=np.asarray(points, dtype=np.int64),
        voter_ids=[str(v + 1) for v in range(n)],
        meta=meta,
        project_columns=["project_id", "cost", "name", "category"],
        project_fields=[
            {
                "project_id": p.election_id,
                "cost": str(p.cost),
                "name": p.title,
                # Pabulib's category column: the municipality's theme.
                "category": p.theme.name if p.theme else "",
            }
            for p in projects
        ],
        voter_columns=["voter_id", "vote"],
    )
    return attach_drops(election, drops) if with_drops else election


def has_drops(budget_round: BudgetRound) -> bool:
    """Whether the round's voters could also choose projects to drop."""
    return budget_round.allow_drops and budget_round.ballot_type in DROP_BALLOT_TYPES


def count_round(budget_round: BudgetRound) -> dict[str, Any]:
    """Count a round with greedy and MES; a JSON-friendly, voter-free summary."""
    projects = ballot_projects(budget_round)
    election = election_for_round(budget_round, projects)
    completion = (
        "add1" if budget_round.counting_rule == CountingRule.MES_ADD1 else "greedy"
    )
    with_drops = has_drops(budget_round)
    if with_drops:
        # Net approval (docs/budgeting.md, "Choosing what to drop").
        drops = drops_from_election(election)
        g = count_with_drops(election, drops, rule="greedy")
        m = count_with_drops(election, drops, rule=f"mes-{completion}")
    else:
        g = greedy(election, rule="greedy")
        m = _mes(election, completion)
    scores = election.scores() if election.n_projects else np.zeros(0)
    support = election.support() if election.n_projects else np.zeros(0)
    mes_projects = m.explanation.get("projects", {})
    greedy_projects = g.explanation.get("projects", {})
    rows = []
    for j, project in enumerate(projects):
        pid = project.election_id
        info = mes_projects.get(pid, {})
        row: dict[str, Any] = {
            "project": project.pk,
            "id": pid,
            "title": project.title,
            "cost": project.cost,
            "score": int(scores[j]),
            "supporters": int(support[j]),
            "greedy": pid in g.selected,
            "mes": pid in m.selected,
            "mes_by_completion": info.get("status") == "selected_by_completion",
            "greedy_reason": _greedy_reason(greedy_projects.get(pid, {})),
            "mes_reason": _mes_reason(info, m.explanation.get("completion", {})),
        }
        if with_drops:
            row["drops"] = int(info.get("drops", 0))
            row["net"] = int(info.get("net", row["score"]))
        if info.get("payments"):
            row["sharing"] = _sharing(info)
        rows.append(row)
    configured = g if budget_round.counting_rule == CountingRule.GREEDY else m
    by_id = {p.election_id: p for p in projects}
    paper = Ballot.objects.filter(round=budget_round, source=BallotSource.PAPER).count()
    return {
        "computed_at": timezone.now().isoformat(),
        "voters": election.n_voters,
        "paper": paper,
        "budget": budget_round.budget,
        "vote_type": election.vote_type,
        "start_share": _to_float(election.budget / max(election.n_voters, 1)),
        "voter_share": _to_float(m.explanation.get("voter_share", 0)),
        "completion": completion,
        "rule": budget_round.counting_rule,
        "drops": with_drops,
        "funded": [by_id[pid].pk for pid in configured.selected],  # in order
        "greedy": _summary(election, g),
        "mes": _summary(election, m),
        "projects": rows,
    }


def _mes(election: Election, completion: str) -> Outcome:
    if not (election.n_voters and election.n_projects):
        return Outcome(
            rule=f"mes-{completion}",
            selected=[],
            total_cost=Fraction(0),
            budget=election.budget,
        )
    if completion == "add1":
        return mes_add1(election, utilities="cost", rule="mes-add1")
    return mes_greedy(election, utilities="cost", rule="mes-greedy")


def _summary(election: Election, outcome: Outcome) -> dict[str, Any]:
    return {
        "selected": list(outcome.selected),
        "total_cost": _to_float(outcome.total_cost),
        "happy_voters": voters_with_a_winner(election, outcome.selected),
    }


def voters_with_a_winner(election: Election, selected: list[str]) -> int:
    """How many voters gave a positive score to at least one funded project."""
    if not election.n_voters or not selected:
        return 0
    chosen = np.zeros(election.n_projects, dtype=bool)
    index = {pid: j for j, pid in enumerate(election.project_ids)}
    chosen[[index[p] for p in selected]] = True
    hit = chosen[election.indices] & (election.points > 0)
    rows = election.voter_rows()[hit]
    return int(np.count_nonzero(np.bincount(rows, minlength=election.n_voters)))


def _to_float(value) -> float:
    return float(Fraction(value))


def _greedy_reason(info: dict) -> dict[str, Any]:
    status = info.get("status", "")
    out: dict[str, Any] = {"status": status}
    if "remaining_budget" in info:
        out["remaining"] = _to_float(info["remaining_budget"])
    return out


def _mes_reason(info: dict, completion: dict) -> dict[str, Any]:
    status = info.get("status", "")
    out: dict[str, Any] = {"status": status}
    if status == "supporters_money_too_little":
        out["supporters_money"] = _to_float(info.get("supporters_money", 0))
    if info.get("completion") == "did_not_fit":
        out["completion"] = "did_not_fit"
        out["remaining"] = _to_float(completion.get("remaining_budget", 0))
    return out


def _sharing(info: dict) -> dict[str, Any]:
    """How a funded project's cost was split, in buckets of at least five voters."""
    buckets: dict[int, int] = {}
    for group in info["payments"]:
        amount = round(_to_float(group["payment_per_voter"]))
        buckets[amount] = buckets.get(amount, 0) + int(group["voters"])
    payers = sum(buckets.values())
    shown, folded_voters, folded_amount = [], 0, 0.0
    for amount, voters in sorted(buckets.items(), reverse=True):
        if voters >= MIN_GROUP:
            shown.append({"amount": amount, "voters": voters})
        else:
            folded_voters += voters
            folded_amount += amount * voters
    other: dict[str, int | None] | None = None
    if folded_voters >= MIN_GROUP:
        other = {
            "voters": folded_voters,
            "average": round(folded_amount / folded_voters),
        }
    elif folded_voters:
        other = {"voters": None, "average": None}
    return {
        "payers": payers,
        "price_per_point": _to_float(info.get("rho", 0)),
        "buckets": shown,
        "other": other,
    }
