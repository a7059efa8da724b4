"""Ballots are secret: no page, export, log or admin links a person to a ballot.

One test per line of the threat model in docs/budgeting.md ("Ballot secrecy").
"""

import json
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
from faelles.core.models import AuditEntry

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
    _close(budget_round)
    return budget_round, voters


def _close(budget_round):
    """End voting and move to results, as the employee's button does."""
    budget_round.voting_end = timezone.now() - timedelta(seconds=1)
    budget_round.save()
    staff = MembershipFactory(
        municipality=budget_round.municipality, is_employee=True
    ).user
    services.round_set_phase(
        budget_round=budget_round, actor=staff, phase=Phase.RESULTS
    )
    budget_round.refresh_from_db()


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
        for t in BallotReceipt.objects.order_by("id").values_list(
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
    from faelles.participation.models import ParticipationAct, Rung

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


def test_data_export_names_rounds_and_day_only(municipality):
    """The voter's export: rounds and the day; not the vote, not its changes."""
    from faelles.accounts.services import account_delete, account_export

    budget_round = BudgetRoundFactory(municipality=municipality, title="Vi tør 2026")
    a = ProjectFactory(round=budget_round, title="Hemmelig hundeskov")
    b = ProjectFactory(round=budget_round, title="Stille læsehave")
    user = MembershipFactory(municipality=municipality).user
    services.ballot_cast(budget_round=budget_round, user=user, choices=[(a.pk, 1)])

    def exported() -> str:
        data = account_export(user=user)
        data.pop("exported_at")
        return json.dumps(data, default=str, ensure_ascii=False)

    first = exported()
    assert "Vi tør 2026" in first
    assert "Hemmelig hundeskov" not in first
    assert str(BallotReceipt.objects.get().ballot_token) not in first
    (voted,) = account_export(user=user)["budgeting"]["voted_in"]
    assert set(voted) == {"round_id", "round__title", "municipality__slug", "voted_on"}
    assert voted["voted_on"] == timezone.localdate()
    services.ballot_cast(budget_round=budget_round, user=user, choices=[(b.pk, 1)])
    assert exported() == first  # a change leaves no trace in what she can show
    account_delete(user=user)
    assert not BallotReceipt.objects.exists()
    assert Ballot.objects.count() == 1  # the vote still counts, anonymously


# --- the threat model, line by line (docs/budgeting.md) ----------------------------


def _open_round_with_votes(municipality):
    budget_round = BudgetRoundFactory(municipality=municipality)
    a = ProjectFactory(round=budget_round, title="Musiklokale for unge")
    b = ProjectFactory(round=budget_round, title="Fælleshave")
    anna = MembershipFactory(
        municipality=municipality, user__display_name="Anna Vælgersen"
    ).user
    services.ballot_cast(budget_round=budget_round, user=anna, choices=[(a.pk, 1)])
    return budget_round, anna, a, b


def test_anyone_sees_no_ballot_while_voting(
    client, municipality, citizen, employee, moderator, municipal_admin
):
    budget_round, _anna, _a, _b = _open_round_with_votes(municipality)
    for viewer in (None, citizen, employee, moderator, municipal_admin):
        client.logout()
        if viewer is not None:
            client.force_login(viewer)
        assert client.get(url("export", pk=budget_round.pk)).status_code == 404
        assert client.get(url("results", pk=budget_round.pk)).status_code == 404
    # Nor between the end of voting and the close (ballots not yet shuffled).
    budget_round.voting_end = timezone.now() - timedelta(seconds=1)
    budget_round.save()
    client.force_login(municipal_admin)
    assert client.get(url("export", pk=budget_round.pk)).status_code == 404


def test_anyone_after_close_gets_shuffled_nameless_ballots(client, voted_round):
    budget_round, voters = voted_round
    text = client.get(url("export", pk=budget_round.pk)).content.decode()
    meta, votes = text.split("VOTES\n")
    rows = votes.strip().splitlines()
    assert rows[0] == "voter_id;vote"  # no time, no source, no id of ours
    ids = [str(b) for b in Ballot.objects.order_by("id").values_list("id", flat=True)]
    for ballot_id in ids:
        assert ballot_id not in text and ballot_id.replace("-", "") not in text
    assert ":" not in meta.split("PROJECTS")[0]  # dates, never times
    for voter in voters:
        assert voter.display_name not in text


def test_voter_sees_own_ballot_only_while_open(client, municipality):
    budget_round, anna, a, b = _open_round_with_votes(municipality)
    client.force_login(anna)
    page = client.get(url("ballot", pk=budget_round.pk)).content.decode()
    assert f'value="{a.pk}" id="project-{a.pk}" data-cost="30000" checked' in page
    client.post(url("ballot", pk=budget_round.pk), {"projects": [b.pk]})
    assert own_ballot_choices(budget_round=budget_round, user=anna) == [[b.pk, 1]]


def test_voter_sees_not_what_she_voted_after_close(client, municipality):
    budget_round, anna, a, _b = _open_round_with_votes(municipality)
    _close(budget_round)
    client.force_login(anna)
    page = client.get(url("ballot", pk=budget_round.pk)).content.decode()
    assert "Du har stemt i denne runde." in page
    assert "checked" not in page
    assert own_ballot_choices(budget_round=budget_round, user=anna) is None


def test_staff_get_counts_but_no_ballots_while_voting(client, municipality, employee):
    budget_round, anna, _a, _b = _open_round_with_votes(municipality)
    client.force_login(employee)
    detail = client.get(url("detail", pk=budget_round.pk)).content.decode()
    assert "Afgivne stemmer" in detail and anna.display_name not in detail
    paper = client.get(url("paper_ballot", pk=budget_round.pk)).content.decode()
    assert "Stemmer i alt: 1" in paper and anna.display_name not in paper
    assert client.get(url("export", pk=budget_round.pk)).status_code == 404


def test_audit_log_counts_ballots_per_day_without_the_voter(
    client, municipality, municipal_admin
):
    budget_round, anna, a, b = _open_round_with_votes(municipality)
    services.ballot_cast(budget_round=budget_round, user=anna, choices=[(b.pk, 1)])
    bo = MembershipFactory(municipality=municipality).user
    services.ballot_cast(budget_round=budget_round, user=bo, choices=[(a.pk, 1)])
    entries = AuditEntry.objects.filter(action__startswith="budgeting.ballot")
    assert sorted(entries.values_list("action", "count", "actor")) == [
        ("budgeting.ballot_cast", 2, None),
        ("budgeting.ballot_change", 1, None),
    ]
    midnight = timezone.localtime(entries.first().created_at)
    assert (midnight.hour, midnight.minute, midnight.second) == (0, 0, 0)
    client.force_login(municipal_admin)
    log = client.get(
        reverse("municipalities:manage_audit", kwargs={"municipality_slug": "odense"})
    ).content.decode()
    assert "Stemmer afgivet denne dag (2) i" in log
    assert "Stemmer ændret denne dag (1) i" in log
    assert anna.display_name not in log and bo.display_name not in log


def test_issue_10_export_diff_and_log_link_nobody(
    client, municipality, municipal_admin
):
    """The reported attack: export, a named voter changes her vote, export, log."""
    budget_round, anna, a, b = _open_round_with_votes(municipality)
    client.force_login(municipal_admin)
    before = client.get(url("export", pk=budget_round.pk))
    services.ballot_cast(budget_round=budget_round, user=anna, choices=[(b.pk, 1)])
    after = client.get(url("export", pk=budget_round.pk))
    assert before.status_code == after.status_code == 404
    log = client.get(
        reverse("municipalities:manage_audit", kwargs={"municipality_slug": "odense"})
    ).content.decode()
    assert anna.display_name not in log and "ballot_change" not in log


def test_voting_sends_nothing(municipality, mailoutbox):
    from faelles.notifications.models import Notification

    _open_round_with_votes(municipality)
    assert mailoutbox == []
    assert not Notification.objects.exists()


def test_ballot_and_receipt_carry_no_time():
    from django.db import models

    for model in (Ballot, BallotReceipt):
        timed = [
            f.name
            for f in model._meta.get_fields()
            if isinstance(f, models.DateTimeField | models.TimeField)
        ]
        assert timed == [], model


def test_nothing_links_receipts_to_ballots_after_close(voted_round):
    budget_round, voters = voted_round
    receipts = BallotReceipt.objects.filter(round=budget_round)
    assert receipts.count() == len(voters)
    assert set(receipts.values_list("ballot_token", flat=True)) == {None}
    for voter in voters:
        assert own_ballot_choices(budget_round=budget_round, user=voter) is None
