import pytest

from faelles.organisations.factories import (
    OrganisationFactory,
    OrganisationMemberFactory,
)
from faelles.organisations.models import Organisation, OrganisationMember

pytestmark = pytest.mark.django_db


def test_list_and_filter(
    client, municipality, other_municipality, django_assert_max_num_queries
):
    OrganisationFactory(
        municipality=municipality, name="Kajakklubben", kind="association"
    )
    OrganisationFactory(municipality=municipality, name="Bageriet", kind="business")
    OrganisationFactory(municipality=other_municipality, name="Fremmed forening")
    with django_assert_max_num_queries(6):
        response = client.get("/odense/organisationer/")
    assert "Kajakklubben" in response.text and "Bageriet" in response.text
    assert "Fremmed forening" not in response.text
    response = client.get("/odense/organisationer/?kind=business")
    assert "Bageriet" in response.text and "Kajakklubben" not in response.text


def test_member_creates_organisation_and_becomes_admin(client, municipality, citizen):
    client.force_login(citizen)
    response = client.post(
        "/odense/organisationer/ny/",
        {
            "kind": "association",
            "name": "Vollsmose Strikkeklub",
            "description": "Vi strikker.",
            "postcode": "5240",
            "email": "",
            "phone": "",
            "website": "",
        },
    )
    organisation = Organisation.objects.get(name="Vollsmose Strikkeklub")
    assert (
        response.status_code == 302
        and response["Location"] == organisation.get_absolute_url()
    )
    assert OrganisationMember.objects.get(organisation=organisation).is_admin


def test_citizen_cannot_create_a_department(client, municipality, citizen):
    client.force_login(citizen)
    response = client.post(
        "/odense/organisationer/ny/",
        {"kind": "department", "name": "Falsk afdeling", "description": ""},
    )
    assert response.status_code == 200
    assert not Organisation.objects.filter(name="Falsk afdeling").exists()


def test_outsider_cannot_create(client, municipality, outsider):
    client.force_login(outsider)
    assert client.get("/odense/organisationer/ny/").status_code == 403


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("org_admin", True),
        ("org_member", False),
        ("municipal_admin", True),
        ("citizen", False),
    ],
)
def test_edit_permission(client, request, municipality, who, allowed):
    organisation = OrganisationFactory(municipality=municipality)
    if who == "org_admin":
        user = OrganisationMemberFactory(organisation=organisation, is_admin=True).user
    elif who == "org_member":
        user = OrganisationMemberFactory(organisation=organisation).user
    else:
        user = request.getfixturevalue(who)
    client.force_login(user)
    response = client.get(f"/odense/organisationer/{organisation.slug}/rediger/")
    assert response.status_code == (200 if allowed else 403)


def test_act_as_only_for_members(client, municipality, citizen):
    organisation = OrganisationFactory(municipality=municipality)
    client.force_login(citizen)
    assert (
        client.post(
            f"/odense/organisationer/{organisation.slug}/handl-som/"
        ).status_code
        == 403
    )
    OrganisationMemberFactory(organisation=organisation, user=citizen)
    client.post(f"/odense/organisationer/{organisation.slug}/handl-som/")
    assert client.session[f"acting_as:{municipality.pk}"] == organisation.pk
    client.post(f"/odense/organisationer/{organisation.slug}/handl-som/")
    assert f"acting_as:{municipality.pk}" not in client.session


def test_last_admin_cannot_be_removed(client, municipality):
    organisation = OrganisationFactory(municipality=municipality)
    admin = OrganisationMemberFactory(organisation=organisation, is_admin=True).user
    client.force_login(admin)
    client.post(
        f"/odense/organisationer/{organisation.slug}/medlemmer/", {"remove": admin.pk}
    )
    assert organisation.members.filter(user=admin).exists()


def test_departments_managed_by_admin(client, municipality, municipal_admin, citizen):
    client.force_login(citizen)
    assert client.get("/odense/administration/afdelinger/").status_code == 403
    client.force_login(municipal_admin)
    response = client.post(
        "/odense/administration/afdelinger/",
        {"name": "Natur og Miljø", "description": "", "email": "", "phone": ""},
    )
    assert response.status_code == 302
    assert (
        Organisation.objects.departments()
        .filter(name="Natur og Miljø", municipality=municipality)
        .exists()
    )


def test_acting_on_behalf_is_shown_on_every_page_and_can_be_stopped(
    client, municipality, citizen
):
    organisation = OrganisationFactory(municipality=municipality, name="Kajakklubben")
    OrganisationMemberFactory(organisation=organisation, user=citizen)
    client.force_login(citizen)
    response = client.post(
        f"/odense/organisationer/{organisation.slug}/handl-som/",
        {"next": "/odense/organisationer/"},
    )
    assert response["Location"] == "/odense/organisationer/"
    page = client.get("/odense/").text
    assert "Du handler på vegne af <strong>Kajakklubben</strong>" in page
    assert 'name="next" value="/odense/"' in page
    client.post(
        f"/odense/organisationer/{organisation.slug}/handl-som/", {"next": "/odense/"}
    )
    assert "Du handler på vegne af" not in client.get("/odense/").text


def test_acting_stops_when_membership_ends(client, municipality, citizen):
    organisation = OrganisationFactory(municipality=municipality)
    member = OrganisationMemberFactory(organisation=organisation, user=citizen)
    client.force_login(citizen)
    client.post(f"/odense/organisationer/{organisation.slug}/handl-som/")
    member.delete()
    assert "Du handler på vegne af" not in client.get("/odense/").text


def test_act_as_ignores_a_foreign_next(client, municipality, citizen):
    organisation = OrganisationFactory(municipality=municipality)
    OrganisationMemberFactory(organisation=organisation, user=citizen)
    client.force_login(citizen)
    response = client.post(
        f"/odense/organisationer/{organisation.slug}/handl-som/",
        {"next": "https://evil.example/"},
    )
    assert response["Location"] == organisation.get_absolute_url()


def test_detail_query_count_is_bounded(
    client, municipality, citizen, django_assert_max_num_queries
):
    organisation = OrganisationFactory(municipality=municipality)
    for _ in range(20):
        OrganisationMemberFactory(organisation=organisation, is_admin=True)
    client.force_login(citizen)
    # + one query per section the feature apps add (offers, initiatives, events,
    # movements) and one for the member count.
    with django_assert_max_num_queries(15):
        assert (
            client.get(f"/odense/organisationer/{organisation.slug}/").status_code
            == 200
        )


@pytest.mark.parametrize(("kind", "rung"), [("association", 5), ("institution", 3)])
def test_creating_an_organisation_is_an_act_of_participation(
    client, municipality, citizen, kind, rung
):
    from faelles.participation.models import ParticipationAct

    client.force_login(citizen)
    client.post(
        "/odense/organisationer/ny/",
        {"kind": kind, "name": "Naboskab Bolbro", "description": "", "postcode": ""},
    )
    act = ParticipationAct.objects.get(user=citizen)
    assert (act.action, act.rung) == ("organisations.create", rung)


def test_a_department_is_not_participation(municipality, municipal_admin):
    from faelles.organisations.services import organisation_create
    from faelles.participation.models import ParticipationAct

    organisation_create(
        municipality=municipality,
        actor=municipal_admin,
        kind="department",
        name="Natur og Miljø",
    )
    assert not ParticipationAct.objects.exists()


def test_admin_deletes_an_unused_department(client, municipality, municipal_admin):
    from faelles.organisations.factories import DepartmentFactory

    department = DepartmentFactory(municipality=municipality, name="Gammel afdeling")
    client.force_login(municipal_admin)
    url = f"/odense/administration/afdelinger/{department.slug}/slet/"
    assert "Slet afdelingen" in client.get(url).text
    response = client.post(url)
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=department.pk).exists()


def test_department_with_employees_or_content_is_kept(
    client, municipality, municipal_admin, employee
):
    department = employee.memberships.get().department
    client.force_login(municipal_admin)
    url = f"/odense/administration/afdelinger/{department.slug}/slet/"
    response = client.post(url)
    assert response.status_code == 200
    assert "Flyt først afdelingens medarbejdere" in response.text
    assert Organisation.objects.filter(pk=department.pk).exists()
    membership = employee.memberships.get()
    membership.department = None
    membership.save()
    OrganisationMemberFactory(organisation=department)  # something depends on it
    response = client.post(url)
    assert "stadig er indhold" in response.text
    assert Organisation.objects.filter(pk=department.pk).exists()


@pytest.mark.parametrize("role", ["citizen", "employee", "moderator"])
def test_only_administrators_delete_departments(client, request, municipality, role):
    from faelles.organisations.factories import DepartmentFactory

    department = DepartmentFactory(municipality=municipality)
    client.force_login(request.getfixturevalue(role))
    url = f"/odense/administration/afdelinger/{department.slug}/slet/"
    assert client.post(url).status_code == 403
    assert Organisation.objects.filter(pk=department.pk).exists()


def test_an_association_cannot_be_deleted_as_a_department(
    client, municipality, municipal_admin
):
    association = OrganisationFactory(municipality=municipality)
    client.force_login(municipal_admin)
    url = f"/odense/administration/afdelinger/{association.slug}/slet/"
    assert client.post(url).status_code == 404


def test_the_service_keeps_the_last_admin(municipality):
    from django.core.exceptions import ValidationError

    from faelles.organisations.services import organisation_member_remove

    organisation = OrganisationFactory(municipality=municipality)
    admin = OrganisationMemberFactory(organisation=organisation, is_admin=True).user
    other = OrganisationMemberFactory(organisation=organisation, is_admin=True).user
    organisation_member_remove(organisation=organisation, actor=admin, user=other)
    with pytest.raises(ValidationError, match="mindst én administrator"):
        organisation_member_remove(organisation=organisation, actor=admin, user=admin)
    assert list(organisation.members.values_list("user", flat=True)) == [admin.pk]
