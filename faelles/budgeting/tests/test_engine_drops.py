"""Counting with drops ("vælg fra"): net approval, by hand and against the plain rules."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from faelles.budgeting.engine import build_election, parse_pabulib, write_pabulib
from faelles.budgeting.engine.drops import (
    DROPS_COLUMN,
    DropsError,
    attach_drops,
    count_with_drops,
    drop_counts,
    drops_from_election,
    restrict,
)
from faelles.budgeting.engine.greedy import greedy
from faelles.budgeting.engine.mes import mes_add1, mes_greedy

pytestmark = pytest.mark.engine

COSTS = {"a": 60, "b": 50, "c": 40, "d": 30}
APPROVALS = [["a", "b"], ["a"], ["b", "c"], ["c"], ["d"]]
DROPS = [["c"], ["b"], [], ["a"], ["a"]]


def example():
    # approvals a=2 b=2 c=2 d=1; drops a=2 b=1 c=1 d=0; net a=0 b=1 c=1 d=1
    return build_election(budget=100, costs=COSTS, ballots=APPROVALS)


def test_drop_counts_by_hand():
    assert list(drop_counts(example(), DROPS)) == [2, 1, 1, 0]


def test_greedy_by_net_approval_by_hand():
    election = example()
    # Without drops greedy funds a (60) and c (40).
    assert greedy(election).selected == ["a", "c"]
    outcome = count_with_drops(election, DROPS, rule="greedy")
    # a is vetoed (2 approvals, 2 drops); b, c, d tie at net 1 and go by id:
    # b (50, 50 left), c (40, 10 left), d (30) does not fit.
    assert outcome.selected == ["b", "c"]
    assert outcome.total_cost == 90
    projects = outcome.explanation["projects"]
    assert projects["a"] == {
        "status": "dropped",
        "cost": 60,
        "approvals": 2,
        "drops": 2,
        "net": 0,
    }
    assert projects["d"]["status"] == "did_not_fit"
    assert projects["d"]["remaining_budget"] == 10
    assert (projects["b"]["approvals"], projects["b"]["drops"]) == (2, 1)
    assert outcome.explanation["drops"] == {"rule": "net-approval", "vetoed": ["a"]}


def test_mes_with_drops_by_hand():
    outcome = count_with_drops(example(), DROPS, rule="mes-greedy")
    # Five voters, 20 kr. each. Without a: b's supporters (voters 1, 3) have 40
    # < 50; c's (3, 4) have exactly 40 and each pay 20; d's (5) has 20 < 30.
    # MES funds c; the 60 kr. left go by net approval: b (50) fits, d does not.
    assert outcome.selected == ["c", "b"]
    assert outcome.total_cost == 90
    projects = outcome.explanation["projects"]
    assert projects["c"]["status"] == "selected"
    assert projects["b"]["status"] == "selected_by_completion"
    assert projects["d"]["completion"] == "did_not_fit"
    assert projects["a"]["status"] == "dropped"
    assert outcome.budget == 100


def test_mes_add1_with_drops_keeps_vetoed_out():
    outcome = count_with_drops(example(), DROPS, rule="mes-add1")
    assert "a" not in outcome.selected
    assert outcome.total_cost <= 100
    assert outcome.explanation["projects"]["a"]["status"] == "dropped"


def test_more_drops_than_approvals_is_never_funded_even_if_alone():
    election = build_election(
        budget=1000, costs={"x": 10, "y": 10}, ballots=[["x"], ["y"], ["y"]]
    )
    drops = [["y"], ["x"], ["x"]]  # x: 1 for, 2 against; y: 2 for, 1 against
    for rule in ("greedy", "mes-greedy", "mes-add1"):
        outcome = count_with_drops(election, drops, rule=rule)
        assert outcome.selected == ["y"], rule
        assert outcome.explanation["projects"]["x"]["net"] == -1


def test_all_drops_funds_nothing():
    election = build_election(budget=100, costs={"a": 10, "b": 20}, ballots=[[], []])
    drops = [["a", "b"], ["a"]]
    for rule in ("greedy", "mes-greedy", "mes-add1"):
        outcome = count_with_drops(election, drops, rule=rule)
        assert outcome.selected == [], rule
        assert outcome.total_cost == 0
        statuses = {p["status"] for p in outcome.explanation["projects"].values()}
        assert statuses == {"dropped"}
        assert outcome.explanation["projects"]["b"]["drops"] == 1


def test_project_nobody_mentions_is_not_funded():
    # Plain greedy funds a project with 0 votes when it fits; net approval 0 does not.
    election = build_election(budget=100, costs={"a": 10, "z": 10}, ballots=[["a"]])
    assert greedy(election).selected == ["a", "z"]
    outcome = count_with_drops(election, [[]], rule="greedy")
    assert outcome.selected == ["a"]
    assert outcome.explanation["projects"]["z"]["status"] == "dropped"


def test_net_ties_break_by_project_id_as_string():
    election = build_election(
        budget=10,
        costs={"9": 10, "10": 10},
        ballots=[["9"], ["10"], ["9", "10"], ["9"]],
    )
    # approvals 9=3, 10=2: greedy without drops funds 9.
    assert greedy(election).selected == ["9"]
    assert count_with_drops(election, [[]] * 4, rule="greedy").selected == ["9"]
    # A fifth voter drops 9: both have net 2, and "10" < "9" as strings.
    election = build_election(
        budget=10,
        costs={"9": 10, "10": 10},
        ballots=[["9"], ["10"], ["9", "10"], ["9"], []],
    )
    outcome = count_with_drops(election, [[], [], [], [], ["9"]], rule="greedy")
    assert outcome.selected == ["10"]
    assert outcome.explanation["projects"]["9"]["status"] == "did_not_fit"
    assert outcome.explanation["projects"]["9"]["net"] == 2


def test_budget_exhausted():
    election = build_election(
        budget=50,
        costs={"a": 50, "b": 1, "c": 1},
        ballots=[["a", "b"], ["a", "c"], ["a"]],
    )
    outcome = count_with_drops(election, [[], [], ["b"]], rule="greedy")
    # a (net 3) takes everything; c (net 1) does not fit in 0; b is vetoed.
    assert outcome.selected == ["a"]
    projects = outcome.explanation["projects"]
    assert projects["c"]["status"] == "did_not_fit"
    assert projects["c"]["remaining_budget"] == 0
    assert projects["b"]["status"] == "dropped"
    mes_outcome = count_with_drops(election, [[], [], ["b"]], rule="mes-greedy")
    assert mes_outcome.selected == ["a"]
    assert mes_outcome.total_cost == 50


@pytest.mark.parametrize(
    ("drops", "message"),
    [
        ([["a"], [], [], [], []], "both approves and drops"),
        ([["q"], [], [], [], []], "unknown project"),
        ([["c", "c"], [], [], [], []], "twice"),
        ([[]], "one list of drops per voter"),
    ],
)
def test_bad_drops_are_refused(drops, message):
    with pytest.raises(DropsError, match=message):
        count_with_drops(example(), drops, rule="greedy")


def test_only_approval_ballots_and_known_rules():
    points = build_election(
        budget=10, costs={"a": 5}, ballots=[{"a": 3}], vote_type="cumulative"
    )
    with pytest.raises(DropsError, match="approval ballots"):
        count_with_drops(points, [[]], rule="greedy")
    with pytest.raises(DropsError, match="cannot count drops"):
        count_with_drops(example(), DROPS, rule="phragmen")


def test_restrict_keeps_voters_and_their_other_approvals():
    sub = restrict(example(), {"b", "d"})
    assert sub.project_ids == ["b", "d"]
    assert sub.n_voters == 5
    assert [sub.ballot(v) for v in range(5)] == [["b"], [], ["b"], [], ["d"]]


def test_without_drops_equals_the_plain_rules():
    """When every project has an approval and nobody drops, nothing changes."""
    rng = random.Random(18)
    for _ in range(60):
        n = rng.randint(2, 7)
        costs = {str(rng.randint(1, 40) * 7 + j): rng.randint(1, 60) for j in range(n)}
        ids = list(costs)
        ballots = [ids[v % n : v % n + 1] for v in range(n)]  # each project once
        ballots += [
            rng.sample(ids, rng.randint(0, n)) for _ in range(rng.randint(0, 12))
        ]
        election = build_election(
            budget=rng.randint(20, 200), costs=costs, ballots=ballots
        )
        none = [[] for _ in ballots]
        assert (
            count_with_drops(election, none, rule="greedy").selected
            == greedy(election).selected
        )
        assert (
            count_with_drops(election, none, rule="mes-greedy").selected
            == mes_greedy(election).selected
        )
        assert (
            count_with_drops(election, none, rule="mes-add1").selected
            == mes_add1(election).selected
        )


def test_drops_are_vetoes_never_more():
    """Random elections: vetoed projects are out, the rest fit the budget."""
    rng = random.Random(7)
    for _ in range(60):
        ids = [str(j) for j in range(rng.randint(1, 6))]
        costs = {pid: rng.randint(1, 50) for pid in ids}
        ballots, drops = [], []
        for _v in range(rng.randint(1, 10)):
            marked = rng.sample(ids, rng.randint(0, len(ids)))
            cut = rng.randint(0, len(marked))
            ballots.append(marked[:cut])
            drops.append(marked[cut:])
        election = build_election(
            budget=rng.randint(1, 120), costs=costs, ballots=ballots
        )
        for rule in ("greedy", "mes-greedy", "mes-add1"):
            outcome = count_with_drops(election, drops, rule=rule)
            projects = outcome.explanation["projects"]
            assert outcome.total_cost <= election.budget
            assert election.total_cost(outcome.selected) == outcome.total_cost
            for pid in outcome.selected:
                assert projects[pid]["approvals"] > projects[pid]["drops"]
            assert outcome.total_cost == Fraction(
                sum(costs[p] for p in outcome.selected)
            )


def test_pabulib_round_trip_of_drops():
    election = attach_drops(example(), DROPS)
    text = write_pabulib(election)
    assert "voter_id;vote;drops" in text
    assert "3;c;a" in text
    again = parse_pabulib(text)
    assert again.voter_columns[-1] == DROPS_COLUMN
    assert drops_from_election(again) == DROPS
    assert count_with_drops(
        again, drops_from_election(again), rule="greedy"
    ).selected == [
        "b",
        "c",
    ]


def test_no_drops_column_means_no_drops():
    assert drops_from_election(example()) == [[], [], [], [], []]


def test_an_extra_drop_never_helps_the_project():
    """Monotone in drops: dropping a project that lost never makes it win."""
    rng = random.Random(2026)
    for _ in range(80):
        ids = [str(j) for j in range(rng.randint(2, 6))]
        costs = {pid: rng.randint(1, 50) for pid in ids}
        ballots, drops = [], []
        for _v in range(rng.randint(1, 9)):
            marked = rng.sample(ids, rng.randint(0, len(ids)))
            cut = rng.randint(0, len(marked))
            ballots.append(marked[:cut])
            drops.append(marked[cut:])
        ballots.append([])  # one more voter who will drop something
        election = build_election(
            budget=rng.randint(1, 120), costs=costs, ballots=ballots
        )
        target = rng.choice(ids)
        before, after = [*drops, []], [*drops, [target]]
        for rule in ("greedy", "mes-greedy", "mes-add1"):
            lost = target not in count_with_drops(election, before, rule=rule).selected
            if lost:
                assert (
                    target not in count_with_drops(election, after, rule=rule).selected
                ), (rule, ballots, drops, target)
