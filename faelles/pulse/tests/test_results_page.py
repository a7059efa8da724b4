"""The results page reads only what it shows: the chosen round's stored
results and, for the trend, one cell of each round read by the database —
the same figures as reading every round's results whole."""

from datetime import timedelta

import pytest
from django.utils import timezone

from faelles.organisations.factories import DepartmentFactory
from faelles.pulse import results as R
from faelles.pulse import selectors, services
from faelles.pulse.factories import RoundFactory
from faelles.pulse.models import Round

from .conftest import BASE, answers, staff

pytestmark = pytest.mark.django_db


def _closed_round(municipality, title, days_ago, people, value):
    round_ = RoundFactory(municipality=municipality, title=title)
    for n, person in enumerate(people):
        services.response_submit(
            round_=round_, user=person, answers=answers(1 + (value + n) % 5)
        )
    today = timezone.localdate()
    Round.objects.filter(pk=round_.pk).update(
        opens_on=today - timedelta(days=days_ago + 10),
        closes_on=today - timedelta(days=days_ago),
    )
    round_.refresh_from_db()
    return services.round_results(round_=round_)


def test_the_trend_read_in_the_database_equals_the_stored_results(units, municipality):
    department, nord, syd = units
    people = staff(nord, 6) + staff(syd, 2) + staff(department, 5)
    for n in range(3):
        _closed_round(municipality, f"Runde {n}", 100 - n * 30, people[n:], n)
    today = timezone.localdate()
    whole = list(selectors.closed_rounds(municipality=municipality, today=today))
    light = list(
        selectors.closed_rounds_without_results(municipality=municipality, today=today)
    )
    assert all(r.has_results for r in light)
    for key in (R.ALL, R.sub(nord.pk), R.sub(syd.pk), R.own(department.pk), "x"):
        expected = [
            (p.round.pk, p.n, p.scores) for p in selectors.trend(rounds_=whole, key=key)
        ]
        found = [
            (p.round.pk, p.n, p.scores)
            for p in selectors.trend_in_database(rounds_=light, key=key)
        ]
        assert found == expected, key
    # Something is both shown and hidden, so the comparison says something.
    assert any(p.n for p in selectors.trend(rounds_=whole, key=R.sub(nord.pk)))
    assert not any(p.n for p in selectors.trend(rounds_=whole, key=R.sub(syd.pk)))


def test_a_unit_of_an_earlier_round_only_can_be_followed_an_unknown_one_not(
    client, municipal_admin, units, municipality
):
    department, nord, _syd = units
    first = _closed_round(municipality, "Runde 1", 60, staff(nord, 6), 2)
    gone = DepartmentFactory(municipality=municipality, parent=department, name="Øst")
    second = _closed_round(
        municipality, "Runde 2", 20, staff(nord, 6) + staff(gone, 6), 3
    )
    later = DepartmentFactory(municipality=municipality, name="Ny afdeling")
    client.force_login(municipal_admin)
    # Øst is in the second round's tree only: followed from the first round too.
    page = client.get(f"{BASE}resultater/?runde={first.pk}&enhed={gone.pk}")
    assert page.status_code == 200
    assert "Udviklingen for Øst" in page.content.decode()
    assert (
        client.get(f"{BASE}resultater/?runde={second.pk}&enhed={gone.pk}").status_code
        == 200
    )
    # A department in no round's results is not found.
    assert client.get(f"{BASE}resultater/?enhed={later.pk}").status_code == 404
    assert client.get(f"{BASE}resultater/?enhed={later.pk}x").status_code == 404


def test_a_closed_round_without_results_gets_them_on_the_page(
    client, municipal_admin, units, municipality
):
    _department, nord, _syd = units
    round_ = RoundFactory(municipality=municipality, title="Runde uden tal")
    for person in staff(nord, 5):
        services.response_submit(round_=round_, user=person, answers=answers(4))
    today = timezone.localdate()
    Round.objects.filter(pk=round_.pk).update(
        opens_on=today - timedelta(days=20), closes_on=today - timedelta(days=1)
    )
    assert Round.objects.get(pk=round_.pk).results is None
    client.force_login(municipal_admin)
    page = client.get(f"{BASE}resultater/").content.decode()
    assert "Runde uden tal" in page
    assert Round.objects.get(pk=round_.pk).results is not None
