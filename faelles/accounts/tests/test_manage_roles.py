import pytest

from faelles.accounts.factories import MembershipFactory
from faelles.accounts.models import Membership
from faelles.core.models import AuditEntry
from faelles.organisations.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def _roles(**overrides):
    data = {"is_citizen": "on", "job_title": "", "party": "", "department": ""}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.parametrize("role", ["citizen", "employee", "politician", "moderator"])
def test_only_admins_manage_roles(client, request, municipality, role):
    target = MembershipFactory(municipality=municipality)
    client.force_login(request.getfixturevalue(role))
    assert client.get("/odense/administration/personer/").status_code == 403
    assert (
        client.post(
            f"/odense/administration/personer/{target.pk}/", _roles(is_employee="on")
        ).status_code
        == 403
    )
    target.refresh_from_db()
    assert not target.is_employee


def test_admin_makes_someone_an_employee_in_a_department(
    client, municipality, municipal_admin
):
    department = DepartmentFactory(municipality=municipality)
    target = MembershipFactory(municipality=municipality)
    client.force_login(municipal_admin)
    response = client.post(
        f"/odense/administration/personer/{target.pk}/",
        _roles(
            is_employee="on",
            department=str(department.pk),
            job_title="Frivillighedskoordinator",
        ),
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.is_employee and target.department == department
    assert AuditEntry.objects.filter(
        action="membership.roles", actor=municipal_admin
    ).exists()


def test_department_of_another_municipality_is_refused(
    client, municipality, other_municipality, municipal_admin
):
    foreign = DepartmentFactory(municipality=other_municipality)
    target = MembershipFactory(municipality=municipality)
    client.force_login(municipal_admin)
    response = client.post(
        f"/odense/administration/personer/{target.pk}/",
        _roles(is_employee="on", department=str(foreign.pk)),
    )
    assert response.status_code == 200
    target.refresh_from_db()
    assert target.department is None


def test_politician_needs_a_party(client, municipality, municipal_admin):
    target = MembershipFactory(municipality=municipality)
    client.force_login(municipal_admin)
    response = client.post(
        f"/odense/administration/personer/{target.pk}/", _roles(is_politician="on")
    )
    assert response.status_code == 200
    assert not Membership.objects.get(pk=target.pk).is_politician


def test_last_administrator_cannot_remove_own_role(
    client, municipality, municipal_admin
):
    membership = municipal_admin.memberships.get()
    client.force_login(municipal_admin)
    response = client.post(
        f"/odense/administration/personer/{membership.pk}/", _roles(is_employee="on")
    )
    assert response.status_code == 200
    assert "mindst én administrator" in response.text
    assert Membership.objects.get(pk=membership.pk).is_administrator


def test_people_list_is_paginated_and_bounded(
    client, municipality, municipal_admin, django_assert_max_num_queries
):
    for _ in range(60):
        MembershipFactory(municipality=municipality)
    client.force_login(municipal_admin)
    with django_assert_max_num_queries(10):
        response = client.get("/odense/administration/personer/?role=citizen")
    first = response.context["page"]
    assert len(first.items) == 50 and first.next_cursor
    assert "Næste side" in response.text and "Første side" not in response.text
    response = client.get(
        f"/odense/administration/personer/?role=citizen&efter={first.next_cursor}"
    )
    second = response.context["page"]
    assert len(second.items) == 11 and second.next_cursor is None  # + the admin
    assert "Første side" in response.text
    seen = {m.pk for m in first.items} | {m.pk for m in second.items}
    assert seen == set(
        Membership.objects.filter(
            municipality=municipality, is_citizen=True
        ).values_list("pk", flat=True)
    )


def test_people_search_by_name_and_role(client, municipality, municipal_admin):
    MembershipFactory(
        municipality=municipality,
        user__display_name="Mette Holm",
        is_employee=True,
    )
    MembershipFactory(municipality=municipality, user__display_name="Mette Dahl")
    client.force_login(municipal_admin)
    response = client.get("/odense/administration/personer/?q=mette&role=employee")
    assert [m.user.display_name for m in response.context["page"].items] == [
        "Mette Holm"
    ]
    response = client.get("/odense/administration/personer/?q=METTE")
    assert len(response.context["page"].items) == 2


def test_party_label_says_when_it_is_required_not_optional(
    client, municipality, municipal_admin
):
    target = MembershipFactory(municipality=municipality)
    client.force_login(municipal_admin)
    page = client.get(f"/odense/administration/personer/{target.pk}/").text
    label = page[
        page.index('for="id_party"') : page.index(
            "</label>", page.index('for="id_party"')
        )
    ]
    assert "skal udfyldes for politikere" in label
    assert "frivilligt" not in label


def test_filters_do_not_call_every_field_optional(client, municipality):
    for path in (
        "/odense/ressourcer/",
        "/odense/faellesskaber/",
        "/odense/arrangementer/",
    ):
        assert "(frivilligt)" not in client.get(path).text, path
