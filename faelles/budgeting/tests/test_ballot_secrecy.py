"""Ballots are secret: no page, export or admin links a person to a ballot."""

from datetime import timedelta

import pytest
from django.contrib import admin
from django.urls import reverse

from faelles.accounts.factories import MembershipFactory
from faelles.budgeting import services
from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory
from faelles.budgeting.models import Ballot, BallotReceipt, Phase

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(
        f"budgeting:{name}", kwargs={"municipality_slug": "odense", **kwargs}
    )


@pytest.fixture
def voted_round(municipality):
    budget_round = BudgetRoundFactory(municipality=municipality)
    a = ProjectFactory(round=budget_round, title="Musiklokale for unge")
    b = ProjectFactory(round=budget_round, title="Fælleshave")
    voters = []
    for i in range(6):
        user = MembershipFactory(
            municipality=municipality,
            user__display_name=f"Vælger Nummer{i}",
            user__email=f"vaelger{i}@example.org",
        ).user
        services.ballot_cast(
            budget_round=budget_round, user=user, choices=[((a, b)[i % 2].pk, 1)]
        )
        voters.append(user)
    budget_round.phase = Phase.RESULTS
    budget_round.voting_end = budget_round.voting_start + timedelta(seconds=1)
    budget_round.save()
    services.round_count(budget_round=budget_round)
    return budget_round, voters


def test_ballot_has_no_person_or_time(voted_round):
    names = {f.name for f in Ballot._meta.get_fields()}
    assert not names & {"user", "created_at", "cast_at", "updated_at", "receipt"}
    receipt_names = {f.name for f in BallotReceipt._meta.get_fields()}
    assert not receipt_names & {"choices", "ballot", "project", "projects"}


def test_results_export_and_detail_name_no_voter(client, voted_round, municipal_admin):
    budget_round, voters = voted_round
    client.force_login(municipal_admin)
    pages = [
        client.get(url("results", pk=budget_round.pk)).content.decode(),
        client.get(url("export", pk=budget_round.pk)).content.decode(),
        client.get(url("detail", pk=budget_round.pk)).content.decode(),
    ]
    for page in pages:
        for voter in voters:
            assert voter.email not in page
            assert voter.display_name not in page
    for receipt in BallotReceipt.objects.all():
        for page in pages:
            assert str(receipt.ballot_token) not in page


def test_export_voter_ids_are_not_user_ids(client, voted_round, municipal_admin):
    budget_round, voters = voted_round
    client.force_login(municipal_admin)
    text = client.get(url("export", pk=budget_round.pk)).content.decode()
    rows = text.split("VOTES\n")[1].strip().splitlines()[1:]
    assert [r.split(";")[0] for r in rows] == [str(i) for i in range(1, 7)]


def test_ballot_page_shows_only_own_ballot(client, municipality):
    budget_round = BudgetRoundFactory(municipality=municipality)
    a = ProjectFactory(round=budget_round)
    b = ProjectFactory(round=budget_round)
    alice = MembershipFactory(municipality=municipality).user
    bob = MembershipFactory(municipality=municipality).user
    services.ballot_cast(budget_round=budget_round, user=alice, choices=[(a.pk, 1)])
    services.ballot_cast(budget_round=budget_round, user=bob, choices=[(b.pk, 1)])
    client.force_login(alice)
    page = client.get(url("ballot", pk=budget_round.pk)).content.decode()
    assert f'value="{a.pk}" id="project-{a.pk}" data-cost="30000" checked' in page
    assert f'value="{b.pk}" id="project-{b.pk}" data-cost="30000" checked' not in page


def test_admin_has_no_ballot_pages():
    registered = {model._meta.model_name for model in admin.site._registry}
    assert "ballot" not in registered
    assert "ballotreceipt" not in registered


def test_ballots_listed_in_random_order(municipality):
    """Ballot ids are random UUIDs, so their order says nothing about who voted when."""
    budget_round = BudgetRoundFactory(municipality=municipality)
    project = ProjectFactory(round=budget_round)
    for _ in range(12):
        user = MembershipFactory(municipality=municipality).user
        services.ballot_cast(
            budget_round=budget_round, user=user, choices=[(project.pk, 1)]
        )
    by_id = list(Ballot.objects.order_by("id").values_list("id", flat=True))
    by_receipt = list(
        BallotReceipt.objects.order_by("cast_at", "id").values_list(
            "ballot_token", flat=True
        )
    )
    assert sorted(by_id) == sorted(by_receipt)
    assert by_id != by_receipt  # 1 in 12! chance of a false failure
