"""The phase registry: order, dates, permits, and clear errors for typos."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from faelles.core import phases
from faelles.core.phases import Phase, PhaseSequence, UnknownAction, UnknownPhase

T0 = datetime(2027, 3, 1, 12, tzinfo=UTC)
DAY = timedelta(days=1)

STORED = PhaseSequence(
    Phase("draft", "Kladde", permits={"edit"}),
    Phase(
        "open",
        "Åben",
        permits={"public"},
        within_dates={"comment"},
        start="opens",
        end="closes",
    ),
    Phase(
        "vote",
        "Afstemning",
        permits={"public"},
        within_dates={"vote"},
        start="opens",
        end="closes",
        needs_dates=True,
    ),
    Phase("done", "Afsluttet", permits={"public", "results"}),
    field="state",
)

DATED = PhaseSequence(
    Phase("hearing", "Høring", permits={"comment"}, start="opens", end="closes"),
    Phase("answer", "Svar", permits={"results"}, start=lambda o: o.closes),
)


def thing(state="draft", opens=None, closes=None):
    return SimpleNamespace(state=state, opens=opens, closes=closes)


def test_the_sequence_keeps_its_order_and_steps_one_at_a_time():
    assert [p.key for p in STORED] == ["draft", "open", "vote", "done"]
    assert STORED.choices[1] == ("open", "Åben")
    assert STORED.index("vote") == 2
    assert STORED.next(thing("draft")).key == "open"
    assert STORED.next(thing("vote")).key == "done"
    assert STORED.next(thing("done")) is None


def test_a_stored_phase_is_current_and_its_dates_gate_only_within_dates():
    item = thing("open", opens=T0, closes=T0 + DAY)
    assert STORED.current(item, now=T0 - DAY).key == "open"
    assert STORED.permits(item, "public", now=T0 - DAY)
    assert not STORED.permits(item, "comment", now=T0 - DAY)
    assert STORED.permits(item, "comment", now=T0)
    assert not STORED.permits(item, "comment", now=T0 + DAY)  # the end is exclusive
    assert not STORED.permits(item, "vote", now=T0)  # another phase's action


def test_unset_dates_are_open_unless_the_phase_needs_them():
    assert STORED.permits(thing("open"), "comment", now=T0)
    assert STORED.permits(thing("open", closes=T0 + DAY), "comment", now=T0)
    assert not STORED.permits(thing("vote"), "vote", now=T0)
    assert not STORED.permits(thing("vote", opens=T0), "vote", now=T0)
    assert STORED.permits(thing("vote", opens=T0, closes=T0 + DAY), "vote", now=T0)


def test_without_a_field_the_dates_decide_the_current_and_next_phase():
    item = thing(opens=T0, closes=T0 + 7 * DAY)
    assert DATED.current(item, now=T0 - DAY) is None
    assert DATED.next(item, now=T0 - DAY).key == "hearing"
    assert DATED.current(item, now=T0).key == "hearing"
    assert DATED.permits(item, "comment", now=T0 + DAY)
    assert DATED.next(item, now=T0).key == "answer"
    assert DATED.current(item, now=T0 + 7 * DAY).key == "answer"
    assert not DATED.permits(item, "comment", now=T0 + 7 * DAY)
    assert DATED.permits(item, "results", now=T0 + 30 * DAY)
    assert DATED.next(item, now=T0 + 7 * DAY) is None
    assert DATED.current(thing(), now=T0) is None  # no dates set yet


def test_keys_permitting_answers_for_queryset_filters():
    assert STORED.keys_permitting("public") == ["open", "vote", "done"]
    assert STORED.keys_permitting("comment", "vote") == ["open", "vote"]
    assert STORED["done"].allows("results")
    assert not STORED["draft"].allows("public")


def test_an_unknown_phase_or_action_is_a_clear_error():
    with pytest.raises(UnknownPhase, match="'votin'.*draft, open, vote, done"):
        STORED.current(thing("votin"))
    with pytest.raises(UnknownPhase):
        STORED.index("")
    assert "votin" not in STORED
    with pytest.raises(UnknownAction, match="no phase permits vot"):
        STORED.permits(thing("vote"), "vot", now=T0)
    with pytest.raises(UnknownAction):
        STORED.keys_permitting("public", "publc")


def test_a_sequence_is_declared_consistently():
    with pytest.raises(ValueError, match="distinct"):
        PhaseSequence(Phase("a", "A"), Phase("a", "B"), field="state")
    with pytest.raises(ValueError, match="start date"):
        PhaseSequence(Phase("a", "A"))


def test_the_registry_finds_the_sequence_of_a_model_and_refuses_a_second(db):
    from faelles.budgeting.factories import BudgetRoundFactory
    from faelles.budgeting.phases import ROUND_PHASES

    budget_round = BudgetRoundFactory(
        phase="voting", voting_start=T0, voting_end=T0 + DAY
    )
    assert phases.sequence_for(budget_round) is ROUND_PHASES
    assert phases.current_phase(budget_round).key == "voting"
    assert phases.next_phase(budget_round).key == "results"
    assert phases.permits(budget_round, "vote", now=T0)
    assert not phases.permits(budget_round, "vote", now=T0 + DAY)
    phases.register("budgeting.BudgetRound", ROUND_PHASES)  # the same again: fine
    with pytest.raises(ValueError, match="already has"):
        phases.register("budgeting.BudgetRound", STORED)
    with pytest.raises(LookupError, match="budgeting.Project has no"):
        phases.sequence_for(budget_round.projects.model)


def test_the_rules_predicate_asks_the_phase_of_the_target_or_its_parent(db):
    from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory

    now = timezone.now()
    open_round = BudgetRoundFactory(
        phase="voting", voting_start=now - DAY, voting_end=now + DAY
    )
    project = ProjectFactory(round=open_round, municipality=open_round.municipality)
    can_vote = phases.phase_permits("vote", of=lambda t: getattr(t, "round", t))
    assert can_vote(None, open_round)
    assert can_vote(None, project)
    assert not can_vote(None, None)
    open_round.phase = "results"
    assert not can_vote(None, open_round)
