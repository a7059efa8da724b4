"""The activity ladder: recording acts and counting people per rung (≥5 rule)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.accounts.services import account_delete, account_export
from faelles.participation.models import ParticipationAct, Rung
from faelles.participation.selectors import people_per_rung
from faelles.participation.services import record_participation

pytestmark = pytest.mark.django_db


def test_people_per_rung_hides_groups_smaller_than_five(municipality):
    people = [MembershipFactory(municipality=municipality).user for _ in range(5)]
    for user in people:
        record_participation(municipality=municipality, user=user, action="x.a", rung=5)
    for user in people[:4]:
        record_participation(municipality=municipality, user=user, action="x.b", rung=6)
        record_participation(  # the same person twice is one person
            municipality=municipality, user=user, action="x.c", rung=6
        )
    rows = {
        row["rung"]: row["count"] for row in people_per_rung(municipality=municipality)
    }
    assert rows[5] == 5
    assert rows[6] is None
    assert rows[1] is None


def test_people_per_rung_counts_one_municipality_since_a_date(
    municipality, other_municipality
):
    long_ago = timezone.now() - timedelta(days=400)
    for _ in range(5):
        user = MembershipFactory(municipality=municipality).user
        record_participation(municipality=municipality, user=user, action="x.a", rung=4)
        record_participation(
            municipality=municipality,
            user=user,
            action="x.old",
            rung=3,
            occurred_at=long_ago,
        )
        record_participation(
            municipality=other_municipality, user=user, action="x.b", rung=2
        )
    rows = people_per_rung(
        municipality=municipality, since=timezone.now() - timedelta(days=30)
    )
    assert [row["rung"] for row in rows] == [1, 2, 3, 4, 5, 6]
    assert {row["rung"]: row["count"] for row in rows}[4] == 5
    assert {row["rung"]: row["count"] for row in rows}[3] is None
    assert {row["rung"]: row["count"] for row in rows}[2] is None
    assert rows[3]["label"] == Rung.CLOSE_NETWORK.label


def test_record_participation_stores_the_source_and_ignores_anonymous(
    municipality, citizen
):
    assert (
        record_participation(
            municipality=municipality, user=AnonymousUser(), action="x.a", rung=4
        )
        is None
    )
    assert (
        record_participation(municipality=municipality, user=None, action="x.a", rung=4)
        is None
    )
    act = record_participation(
        municipality=municipality, user=citizen, action="x.a", rung=4, source=citizen
    )
    assert (act.source_type, act.source_id) == ("accounts.user", str(citizen.pk))
    assert ParticipationAct.objects.get().pk == act.pk


def test_record_participation_refuses_a_rung_outside_the_ladder(municipality, citizen):
    with pytest.raises(ValueError):
        record_participation(
            municipality=municipality, user=citizen, action="x.a", rung=7
        )
    assert not ParticipationAct.objects.exists()


def test_acts_are_exported_and_deleted_with_the_account(municipality, citizen):
    record_participation(municipality=municipality, user=citizen, action="x.a", rung=4)
    acts = account_export(user=citizen)["participation"]["participation_acts"]
    assert [(a["municipality__slug"], a["action"], a["rung"]) for a in acts] == [
        (municipality.slug, "x.a", 4)
    ]
    account_delete(user=citizen)
    assert not ParticipationAct.objects.exists()
