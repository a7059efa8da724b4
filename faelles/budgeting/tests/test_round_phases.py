"""Phases and their dates are enforced: one step at a time, never before its time."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from faelles.budgeting import services
from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory
from faelles.budgeting.models import Ballot, BallotType, Phase, ReviewStatus
from faelles.core.models import AuditEntry

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)


def url(name, **kwargs):
    return reverse(
        f"budgeting:{name}", kwargs={"municipality_slug": "odense", **kwargs}
    )


def draft(municipality, **fields):
    defaults = {
        "phase": Phase.DRAFT,
        "proposals_start": NOW - timedelta(days=1),
        "proposals_end": NOW + timedelta(days=10),
        "voting_start": NOW + timedelta(days=20),
        "voting_end": NOW + timedelta(days=30),
    }
    return BudgetRoundFactory(municipality=municipality, **{**defaults, **fields})


def step(budget_round, phase, now, actor=None):
    return services.round_set_phase(
        budget_round=budget_round, actor=actor, phase=phase, now=now
    )


def test_a_round_goes_through_every_phase_on_time(municipality, employee, citizen):
    budget_round = draft(municipality)
    budget_round = step(budget_round, Phase.PROPOSALS, NOW)
    project = services.project_propose(
        budget_round=budget_round,
        actor=citizen,
        title="Bænke ved søen",
        description="Så man kan hvile sig.",
        cost=40_000,
        now=NOW + timedelta(days=1),
    )
    with pytest.raises(ValidationError, match="slutter først"):
        step(budget_round, Phase.REVIEW, NOW + timedelta(days=9))
    budget_round = step(budget_round, Phase.REVIEW, NOW + timedelta(days=10))
    with pytest.raises(ValidationError, match="Alle forslag skal vurderes"):
        step(budget_round, Phase.VOTING, NOW + timedelta(days=11))
    services.project_review(
        project=project,
        actor=employee,
        review_status=ReviewStatus.APPROVED,
        cost=45_000,
        legal_ok=True,
        practical_ok=True,
        review_note="",
    )
    budget_round = step(budget_round, Phase.VOTING, NOW + timedelta(days=11))
    services.ballot_cast(
        budget_round=budget_round,
        user=citizen,
        choices=[(project.pk, 1)],
        now=NOW + timedelta(days=21),
    )
    with pytest.raises(ValidationError, match="slutter først"):
        step(budget_round, Phase.RESULTS, NOW + timedelta(days=29))
    budget_round = step(budget_round, Phase.RESULTS, NOW + timedelta(days=30))
    assert budget_round.results["voters"] == 1
    project.refresh_from_db()
    assert project.is_funded
    budget_round = step(budget_round, Phase.IMPLEMENTATION, NOW + timedelta(days=31))
    assert budget_round.phase == Phase.IMPLEMENTATION
    assert AuditEntry.objects.filter(action="budgeting.round_phase").count() == 5


@pytest.mark.parametrize(
    ("phase", "target"),
    [
        (Phase.DRAFT, Phase.REVIEW),
        (Phase.PROPOSALS, Phase.VOTING),
        (Phase.VOTING, Phase.PROPOSALS),
        (Phase.RESULTS, Phase.VOTING),
        (Phase.IMPLEMENTATION, Phase.RESULTS),
    ],
)
def test_no_skipping_or_going_back(municipality, phase, target):
    budget_round = draft(municipality, phase=phase)
    with pytest.raises(ValidationError, match="én fase frem ad gangen"):
        step(budget_round, target, NOW)
    budget_round.refresh_from_db()
    assert budget_round.phase == phase


def test_review_may_return_to_proposals(municipality):
    budget_round = draft(municipality, phase=Phase.REVIEW)
    assert step(budget_round, Phase.PROPOSALS, NOW).phase == Phase.PROPOSALS


def test_proposals_need_an_end_in_the_future(municipality):
    budget_round = draft(municipality, proposals_end=None)
    with pytest.raises(ValidationError, match="hvornår forslagsfasen slutter"):
        step(budget_round, Phase.PROPOSALS, NOW)
    budget_round = draft(
        municipality,
        proposals_start=NOW - timedelta(days=5),
        proposals_end=NOW - timedelta(days=1),
    )
    with pytest.raises(ValidationError, match="allerede passeret"):
        step(budget_round, Phase.PROPOSALS, NOW)


def test_voting_needs_dates_and_a_feasible_project(municipality):
    budget_round = draft(
        municipality, phase=Phase.REVIEW, voting_start=None, voting_end=None
    )
    ProjectFactory(
        round=budget_round, review_status=ReviewStatus.REJECTED, review_note="Nej"
    )
    with pytest.raises(ValidationError) as caught:
        step(budget_round, Phase.VOTING, NOW)
    text = " ".join(caught.value.messages)
    assert "Mindst ét projekt" in text and "start og slut" in text
    budget_round = draft(
        municipality,
        phase=Phase.REVIEW,
        voting_end=NOW - timedelta(seconds=1),
        voting_start=NOW - timedelta(days=2),
    )
    ProjectFactory(round=budget_round)
    with pytest.raises(ValidationError, match="allerede passeret"):
        step(budget_round, Phase.VOTING, NOW)


def test_imported_rounds_only_explore(municipality, municipal_admin, shared_data):
    text = (shared_data / "pabulib" / "Netherlands_Assen_2024.pb").read_text()
    budget_round = services.round_import_pabulib(
        municipality=municipality, actor=municipal_admin, text=text
    )
    with pytest.raises(ValidationError, match="kun udforskes"):
        step(budget_round, Phase.IMPLEMENTATION, NOW)


def test_rules_are_locked_once_voting_has_begun(municipality, employee):
    budget_round = BudgetRoundFactory(municipality=municipality)
    for change in (
        {"budget": 1},
        {"ballot_type": BallotType.CUMULATIVE},
        {"max_projects": 9},
        {"counting_rule": "greedy"},
        {"postcodes": "2610"},
        {"min_age": 18},
    ):
        with pytest.raises(ValidationError, match="kan ikke ændres"):
            services.round_update(budget_round=budget_round, actor=employee, **change)
    services.round_update(
        budget_round=budget_round,
        actor=employee,
        description="Husk at stemme!",
        voting_end=budget_round.voting_end + timedelta(days=2),
    )
    budget_round.refresh_from_db()
    assert budget_round.description == "Husk at stemme!"


def test_phase_button(client, municipality, employee, citizen):
    budget_round = draft(
        municipality, phase=Phase.PROPOSALS, proposals_end=NOW + timedelta(days=3)
    )
    client.force_login(citizen)
    assert (
        client.post(url("phase", pk=budget_round.pk), {"phase": "review"}).status_code
        == 403
    )
    client.force_login(employee)
    response = client.post(
        url("phase", pk=budget_round.pk), {"phase": "review"}, follow=True
    )
    assert "Forslagsfasen slutter først" in response.content.decode()
    budget_round.refresh_from_db()
    assert budget_round.phase == Phase.PROPOSALS
    budget_round.proposals_end = timezone.now() - timedelta(minutes=1)
    budget_round.save()
    response = client.post(
        url("phase", pk=budget_round.pk), {"phase": "review"}, follow=True
    )
    assert "Fasen er skiftet" in response.content.decode()
    budget_round.refresh_from_db()
    assert budget_round.phase == Phase.REVIEW


def test_results_only_after_the_vote(client, municipality, citizen):
    budget_round = BudgetRoundFactory(municipality=municipality)
    ProjectFactory(round=budget_round)
    client.force_login(citizen)
    assert client.get(url("results", pk=budget_round.pk)).status_code == 404
    assert not Ballot.objects.exists()
