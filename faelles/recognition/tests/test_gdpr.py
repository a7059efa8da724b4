"""The person's data: exported, and deleted with the account as gdpr.py says."""

import pytest
from django.utils import timezone

from faelles.accounts.services import account_delete
from faelles.recognition.factories import (
    AwardFactory,
    JurorFactory,
    NominationFactory,
    ThanksFactory,
    WinnerFactory,
)
from faelles.recognition.gdpr import export_personal_data
from faelles.recognition.models import (
    Award,
    Juror,
    Nomination,
    Score,
    Thanks,
    Winner,
)

pytestmark = pytest.mark.django_db


def test_export_and_deletion(municipality, citizen, employee):
    award = AwardFactory(municipality=municipality, created_by=citizen)
    ThanksFactory(municipality=municipality, sender=citizen, message="Given 1")
    ThanksFactory(municipality=municipality, recipient_user=citizen, message="Fik 2")
    unrelated = ThanksFactory(municipality=municipality)
    made = NominationFactory(award=award, nominator=citizen, reason="Grund 3")
    of_them = NominationFactory(award=award, nominee_user=citizen)
    other = NominationFactory(award=award)
    JurorFactory(award=award, user=citizen)
    Score.objects.create(nomination=other, juror=citizen, stars=2, comment="Fin 4")
    Score.objects.create(nomination=other, juror=employee, stars=3)
    winner = WinnerFactory(
        award=award,
        nominee_user=citizen,
        decided_by=citizen,
        consented_at=timezone.now(),
    )

    data = export_personal_data(citizen)
    assert [t["message"] for t in data["thanks_given"]] == ["Given 1"]
    assert [t["message"] for t in data["thanks_received"]] == ["Fik 2"]
    assert [n["reason"] for n in data["nominations"]] == ["Grund 3"]
    assert data["jury_scores"][0]["comment"] == "Fin 4"
    assert data["jury_seats"] == [{"award": award.name, "chair": False}]
    assert data["wins"][0]["motivation"] == winner.motivation

    account_delete(user=citizen)
    assert list(Thanks.objects.all()) == [unrelated]
    assert not Nomination.objects.filter(pk__in=[made.pk, of_them.pk]).exists()
    assert Nomination.objects.filter(pk=other.pk).exists()
    assert not Juror.objects.filter(award=award).exists()
    assert list(Score.objects.values_list("juror", flat=True)) == [employee.pk]
    award.refresh_from_db()
    assert award.created_by is None and Award.objects.exists()
    winner = Winner.objects.get()
    assert winner.nominee_user is None and winner.decided_by is None
    assert not winner.is_named
