"""Each of our counting rules, computed by the reference library pabutools 1.2.3.

Used by the engine tests (live, on small elections) and by
``bench/pabutools_reference.py`` (once, for the slow big files). pabutools is a
test-only dependency; nothing in the application imports this module.

pabutools has no ``greedy-no-skip``, ``greedy-threshold`` or add1 loop of its
own, so they are built from its primitives without using any of our code:

* greedy by score is ``greedy_utilitarian_welfare`` with the satisfaction
  "points x cost", whose density per unit of cost is the score;
* ``greedy-threshold`` is that greedy on the projects whose score (computed from
  pabutools' profile) reaches META ``min_project_score_threshold``;
* ``greedy-no-skip`` is the longest prefix of pabutools' greedy ranking (its
  greedy with an unlimited budget) that fits the budget;
* add1 runs pabutools' MES with the budget raised by ``n`` (one unit per voter)
  at a time, until the outcome costs more than the real budget, and returns the
  last outcome that fitted.
"""

from __future__ import annotations

from fractions import Fraction

from pabutools.election import (
    Additive_Cardinal_Sat,
    AdditiveSatisfaction,
    ApprovalBallot,
    ApprovalProfile,
    CardinalBallot,
    Cardinality_Sat,
    CardinalProfile,
    Cost_Sat,
    Instance,
    Project,
    parse_pabulib,
)
from pabutools.election.pabulib import parse_pabulib_from_string
from pabutools.fractions import frac
from pabutools.rules import (
    completion_by_rule_combination,
    greedy_utilitarian_welfare,
    method_of_equal_shares,
    sequential_phragmen,
)

from faelles.budgeting.engine.rules import PABUTOOLS_RULES

#: Rules compared with pabutools: the names only, from the engine's rule table.
RULES = PABUTOOLS_RULES


def _score_cost(instance, profile, ballot, project, precomputed):
    points = ballot.get(project, 0) if isinstance(ballot, dict) else project in ballot
    return points * project.cost


class ScoreCostSat(AdditiveSatisfaction):
    """Points (1 for an approval) times cost: greedy by score, as Pabulib counts."""

    def __init__(self, instance, profile, ballot):
        AdditiveSatisfaction.__init__(self, instance, profile, ballot, _score_cost)


def load(path=None, *, text: str | None = None):
    """pabutools' own parse of a ``.pb`` file; ordinal ballots get positional points.

    Pabulib scores an ordinal ballot of at most ``max_length`` projects with
    ``max_length`` points for the first choice, one less for each next one.
    """
    if text is not None:
        instance, profile = parse_pabulib_from_string(text)
    else:
        instance, profile = parse_pabulib(str(path))
    if instance.meta.get("vote_type") == "ordinal":
        length = int(instance.meta.get("max_length") or max(len(b) for b in profile))
        ballots = [
            CardinalBallot({p: length - i for i, p in enumerate(b)}) for b in profile
        ]
        profile = CardinalProfile(ballots, instance=instance)
    return instance, profile


def from_plain(
    *,
    budget: int | Fraction,
    costs: dict[str, int | Fraction],
    ballots: list[dict[str, int]],
    cardinal: bool,
):
    """Instance and profile from plain data (hypothesis tests)."""
    projects = {pid: Project(pid, _frac(cost)) for pid, cost in costs.items()}
    instance = Instance(projects.values(), budget_limit=_frac(budget))
    if cardinal:
        profile = CardinalProfile(
            [CardinalBallot({projects[p]: v for p, v in b.items()}) for b in ballots],
            instance=instance,
        )
    else:
        profile = ApprovalProfile(
            [ApprovalBallot(projects[p] for p in b) for b in ballots],
            instance=instance,
        )
    return instance, profile


def _frac(value):
    value = Fraction(value)
    return frac(value.numerator, value.denominator)


def _points(ballot, project) -> int:
    return (
        ballot.get(project, 0) if isinstance(ballot, dict) else int(project in ballot)
    )


def scores(profile) -> dict:
    out: dict = {}
    for ballot in profile:
        for project in ballot:
            out[project] = out.get(project, 0) + _points(ballot, project)
    return out


def _approval_of_support(profile):
    if isinstance(profile, ApprovalProfile):
        return profile
    return ApprovalProfile([ApprovalBallot(p for p in b if b[p] > 0) for b in profile])


def _with_budget(instance, budget, projects=None):
    return Instance(
        instance if projects is None else projects,
        budget_limit=budget,
        meta=dict(instance.meta),
    )


def _cardinal_sat(profile):
    return (
        Cardinality_Sat
        if isinstance(profile, ApprovalProfile)
        else Additive_Cardinal_Sat
    )


def _total(projects):
    return sum((p.cost for p in projects), frac(0))


def greedy_ranking(instance, profile) -> list:
    """pabutools' greedy order: its greedy outcome when every project fits."""
    unlimited = _with_budget(instance, _total(instance) + 1)
    return list(greedy_utilitarian_welfare(unlimited, profile, sat_class=ScoreCostSat))


def add1(instance, profile) -> list:
    """The add1 loop of equalshares.net, with pabutools' MES at each step.

    MES runs on pabutools' multi-profile (identical ballots merged, with their
    multiplicity), pabutools' own faster form of the same profile.
    """
    budget = instance.budget_limit
    n = profile.num_ballots()
    supported = {p for b in profile for p in b if _points(b, p) > 0 and p.cost > 0}
    grouped = profile.as_multiprofile()
    last = None
    step = 0
    while True:
        raised = _with_budget(instance, budget + n * step)
        outcome = list(method_of_equal_shares(raised, grouped, sat_class=Cost_Sat))
        if _total(outcome) > budget:
            break
        last = outcome
        if supported <= set(outcome):
            break  # everything anybody voted for is funded; more money changes nothing
        step += 1
    return last if last is not None else []


def mes_at_step(instance, profile, step: int) -> tuple[list, bool]:
    """pabutools' MES with every voter's share raised by ``step`` units.

    Returns (outcome, whether it fits the real budget).
    """
    raised = _with_budget(
        instance, instance.budget_limit + profile.num_ballots() * step
    )
    result = list(
        method_of_equal_shares(raised, profile.as_multiprofile(), sat_class=Cost_Sat)
    )
    return result, _total(result) <= instance.budget_limit


def outcome(instance, profile, rule: str) -> list[str]:
    """Names of the projects pabutools selects under our rule called ``rule``."""
    if rule == "greedy":
        result = greedy_utilitarian_welfare(instance, profile, sat_class=ScoreCostSat)
    elif rule == "greedy-threshold":
        raw = instance.meta.get("min_project_score_threshold", "").strip()
        threshold = _frac(raw.replace(",", ".")) if raw else frac(0)
        score = scores(profile)
        kept = [p for p in instance if score.get(p, 0) >= threshold]
        result = greedy_utilitarian_welfare(
            _with_budget(instance, instance.budget_limit, kept),
            profile,
            sat_class=ScoreCostSat,
        )
    elif rule == "greedy-no-skip":
        result, spent = [], frac(0)
        for project in greedy_ranking(instance, profile):
            if spent + project.cost > instance.budget_limit:
                break
            result.append(project)
            spent += project.cost
    elif rule == "mes":
        result = method_of_equal_shares(instance, profile, sat_class=Cost_Sat)
    elif rule == "mes-cardinal":
        result = method_of_equal_shares(
            instance, profile, sat_class=_cardinal_sat(profile)
        )
    elif rule == "mes-add1":
        result = add1(instance, profile)
    elif rule == "mes-greedy":
        result = completion_by_rule_combination(
            instance,
            profile,
            [method_of_equal_shares, greedy_utilitarian_welfare],
            [{"sat_class": Cost_Sat}, {"sat_class": ScoreCostSat}],
        )
    elif rule == "phragmen":
        result = sequential_phragmen(instance, _approval_of_support(profile))
    else:
        raise ValueError(f"no pabutools equivalent for {rule!r}")
    return [p.name for p in result]
