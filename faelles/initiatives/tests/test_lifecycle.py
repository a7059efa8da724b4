import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from faelles.core.models import AuditEntry
from faelles.initiatives import services
from faelles.initiatives.factories import InitiativeFactory, TrialFactory
from faelles.initiatives.lifecycle import STEPS, Actor
from faelles.initiatives.models import Initiative, Outcome, State, Transition

pytestmark = pytest.mark.django_db

ROLES = ["citizen", "employee", "politician", "moderator", "municipal_admin"]
# Which roles may take each municipality step (the proposer is a separate citizen).
MUNICIPALITY_ROLES = {"employee", "municipal_admin"}


def _initiative_in(state, municipality, **kwargs):
    initiative = InitiativeFactory(municipality=municipality, state=state, **kwargs)
    if state in (State.TRYING, State.EVALUATING):
        TrialFactory(initiative=initiative)
    return initiative


def _prepare_requirements(step, initiative):
    if step.requires == "trial_planned":
        TrialFactory(initiative=initiative)
    if step.requires == "evaluated":
        trial = initiative.trials.get()
        trial.outcome = Outcome.PARTLY
        trial.learned = "Vi lærte noget."
        trial.save()


@pytest.mark.parametrize("step", STEPS, ids=[f"{s.source}-{s.target}" for s in STEPS])
@pytest.mark.parametrize("role", ROLES + ["proposer"])
def test_each_step_allowed_or_refused_per_role(request, municipality, role, step):
    proposer = request.getfixturevalue("citizen")
    if role == "proposer":
        actor = proposer
    elif role == "citizen":
        actor = _another_citizen(municipality)  # a citizen who did not propose it
    else:
        actor = request.getfixturevalue(role)
    initiative = _initiative_in(step.source, municipality, proposer=proposer)
    _prepare_requirements(step, initiative)
    allowed = (step.by is Actor.PROPOSER and role == "proposer") or (
        step.by is Actor.MUNICIPALITY and role in MUNICIPALITY_ROLES
    )
    if allowed:
        t = services.initiative_transition(
            initiative=initiative, actor=actor, target=step.target, reason="Fordi."
        )
        initiative.refresh_from_db()
        assert initiative.state == step.target
        assert (t.actor, t.from_state, t.reason) == (actor, step.source, "Fordi.")
        assert AuditEntry.objects.filter(action="initiative.transition").exists()
    else:
        with pytest.raises(PermissionDenied):
            services.initiative_transition(
                initiative=initiative, actor=actor, target=step.target, reason="Nej."
            )
        initiative.refresh_from_db()
        assert initiative.state == step.source
        assert not Transition.objects.filter(initiative=initiative).exists()


def _another_citizen(municipality):
    from faelles.accounts.factories import MembershipFactory

    return MembershipFactory(municipality=municipality).user


def test_assigned_facilitator_moves_it_forward(municipality, employee):
    initiative = _initiative_in(State.IDEA, municipality, facilitator=employee)
    services.initiative_transition(
        initiative=initiative, actor=employee, target=State.PREPARING, reason="Godt."
    )
    assert Initiative.objects.get(pk=initiative.pk).state == State.PREPARING


def test_impossible_jump_is_refused(municipality, municipal_admin):
    initiative = _initiative_in(State.IDEA, municipality)
    with pytest.raises(ValidationError):
        services.initiative_transition(
            initiative=initiative,
            actor=municipal_admin,
            target=State.ANCHORED,
            reason="Spring over",
        )
    assert Initiative.objects.get(pk=initiative.pk).state == State.IDEA


def test_trial_must_be_planned_before_it_is_tried(municipality, employee):
    initiative = _initiative_in(State.PREPARING, municipality)
    with pytest.raises(ValidationError):
        services.initiative_transition(
            initiative=initiative, actor=employee, target=State.TRYING, reason="Nu!"
        )


def test_cannot_close_before_evaluation(municipality, employee):
    initiative = _initiative_in(State.EVALUATING, municipality)
    with pytest.raises(ValidationError):
        services.initiative_transition(
            initiative=initiative, actor=employee, target=State.ANCHORED, reason="Ja"
        )


def test_reason_is_required(municipality, employee):
    initiative = _initiative_in(State.IDEA, municipality)
    with pytest.raises(ValidationError):
        services.initiative_transition(
            initiative=initiative, actor=employee, target=State.PREPARING, reason=" "
        )


@pytest.mark.parametrize("role", ["citizen", "politician", "moderator"])
def test_only_the_municipality_evaluates(request, municipality, role):
    initiative = _initiative_in(State.EVALUATING, municipality)
    trial = initiative.trials.get()
    criterion = trial.criteria.get()
    with pytest.raises(PermissionDenied):
        services.trial_evaluate(
            trial=trial,
            actor=request.getfixturevalue(role),
            outcome=Outcome.WORKED,
            learned="x",
            do_differently="",
            results={criterion.pk: ("40", False)},
        )
    trial.refresh_from_db()
    assert trial.outcome is None


def test_proposer_cannot_evaluate_own_trial(municipality, citizen):
    initiative = _initiative_in(State.EVALUATING, municipality, proposer=citizen)
    trial = initiative.trials.get()
    with pytest.raises(PermissionDenied):
        services.trial_evaluate(
            trial=trial,
            actor=citizen,
            outcome=Outcome.WORKED,
            learned="x",
            do_differently="",
            results={},
        )


def test_evaluation_records_failure_and_results(municipality, employee):
    initiative = _initiative_in(State.EVALUATING, municipality)
    trial = initiative.trials.get()
    criterion = trial.criteria.get()
    services.trial_evaluate(
        trial=trial,
        actor=employee,
        outcome=Outcome.DID_NOT_WORK,
        learned="Ingen kom om morgenen.",
        do_differently="Prøv om eftermiddagen.",
        results={criterion.pk: ("12", False)},
    )
    trial.refresh_from_db()
    criterion.refresh_from_db()
    assert trial.outcome == Outcome.DID_NOT_WORK
    assert (criterion.result, criterion.met) == ("12", False)
    assert trial.evaluated_by == employee


def test_evaluation_needs_a_result_per_criterion(municipality, employee):
    initiative = _initiative_in(State.EVALUATING, municipality)
    trial = initiative.trials.get()
    with pytest.raises(ValidationError):
        services.trial_evaluate(
            trial=trial,
            actor=employee,
            outcome=Outcome.WORKED,
            learned="x",
            do_differently="",
            results={},
        )
    trial.refresh_from_db()
    assert trial.outcome is None


def test_repeated_trial_starts_a_new_round(municipality, employee):
    initiative = _initiative_in(State.PREPARING, municipality)
    first = services.trial_plan(
        initiative=initiative,
        actor=employee,
        we_believe="a",
        will_lead_to="b",
        what_is_tried="c",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 2, 1),
        criteria=[("Deltagere", "10")],
    )
    first.outcome = Outcome.PARTLY
    first.save()
    second = services.trial_plan(
        initiative=initiative,
        actor=employee,
        we_believe="a",
        will_lead_to="b",
        what_is_tried="c igen",
        starts_on=datetime.date(2026, 3, 1),
        ends_on=datetime.date(2026, 4, 1),
        criteria=[("Deltagere", "20")],
    )
    assert (first.round, second.round) == (1, 2)


@pytest.mark.parametrize(
    "role,status", [("citizen", 403), ("politician", 403), ("employee", 302)]
)
def test_transition_view_per_role(client, request, municipality, role, status):
    initiative = _initiative_in(State.IDEA, municipality)
    client.force_login(request.getfixturevalue(role))
    response = client.post(
        f"/odense/initiativer/{initiative.pk}/fase/",
        {"target": State.PREPARING, "reason": "Vi går i gang."},
    )
    assert response.status_code == status
    initiative.refresh_from_db()
    expected = State.PREPARING if status == 302 else State.IDEA
    assert initiative.state == expected


def test_timeline_shows_who_when_why(client, municipality, employee):
    initiative = _initiative_in(State.IDEA, municipality)
    services.initiative_transition(
        initiative=initiative,
        actor=employee,
        target=State.PREPARING,
        reason="Vi har fundet et sted til broen.",
    )
    response = client.get(f"/odense/initiativer/{initiative.pk}/")
    assert "Vi har fundet et sted til broen." in response.content.decode()
    assert str(employee) in response.content.decode()
