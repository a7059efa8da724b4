"""The dashboards: figures counted by area and age band from the rollups, small
groups hidden, freshness shown, the internal version for staff and politicians
only, another municipality's figures never shown, bounded queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from faelles.accounts.factories import UserFactory
from faelles.insight.cube import ALL
from faelles.insight.models import BirthYear, PopulationFigure, Rollup
from faelles.insight.rollups import refresh
from faelles.participation.models import ParticipationAct, Rung

pytestmark = pytest.mark.django_db

URL = "/odense/indsigt/"


def _active(municipality, n, *, postcode="5000", born=1990, rung=Rung.CIVIL_SOCIETY):
    now = timezone.now()
    for _ in range(n):
        user = UserFactory(postcode=postcode)
        if born:
            BirthYear.objects.create(user=user, year=born)
        ParticipationAct.objects.create(
            municipality=municipality,
            user=user,
            action="test.act",
            rung=rung,
            occurred_at=now - timedelta(days=1),
        )


def _population(municipality):
    for postcode, name in (("5000", "Odense C"), ("5200", "Odense V")):
        for band, n in (("18-29", 4000), ("30-49", 6000), ("65+", 3000)):
            PopulationFigure.objects.create(
                municipality=municipality,
                postcode=postcode,
                area_name=name,
                age_band=band,
                count=n,
            )


def _cell(municipality, source, **where):
    where = {"period": ALL, "area": ALL, "age_band": ALL, "theme": ALL, **where}
    return Rollup.objects.get(municipality=municipality, source=source, **where).count


def test_people_are_counted_by_area_and_age_band(municipality):
    _population(municipality)
    year = timezone.localdate().year
    _active(municipality, 8, postcode="5000", born=year - 26)  # 18-29
    _active(municipality, 6, postcode="5200", born=year - 46)  # 30-49
    _active(municipality, 5, postcode="9999", born=None)
    refresh(municipality)
    assert _cell(municipality, "ladder.any") == 19
    assert _cell(municipality, "ladder.any", area="5000") == 8
    assert _cell(municipality, "ladder.any", area="?") == 5  # not in the table
    assert _cell(municipality, "ladder.any", age_band="18-29") == 8
    assert _cell(municipality, "ladder.any", age_band="30-49") == 6
    assert _cell(municipality, "ladder.any", area="5200", age_band="30-49") == 6
    assert _cell(municipality, "ladder.any", age_band="?") == 5
    assert _cell(municipality, "ladder.rung5") == 19
    assert _cell(municipality, "ladder.rung1") == 0


def test_a_group_under_five_is_hidden_everywhere(client, municipality):
    _population(municipality)
    _active(municipality, 12, postcode="5000", born=1990)
    _active(municipality, 3, postcode="5200", born=1990)
    refresh(municipality)
    assert _cell(municipality, "ladder.any", area="5200") is None
    # Nor can it be worked out from the total and the other areas.
    shown = [_cell(municipality, "ladder.any", area=a) for a in ("5000", "5200", "?")]
    total = _cell(municipality, "ladder.any")
    assert total is None or None in [shown[0], shown[2]]
    page = client.get(URL, {"omraade": "5200"}).content.decode()
    assert "færre end 5" in page
    assert ">3<" not in page


def test_the_page_says_how_fresh_the_figures_are(client, municipality):
    response = client.get(URL)
    assert "Tallene er ikke regnet ud endnu" in response.content.decode()
    refresh(municipality, now=timezone.now() - timedelta(minutes=12))
    page = client.get(URL).content.decode()
    assert "Opdateret for 12" in page and "minutter siden" in page


def test_the_dashboard_reads_rollups_in_few_queries(
    client, municipality, django_assert_max_num_queries
):
    _population(municipality)
    _active(municipality, 20)
    refresh(municipality)
    for query in ({}, {"periode": "", "omraade": "5000"}, {"alder": "65+"}):
        with django_assert_max_num_queries(8):
            assert client.get(URL, query).status_code == 200


def test_every_chart_has_a_table_with_the_same_numbers(client, municipality):
    _population(municipality)
    _active(municipality, 9, postcode="5000", born=1960)
    refresh(municipality)
    page = client.get(URL).content.decode()
    assert page.count("<svg") >= page.count('role="img"') > 3
    assert page.count("<table") >= page.count('role="img"')
    assert "<title" in page and "<desc" in page


def test_filters_that_would_make_groups_too_small_are_narrowed(client, municipality):
    refresh(municipality)
    response = client.get(URL, {"periode": "2026K1", "omraade": "?", "alder": "u18"})
    assert response.context["board"].filter.period == ALL
    response = client.get(URL, {"tema": "-", "omraade": "?"})
    assert response.context["board"].filter.area == ALL
    assert "Filteret er tilpasset" in response.content.decode()


def test_an_unknown_filter_value_shows_everything(client, municipality):
    refresh(municipality)
    response = client.get(URL, {"omraade": "<script>", "periode": "1999K9"})
    assert response.status_code == 200
    assert response.context["board"].filter.area == ALL


def test_the_internal_dashboard_is_for_staff_and_politicians(
    client, municipality, citizen, employee, politician
):
    refresh(municipality)
    assert client.get(URL + "intern/").status_code == 404
    client.force_login(citizen)
    assert client.get(URL + "intern/").status_code == 404
    for person in (employee, politician):
        client.force_login(person)
        response = client.get(URL + "intern/")
        assert response.status_code == 200
        assert response.context["internal"] is True


def test_another_municipalitys_figures_are_not_shown(
    client, municipality, other_municipality
):
    _active(other_municipality, 30)
    refresh(other_municipality)
    refresh(municipality)
    board = client.get(URL).context["board"]
    ladder = board.groups[0].figures[0]
    assert ladder.source.key == "ladder.any" and ladder.count == 0
    assert (
        client.get("/faxe/indsigt/").context["board"].groups[0].figures[0].count == 30
    )


def test_the_people_who_are_not_there(client, municipality):
    _population(municipality)
    _active(municipality, 10, postcode="5000", born=1960)
    refresh(municipality)
    response = client.get(URL + "dem-vi-ikke-naar/")
    assert response.status_code == 200
    rows = {row.area: row for row in response.context["rows"]}
    pop, active, rate = rows["5000"].cells[-1]  # 65+
    assert (pop, active, rate) == (3000, 10, 0.3)
    assert rows["5200"].cells[-1][1] == 0
