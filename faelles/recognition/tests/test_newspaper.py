"""The newspaper's "Vi fejrer": only what was consented to, only in the period,
and the edition (hence the cached PDF) changes when it does."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from faelles.initiatives.newspaper import edition_key, newspaper_html
from faelles.recognition.factories import AwardFactory, ThanksFactory, WinnerFactory

pytestmark = pytest.mark.django_db

START, END = date(2026, 9, 1), date(2026, 11, 30)
IN_PERIOD = timezone.make_aware(datetime(2026, 10, 15, 12))
BEFORE = timezone.make_aware(datetime(2026, 8, 1, 12))


def _html(municipality):
    return newspaper_html(
        municipality=municipality, start=START, end=END, stories=[], trials=[]
    )


def test_vi_fejrer_only_with_consent_and_within_the_period(municipality):
    assert "Vi fejrer" not in _html(municipality)
    ThanksFactory(
        municipality=municipality,
        message="Privat tak 1111",
        created_at=IN_PERIOD,
    )
    asked = ThanksFactory(
        municipality=municipality,
        message="Ønsket vist 2222",
        public_requested=True,
        created_at=IN_PERIOD,
    )
    ThanksFactory(
        municipality=municipality,
        message="For tidligt 3333",
        public_requested=True,
        consented_at=BEFORE,
        created_at=BEFORE,
    )
    award = AwardFactory(
        municipality=municipality,
        name="Årets ildsjæl",
        announced_at=IN_PERIOD,
        nominations_open=START - timedelta(days=60),
        nominations_close=START - timedelta(days=30),
        announce_on=START,
    )
    winner = WinnerFactory(award=award, motivation="Motivation 4444")
    winner.nominee_user.display_name = "Ildsjælen Ib"
    winner.nominee_user.save()
    before = _html(municipality)
    assert "Vi fejrer" in before and "Årets ildsjæl" in before
    for hidden in ("1111", "2222", "3333", "Ildsjælen Ib", "4444"):
        assert hidden not in before
    asked.consented_at = IN_PERIOD
    asked.save()
    winner.consented_at = IN_PERIOD
    winner.save()
    after = _html(municipality)
    assert "2222" in after and "Ildsjælen Ib" in after and "4444" in after
    assert "1111" not in after and "3333" not in after
    assert edition_key(after) != edition_key(before)
