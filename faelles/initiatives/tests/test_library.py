"""The learning library: search, filters, outcome statistics with the ≥5 rule,
and public sharing with other municipalities."""

import pytest

from faelles.initiatives import search
from faelles.initiatives.factories import EvaluatedTrialFactory, InitiativeFactory
from faelles.initiatives.models import InitiativeSettings, InitiativeTheme, Outcome
from faelles.initiatives.selectors import library_statistics
from faelles.municipalities.factories import theme as theme_of
from faelles.organisations.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

URL = "/odense/initiativer/laeringsbank/"


def _trial(municipality, *, outcome, theme="health", department=None, title="Bro"):
    initiative = InitiativeFactory(municipality=municipality, title=title)
    InitiativeTheme.objects.create(
        municipality=municipality,
        initiative=initiative,
        theme=theme_of(municipality, theme),
    )
    trial = EvaluatedTrialFactory(
        initiative=initiative, outcome=outcome, department=department
    )
    search.index_trials([trial.pk])  # the services do this; factories do not
    return trial


def test_failures_are_listed_and_filterable(client, municipality, citizen):
    _trial(municipality, outcome=Outcome.WORKED, title="Badebroen")
    _trial(municipality, outcome=Outcome.DID_NOT_WORK, title="Cykelværkstedet")
    client.force_login(citizen)
    page = client.get(URL).content.decode()
    assert "Badebroen" in page and "Cykelværkstedet" in page
    page = client.get(URL + "?outcome=did_not_work").content.decode()
    assert "Cykelværkstedet" in page and "Badebroen" not in page
    page = client.get(URL + "?q=cykelværk").content.decode()
    assert "Cykelværkstedet" in page and "Badebroen" not in page


def test_theme_and_department_filters(client, municipality, citizen):
    culture = DepartmentFactory(municipality=municipality, name="Kultur")
    _trial(municipality, outcome=Outcome.WORKED, theme="nature", title="Åen")
    _trial(municipality, outcome=Outcome.PARTLY, department=culture, title="Koncerter")
    client.force_login(citizen)
    page = client.get(URL + "?theme=nature").content.decode()
    assert "Åen" in page and "Koncerter" not in page
    page = client.get(URL + f"?department={culture.pk}").content.decode()
    assert "Koncerter" in page and "Åen" not in page


def test_statistics_hide_groups_smaller_than_five(municipality):
    health = DepartmentFactory(municipality=municipality, name="Sundhed")
    for outcome in [Outcome.WORKED] * 3 + [Outcome.DID_NOT_WORK] * 2:
        _trial(municipality, outcome=outcome, theme="health", department=health)
    for _ in range(4):
        _trial(municipality, outcome=Outcome.PARTLY, theme="nature")
    stats = library_statistics(municipality=municipality)
    by_theme = {row["label"]: row for row in stats["by_theme"]}
    assert by_theme["Sundhed og trivsel"]["total"] == 5
    assert by_theme["Sundhed og trivsel"]["did_not_work"] == 2
    assert by_theme["Natur og grønne områder"]["total"] is None
    assert by_theme["Natur og grønne områder"]["partly"] is None
    (department,) = stats["by_department"]
    assert (department["label"], department["worked"]) == ("Sundhed", 3)
    assert stats["overall"]["total"] == 9


def test_statistics_page_says_fewer_than_five(client, municipality, citizen):
    _trial(municipality, outcome=Outcome.WORKED)
    client.force_login(citizen)
    assert "færre end 5" in client.get(URL).content.decode()


def test_private_library_needs_a_member(client, municipality, other_admin):
    _trial(municipality, outcome=Outcome.WORKED, title="Badebroen")
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    # Anonymous visitors are offered it (members log in to it) ...
    assert URL in client.get("/odense/initiativer/").content.decode()
    client.force_login(other_admin)  # another municipality's administrator
    assert client.get(URL).status_code == 403
    assert client.get("/odense/initiativer/avis/").status_code == 403
    # ... a signed-in outsider is not led to the refusal.
    assert URL not in client.get("/odense/initiativer/").content.decode()


def test_public_library_is_shared_with_everyone(client, municipality, other_admin):
    _trial(municipality, outcome=Outcome.DID_NOT_WORK, title="Badebroen")
    InitiativeSettings.objects.create(municipality=municipality, library_public=True)
    page = client.get(URL).content.decode()
    assert "Badebroen" in page and "delt offentligt" in page
    client.force_login(other_admin)
    assert URL in client.get("/odense/initiativer/").content.decode()
    assert "Badebroen" in client.get(URL).content.decode()
    assert client.get("/odense/initiativer/avis/").status_code == 200


def test_library_shows_only_its_own_municipality(
    client, municipality, other_municipality, citizen
):
    _trial(other_municipality, outcome=Outcome.WORKED, title="Faxes forsøg")
    client.force_login(citizen)
    assert "Faxes forsøg" not in client.get(URL).content.decode()


def test_initiative_search_finds_words_and_beginnings(client, municipality, citizen):
    from faelles.initiatives import services

    services.initiative_create(
        municipality=municipality,
        proposer=citizen,
        title="Gåbus til Bolbro Skole",
        challenge="Trafik",
        idea="Vi går sammen.",
        place="Bolbro",
    )
    services.initiative_create(
        municipality=municipality,
        proposer=citizen,
        title="Fællesspisning",
        challenge="Ensomhed",
        idea="Vi spiser sammen.",
    )
    client.force_login(citizen)
    for query in ["gåbus", "Gåbus bolbro", "bolb"]:
        page = client.get("/odense/initiativer/", {"q": query}).content.decode()
        assert "Gåbus til Bolbro Skole" in page and "Fællesspisning" not in page
    page = client.get("/odense/initiativer/", {"q": "'&|!"}).content.decode()
    assert "Fællesspisning" in page  # punctuation only: no filter, no error
