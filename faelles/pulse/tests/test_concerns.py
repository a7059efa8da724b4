""" "Sig fra": raised without name, answered in public, hidden with a reason,
limited per week without saying who."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from faelles.organisations.factories import DepartmentFactory
from faelles.pulse import services
from faelles.pulse.models import Concern, ConcernStatus

from .conftest import BASE, staff

pytestmark = pytest.mark.django_db


def _raise(user, municipality, **kw):
    return services.concern_raise(
        municipality=municipality,
        user=user,
        title=kw.pop("title", "Vagtplanen kommer for sent"),
        body=kw.pop("body", "Vi får planen to dage før. Det er for sent."),
        **kw,
    )


def test_an_employee_raises_a_concern_and_leadership_answers_in_public(
    client, employee, municipal_admin, municipality
):
    client.force_login(employee)
    response = client.post(
        f"{BASE}sig-fra/ny/",
        {"title": "For mange møder", "body": "Møder uden dagsorden.", "department": ""},
    )
    assert response.status_code == 302
    concern = Concern.objects.get()
    assert concern.status == ConcernStatus.OPEN
    # Not yet answered: not in the public list; the administrator has it waiting.
    assert "For mange møder" not in client.get(f"{BASE}sig-fra/").content.decode()
    client.force_login(municipal_admin)
    assert "For mange møder" in client.get("/odense/arbejde/").content.decode()
    client.post(
        f"{BASE}sig-fra/{concern.pk}/svar/", {"answer": "Vi indfører dagsordener."}
    )
    client.force_login(employee)
    page = client.get(f"{BASE}sig-fra/").content.decode()
    assert "For mange møder" in page
    detail = client.get(f"{BASE}sig-fra/{concern.pk}/").content.decode()
    assert "Vi indfører dagsordener." in detail and "Svar offentligt" not in detail


def test_a_department_must_have_five_employees(employee, municipality):
    small = DepartmentFactory(municipality=municipality)
    staff(small, 4)
    with pytest.raises(ValidationError) as error:
        _raise(employee, municipality, department=small)
    assert "mindst 5" in str(error.value)
    staff(small, 1)
    assert _raise(employee, municipality, department=small).department == small
    assert small in services.concern_departments(municipality=municipality)


def test_three_a_week_then_a_clear_message(employee, municipality):
    for _ in range(3):
        _raise(employee, municipality, today=date(2026, 12, 8))
    with pytest.raises(ValidationError, match="højst 3 gange om ugen"):
        _raise(employee, municipality, today=date(2026, 12, 10))
    assert Concern.objects.count() == 3
    _raise(employee, municipality, today=date(2026, 12, 14))  # a new week
    assert Concern.objects.count() == 4


def test_leaders_answer_their_departments_concerns_only(
    client, leader, employee, municipality
):
    department = employee.memberships.get().department
    staff(department, 4)
    other = DepartmentFactory(municipality=municipality)
    staff(other, 5)
    own = _raise(employee, municipality, department=department)
    elsewhere = _raise(employee, municipality, department=other, title="Andet sted")
    client.force_login(leader)
    assert (
        client.post(
            f"{BASE}sig-fra/{own.pk}/svar/", {"answer": "Det ser vi på."}
        ).status_code
        == 302
    )
    assert (
        client.post(
            f"{BASE}sig-fra/{elsewhere.pk}/svar/", {"answer": "Nej."}
        ).status_code
        == 403
    )
    elsewhere.refresh_from_db()
    assert elsewhere.status == ConcernStatus.OPEN


def test_hiding_needs_a_reason_and_hides_from_employees(
    client, employee, municipal_admin, municipality
):
    concern = _raise(employee, municipality)
    client.force_login(municipal_admin)
    client.post(f"{BASE}sig-fra/{concern.pk}/skjul/", {"hidden_reason": ""})
    concern.refresh_from_db()
    assert concern.status == ConcernStatus.OPEN
    client.post(
        f"{BASE}sig-fra/{concern.pk}/skjul/", {"hidden_reason": "Navngiver en kollega"}
    )
    concern.refresh_from_db()
    assert concern.status == ConcernStatus.HIDDEN
    client.force_login(employee)
    assert client.get(f"{BASE}sig-fra/{concern.pk}/").status_code == 404


def test_citizens_do_not_see_concerns(client, citizen, employee, municipality):
    concern = _raise(employee, municipality)
    client.force_login(citizen)
    assert client.get(f"{BASE}sig-fra/").status_code == 403
    assert client.get(f"{BASE}sig-fra/{concern.pk}/").status_code == 404
    assert client.get(f"{BASE}sig-fra/ny/").status_code == 403
