"""A person's birth year for the statistics: given, changed and deleted by the
person alone, counted in their age band, in their data export."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from faelles.insight.cube import ALL
from faelles.insight.gdpr import export_personal_data
from faelles.insight.models import BirthYear, Rollup
from faelles.participation.models import ParticipationAct, Rung

pytestmark = pytest.mark.django_db

URL = "/odense/indsigt/min-alder/"


def test_login_is_needed(client, municipality):
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response["Location"]


def test_give_change_and_delete(client, citizen):
    client.force_login(citizen)
    assert client.post(URL, {"year": "1984"}).status_code == 302
    assert BirthYear.objects.get(user=citizen).year == 1984
    client.post(URL, {"year": "1990"})
    assert BirthYear.objects.get(user=citizen).year == 1990
    assert export_personal_data(citizen)["birth_year_for_statistics"]["year"] == 1990
    client.post(URL, {"remove": "1"})
    assert not BirthYear.objects.filter(user=citizen).exists()
    assert export_personal_data(citizen) == {}


def test_a_bad_year_is_explained_and_changes_nothing(client, citizen):
    client.force_login(citizen)
    response = client.post(URL, {"year": "1700"})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode() or "form-error" in (
        response.content.decode()
    )
    assert not BirthYear.objects.filter(user=citizen).exists()


def test_the_command_counts_people_in_their_age_band(municipality, citizen):
    year = timezone.localdate().year
    from faelles.accounts.factories import UserFactory

    for _ in range(6):
        user = UserFactory()
        BirthYear.objects.create(user=user, year=year - 70)
        ParticipationAct.objects.create(
            municipality=municipality, user=user, action="t.a", rung=Rung.FAMILY
        )
    call_command("insight_refresh", "odense", stdout=open("/dev/null", "w"))  # noqa: SIM115
    cell = Rollup.objects.get(
        municipality=municipality,
        source="ladder.rung2",
        period=ALL,
        area=ALL,
        age_band="65+",
        theme=ALL,
    )
    assert cell.count == 6
