"""Internal (staff-only) initiatives and trials: for the municipality's staff
only — never listed, searched, on the status page, in the learning library or
offered for awards to anyone else — until staff open them to citizens, which
is audited and one way (docs/staff-only.md)."""

import pytest
from django.core.exceptions import ValidationError

from faelles.core.models import AuditEntry
from faelles.initiatives import services
from faelles.initiatives.factories import EvaluatedTrialFactory, InitiativeFactory
from faelles.initiatives.models import Initiative, InitiativeSettings, State
from faelles.initiatives.selectors import library, library_statistics
from faelles.municipalities.tenancy import tenant_reverse
from faelles.recognition import nominees

pytestmark = pytest.mark.django_db

TITLE = "Intern prøvehandling: fælles vagtplan"


@pytest.fixture
def internal(municipality, employee):
    return InitiativeFactory(
        municipality=municipality,
        title=TITLE,
        proposer=employee,
        staff_only=True,
        state=State.TRYING,
    )


def test_staff_see_it_with_the_badge_and_the_way_to_open_it(client, internal, employee):
    client.force_login(employee)
    page = client.get(internal.get_absolute_url())
    assert page.status_code == 200
    assert b"Kun for medarbejdere" in page.content
    assert "Åbn initiativet for borgerne".encode() in page.content


def test_hidden_everywhere_from_citizens_politicians_and_anonymous(
    client, municipality, internal, citizen, politician
):
    InitiativeSettings.objects.create(municipality=municipality, library_public=True)
    EvaluatedTrialFactory(initiative=internal, learned="Vagtbytte virkede")
    urls = [
        tenant_reverse("initiatives:list", municipality),
        tenant_reverse("initiatives:list", municipality) + "?q=vagtplan",
        tenant_reverse("initiatives:library", municipality),
        tenant_reverse("municipalities:home", municipality),
        tenant_reverse("status:overview", municipality),
    ]
    for person in (None, citizen, politician):
        client.logout()
        if person is not None:
            client.force_login(person)
        for url in urls:
            body = client.get(url).content
            assert TITLE.encode() not in body, (person, url)
            assert b"Vagtbytte virkede" not in body, (person, url)
        assert client.get(internal.get_absolute_url()).status_code == 404
    assert not nominees.initiatives(municipality).filter(pk=internal.pk).exists()


def test_the_library_and_its_statistics(municipality, internal, citizen, employee):
    EvaluatedTrialFactory(initiative=internal, learned="Vagtbytte virkede")
    assert [
        t.initiative_id for t in library(municipality=municipality, user=employee).items
    ] == [internal.pk]
    assert list(library(municipality=municipality, user=citizen).items) == []
    # One cached answer for every reader: internal trials are not counted.
    assert library_statistics(municipality=municipality)["overall"]["total"] is None


def test_another_municipalitys_staff_get_404(client, internal, other_admin):
    client.force_login(other_admin)
    assert client.get(internal.get_absolute_url()).status_code == 404
    url = f"/{internal.municipality.slug}/initiativer/{internal.pk}/aabn-for-borgere/"
    assert client.get(url).status_code == 404


def test_only_staff_see_the_field(client, municipality, citizen, employee):
    url = tenant_reverse("initiatives:create", municipality)
    client.force_login(citizen)
    assert b'name="staff_only"' not in client.get(url).content
    client.force_login(employee)
    assert b'name="staff_only"' in client.get(url).content


def test_a_citizen_cannot_propose_an_internal_initiative(municipality, citizen):
    with pytest.raises(ValidationError):
        services.initiative_create(
            municipality=municipality,
            proposer=citizen,
            title="Hemmeligt",
            challenge="Ingen",
            idea="Ingen",
            staff_only=True,
        )
    assert not Initiative.objects.exists()


def test_an_employee_proposes_an_internal_trial(municipality, employee):
    item = services.initiative_create(
        municipality=municipality,
        proposer=employee,
        title="Fælles vagtplan på tværs af teams",
        challenge="Vagtbytte tager for lang tid.",
        idea="Vi prøver en fælles plan i tre måneder.",
        staff_only=True,
    )
    assert item.staff_only


def test_opening_to_citizens_after_confirmation_is_audited_and_one_way(
    client, municipality, internal, employee, citizen
):
    url = tenant_reverse("initiatives:open_to_citizens", municipality, pk=internal.pk)
    client.force_login(citizen)
    assert client.get(url).status_code == 404
    client.force_login(employee)
    confirm = client.get(url)
    assert "Det kan ikke gøres om".encode() in confirm.content
    internal.refresh_from_db()
    assert internal.staff_only  # a GET changes nothing
    assert client.post(url).status_code == 302
    internal.refresh_from_db()
    assert not internal.staff_only
    assert AuditEntry.objects.filter(action="initiative.open_to_citizens").count() == 1
    client.force_login(citizen)
    assert client.get(internal.get_absolute_url()).status_code == 200
    # Once open, there is nothing to open, and no way back.
    client.force_login(employee)
    assert client.get(url).status_code == 403
    with pytest.raises(ValidationError):
        services.initiative_open_to_citizens(initiative=internal, actor=employee)
    assert AuditEntry.objects.filter(action="initiative.open_to_citizens").count() == 1


def test_a_citizen_cannot_open_it_through_the_service(internal, citizen):
    with pytest.raises(Exception):  # noqa: B017, PT011 — refused, whichever way
        services.initiative_open_to_citizens(initiative=internal, actor=citizen)
    internal.refresh_from_db()
    assert internal.staff_only
