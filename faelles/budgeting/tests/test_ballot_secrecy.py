"""Ballots are secret: no page, export or admin links a person to a ballot."""

from datetime import timedelta

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.budgeting import services
from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory
from faelles.budgeting.models import Ballot, BallotReceipt, Phase
from faelles.budgeting.secrecy import ballot_id_for
from faelles.budgeting.selectors import own_ballot_choices

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


def _cast_many(budget_round, project, n=12):
    for _ in range(n):
        user = MembershipFactory(municipality=budget_round.municipality).user
        services.ballot_cast(
            budget_round=budget_round, user=user, choices=[(project.pk, 1)]
        )


def test_receipts_do_not_name_their_ballots(municipality):
    """The receipt's token is not the ballot's id; only the secret key joins them."""
    budget_round = BudgetRoundFactory(municipality=municipality)
    _cast_many(budget_round, ProjectFactory(round=budget_round))
    tokens = set(BallotReceipt.objects.values_list("ballot_token", flat=True))
    ballot_ids = set(Ballot.objects.values_list("id", flat=True))
    assert len(tokens) == len(ballot_ids) == 12
    assert not tokens & ballot_ids
    assert {ballot_id_for(t) for t in tokens} == ballot_ids
    other_key = "another-key-" + "x" * 50
    assert not {ballot_id_for(t, secret=other_key) for t in tokens} & ballot_ids


def test_ballot_ids_are_in_no_time_order(municipality):
    budget_round = BudgetRoundFactory(municipality=municipality)
    _cast_many(budget_round, ProjectFactory(round=budget_round))
    by_id = list(Ballot.objects.order_by("id").values_list("id", flat=True))
    by_time = [
        ballot_id_for(t)
        for t in BallotReceipt.objects.order_by("cast_at", "id").values_list(
            "ballot_token", flat=True
        )
    ]
    assert sorted(by_id) == sorted(by_time)
    assert by_id != by_time  # 1 in 12! chance of a false failure


def _storage_order(budget_round) -> list:
    """Ballot ids in the order the database stores the rows."""
    from django.db import connection

    order = "ctid" if connection.vendor == "postgresql" else "rowid"
    table = Ballot._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id FROM {table} WHERE round_id = %s ORDER BY {order}",  # noqa: S608
            [budget_round.pk],
        )
        return [row[0] for row in cursor.fetchall()]


def test_closing_the_vote_rewrites_ballots_out_of_voting_order(municipality, employee):
    budget_round = BudgetRoundFactory(municipality=municipality)
    _cast_many(budget_round, ProjectFactory(round=budget_round), n=20)
    cast_order = [
        str(ballot_id_for(t)).replace("-", "")
        for t in BallotReceipt.objects.order_by("id").values_list(
            "ballot_token", flat=True
        )
    ]
    stored = [str(v).replace("-", "") for v in _storage_order(budget_round)]
    assert stored == cast_order  # while voting, rows sit in the order people voted
    budget_round.voting_end = timezone.now() - timedelta(seconds=1)
    budget_round.save()
    services.round_set_phase(
        budget_round=budget_round, actor=employee, phase=Phase.RESULTS
    )
    stored = [str(v).replace("-", "") for v in _storage_order(budget_round)]
    assert stored == sorted(cast_order)
    assert Ballot.objects.filter(round=budget_round).count() == 20


def test_key_rotation_keeps_one_ballot_per_person(municipality, settings):
    budget_round = BudgetRoundFactory(municipality=municipality)
    a, b = ProjectFactory.create_batch(2, round=budget_round)
    user = MembershipFactory(municipality=municipality).user
    services.ballot_cast(budget_round=budget_round, user=user, choices=[(a.pk, 1)])
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "rotated-" + "y" * 50
    settings.SECRET_KEY_FALLBACKS = [old_key]
    client_choices = own_ballot_choices(budget_round=budget_round, user=user)
    assert client_choices == [[a.pk, 1]]
    services.ballot_cast(budget_round=budget_round, user=user, choices=[(b.pk, 1)])
    ballot = Ballot.objects.get()
    token = BallotReceipt.objects.get().ballot_token
    assert ballot.pk == ballot_id_for(token)  # re-keyed under the new key
    assert ballot.choices == [[b.pk, 1]]


def test_voting_is_on_the_ladder_without_pointing_at_the_ballot(municipality):
    from faelles.initiatives.models import ParticipationAct, Rung

    budget_round = BudgetRoundFactory(municipality=municipality)
    a, b = ProjectFactory.create_batch(2, round=budget_round)
    user = MembershipFactory(municipality=municipality).user
    services.ballot_cast(budget_round=budget_round, user=user, choices=[(a.pk, 1)])
    services.ballot_cast(budget_round=budget_round, user=user, choices=[(b.pk, 1)])
    act = ParticipationAct.objects.get(user=user)
    assert (act.action, act.rung) == ("budgeting.vote", Rung.LEADERSHIP)
    assert (act.source_type, act.source_id) == (
        "budgeting.budgetround",
        str(budget_round.pk),
    )
    local = timezone.localtime(act.occurred_at)
    assert (local.hour, local.minute, local.second, local.microsecond) == (0, 0, 0, 0)


def test_data_export_names_rounds_voted_in_but_not_the_vote(municipality):
    import json

    from faelles.accounts.services import account_delete, account_export

    budget_round = BudgetRoundFactory(municipality=municipality, title="Vi tør 2026")
    project = ProjectFactory(round=budget_round, title="Hemmelig hundeskov")
    user = MembershipFactory(municipality=municipality).user
    services.ballot_cast(
        budget_round=budget_round, user=user, choices=[(project.pk, 1)]
    )
    exported = json.dumps(account_export(user=user), default=str, ensure_ascii=False)
    assert "Vi tør 2026" in exported
    assert "Hemmelig hundeskov" not in exported
    assert str(BallotReceipt.objects.get().ballot_token) not in exported
    account_delete(user=user)
    assert not BallotReceipt.objects.exists()
    assert Ballot.objects.count() == 1  # the vote still counts, anonymously
