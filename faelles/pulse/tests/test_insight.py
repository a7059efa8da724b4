"""The pulse on the insight dashboards: the municipality's scale scores and
answers per closed round exactly as the pulse publishes them (its own
suppression: nothing for fewer than five answers), on the internal dashboard
for the people the pulse shows its results to — never on the public one, never
for politicians or citizens, never another municipality's."""

from datetime import timedelta

import pytest
from django.utils import timezone

from faelles.insight.models import TrendPoint
from faelles.insight.rollups import refresh
from faelles.organisations.factories import DepartmentFactory
from faelles.pulse import results, services
from faelles.pulse.factories import RoundFactory
from faelles.pulse.instrument import SCALES, scale_scores

from .conftest import answers, staff

pytestmark = pytest.mark.django_db

URL = "/odense/indsigt/"


def _round(municipality, people, *, value=4, days_ago=30, title="Runde"):
    """A round answered by ``people`` and closed ``days_ago`` days ago."""
    today = timezone.localdate()
    opens_on = today - timedelta(days=days_ago + 10)
    round_ = RoundFactory(
        municipality=municipality,
        title=title,
        opens_on=opens_on,
        closes_on=today - timedelta(days=days_ago),
    )
    for person in people:
        services.response_submit(
            round_=round_, user=person, answers=answers(value), today=opens_on
        )
    return round_


@pytest.fixture
def pulse(municipality, employee):
    department = employee.memberships.get().department
    people = [employee, *staff(department, 7)]
    first = _round(municipality, people, value=3, days_ago=200, title="Forår")
    second = _round(municipality, people[:6], value=4, days_ago=20, title="Efterår")
    return first, second


def test_the_points_are_the_pulses_own_published_results(municipality, pulse):
    first, second = pulse
    refresh(municipality)
    points = list(TrendPoint.objects.filter(municipality=municipality))
    assert [p.label for p in points] == ["Forår", "Efterår"]
    for point, round_ in zip(points, pulse, strict=True):
        round_.refresh_from_db()  # the refresh computed its results
        cell = round_.results["cells"][results.ALL]
        assert point.count == cell["n"]
        assert point.values == [cell["scores"][s.key] for s in SCALES]
        assert point.day == round_.last_day
    assert [p.count for p in points] == [8, 6]
    assert points[1].values == [
        pytest.approx(v, abs=0.05) for v in scale_scores(answers(4)).values()
    ]


def test_a_round_with_fewer_than_five_answers_shows_nothing(municipality, employee):
    department = employee.memberships.get().department
    _round(municipality, [employee, *staff(department, 3)], title="Lille")
    refresh(municipality)
    point = TrendPoint.objects.get(municipality=municipality)
    assert point.count is None and point.values == [None] * len(SCALES)


def test_what_the_pulse_hides_is_hidden_here_too(municipality, pulse):
    """The dashboard shows the pulse's published cell, never a count of its
    own: a round whose municipality-wide cell the pulse has stored as hidden
    (as a complement, say) has no figures, whatever its answers."""
    first, _second = pulse
    services.round_results(round_=first)
    first.refresh_from_db()
    first.results["cells"][results.ALL] = {
        "n": None,
        "scores": dict.fromkeys(first.results["cells"][results.ALL]["scores"]),
    }
    first.save(update_fields=["results"])
    refresh(municipality)
    point = TrendPoint.objects.get(municipality=municipality, label="Forår")
    assert point.count is None and point.values == [None] * len(SCALES)


def test_open_and_old_rounds_are_not_in_the_trend(municipality, employee):
    department = employee.memberships.get().department
    people = [employee, *staff(department, 5)]
    RoundFactory(municipality=municipality, title="Åben")  # open now
    _round(municipality, people, days_ago=3 * 365, title="Gammel")  # before the window
    refresh(municipality)
    assert not TrendPoint.objects.filter(municipality=municipality).exists()


def test_the_internal_dashboard_shows_the_trend_to_employees_only(
    client, municipality, pulse, employee, municipal_admin, politician, citizen
):
    refresh(municipality)
    for person in (employee, municipal_admin):
        client.force_login(person)
        response = client.get(URL + "intern/")
        page = response.content.decode()
        assert "Social kapital i hele kommunen" in page
        assert 'id="chart-trend-pulsesocial_capital-t"' in page
        assert "Forår" in page and "Efterår" in page
        (item,) = response.context["trends"]
        assert item["rows"][0] == ("Antal svar", [8, 6])
        shown = [int(scale_scores(answers(v))["vertical_trust"] + 0.5) for v in (3, 4)]
        assert item["rows"][1][1] == [str(n) for n in shown]  # as the pulse shows
    # Politicians see the internal dashboard, but not the pulse (its own rule).
    client.force_login(politician)
    response = client.get(URL + "intern/")
    assert response.status_code == 200 and response.context["trends"] == []
    assert "Social kapital i hele kommunen" not in response.content.decode()
    # The public dashboard never; citizens not the internal one at all.
    client.force_login(citizen)
    assert "Social kapital i hele kommunen" not in client.get(URL).content.decode()
    assert client.get(URL + "intern/").status_code == 404
    client.logout()
    assert "Social kapital i hele kommunen" not in client.get(URL).content.decode()


def test_another_municipalitys_pulse_is_not_shown(
    client, municipality, other_municipality, other_admin, municipal_admin
):
    department = DepartmentFactory(municipality=other_municipality)
    _round(other_municipality, staff(department, 9), title="Faxes runde")
    refresh(other_municipality)
    refresh(municipality)
    client.force_login(municipal_admin)
    page = client.get(URL + "intern/").content.decode()
    assert "Faxes runde" not in page
    assert "Ingen afsluttede runder i perioden endnu." in page
    client.force_login(other_admin)
    assert "Faxes runde" in client.get("/faxe/indsigt/intern/").content.decode()


def test_the_internal_dashboard_with_the_trend_stays_within_a_few_queries(
    client, municipality, pulse, employee, django_assert_max_num_queries
):
    refresh(municipality)
    client.force_login(employee)
    client.get(URL + "intern/")  # the figures rendered and kept
    with django_assert_max_num_queries(6):
        assert client.get(URL + "intern/").status_code == 200
