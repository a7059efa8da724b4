"""'Tak! Dit initiativ er oprettet, og kommunen får besked' is kept: the department
the municipality chose to receive new initiatives is told — or, without one, its
administrators — in the app and by e-mail, in their own language."""

import pytest
from django.core import mail

from faelles.accounts.factories import MembershipFactory
from faelles.initiatives.models import Initiative
from faelles.notifications.models import Notification
from faelles.organisations.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

URL = "/odense/initiativer/ny/"
DATA = {
    "title": "Lektiecafé på biblioteket",
    "challenge": "Mange børn får ikke hjælp til lektier derhjemme.",
    "idea": "Frivillige gymnasieelever hjælper to eftermiddage om ugen.",
    "target_group": "Skolebørn",
    "postcode": "5000",
    "place": "Hovedbiblioteket",
    "themes": ["children"],
}


def _propose(client, citizen, django_capture_on_commit_callbacks):
    client.force_login(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, DATA)
    assert response.status_code == 302, response.context["form"].errors
    return Initiative.objects.get()


def test_intake_department_employees_are_told(
    client, municipality, citizen, municipal_admin, django_capture_on_commit_callbacks
):
    intake = DepartmentFactory(
        municipality=municipality, name="Fællesskab og Frivillighed"
    )
    other = DepartmentFactory(municipality=municipality, name="Vej og Park")
    consultant = MembershipFactory(
        municipality=municipality, is_employee=True, department=intake
    ).user
    consultant.preferred_language = "en"
    consultant.save()
    gardener = MembershipFactory(
        municipality=municipality, is_employee=True, department=other
    ).user
    municipality.initiative_intake = intake
    municipality.save()

    initiative = _propose(client, citizen, django_capture_on_commit_callbacks)

    told = Notification.objects.filter(kind="initiatives.proposed")
    assert list(told.values_list("recipient", flat=True)) == [consultant.pk]
    note = told.get()
    assert note.title == (
        "A new initiative awaits the municipality's response: “Lektiecafé på biblioteket”"
    )
    assert note.url == initiative.get_absolute_url()
    assert not Notification.objects.filter(recipient__in=[gardener, municipal_admin])
    assert not Notification.objects.filter(recipient=citizen)


def test_without_an_intake_department_the_administrators_are_told(
    client, municipality, citizen, municipal_admin, django_capture_on_commit_callbacks
):
    _propose(client, citizen, django_capture_on_commit_callbacks)
    assert list(
        Notification.objects.filter(kind="initiatives.proposed").values_list(
            "recipient", flat=True
        )
    ) == [municipal_admin.pk]


def test_an_intake_department_without_employees_falls_back_to_administrators(
    client, municipality, citizen, municipal_admin, django_capture_on_commit_callbacks
):
    municipality.initiative_intake = DepartmentFactory(municipality=municipality)
    municipality.save()
    _propose(client, citizen, django_capture_on_commit_callbacks)
    assert Notification.objects.filter(
        kind="initiatives.proposed", recipient=municipal_admin
    ).exists()


def test_the_person_told_gets_an_email_when_they_want_one_now(
    client, municipality, citizen, municipal_admin, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _propose(client, citizen, django_capture_on_commit_callbacks)
    assert any(
        municipal_admin.email in message.to and "Lektiecafé" in message.subject
        for message in mail.outbox
    ), [m.subject for m in mail.outbox]


def test_intake_choice_is_limited_to_the_municipality_s_departments(
    client, municipality, other_municipality, municipal_admin
):
    foreign = DepartmentFactory(municipality=other_municipality)
    client.force_login(municipal_admin)
    page = client.get("/odense/administration/").text
    assert "afdeling der tager imod nye initiativer" in page.lower()
    assert foreign.name not in page
