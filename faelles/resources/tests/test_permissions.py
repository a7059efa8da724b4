"""Who may do what, role by role (the rules in ``resources/rules.py`` through HTTP)."""

import pytest

from faelles.organisations.factories import (
    OrganisationFactory,
    OrganisationMemberFactory,
)
from faelles.resources.factories import ListingFactory, NeedFactory
from faelles.resources.models import Proposal, Visibility

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "outsider",
    "other_admin",
    "citizen",
    "politician",
    "moderator",
    "employee",
    "municipal_admin",
]


@pytest.fixture
def as_role(request, client):
    def login(role):
        if role != "anonymous":
            client.force_login(request.getfixturevalue(role))
        return client

    return login


# (page, expected status per role in ROLES order); 302 = sent to log in.
PAGES = {
    "/odense/ressourcer/": [200, 200, 200, 200, 200, 200, 200, 200],
    "/odense/ressourcer/kort/": [200, 200, 200, 200, 200, 200, 200, 200],
    "/odense/ressourcer/opret/behov/": [302, 403, 403, 200, 200, 200, 200, 200],
    "/odense/ressourcer/mine/": [302, 200, 200, 200, 200, 200, 200, 200],
    "/odense/ressourcer/foreslaa/": [302, 403, 403, 200, 200, 200, 200, 200],
    "/odense/ressourcer/formidling/": [302, 403, 403, 403, 403, 403, 200, 200],
    "/odense/ressourcer/boerneattest/": [302, 403, 403, 403, 403, 403, 200, 200],
}


@pytest.mark.parametrize("path", list(PAGES))
@pytest.mark.parametrize("index,role", list(enumerate(ROLES)))
def test_pages_by_role(as_role, municipality, other_municipality, path, index, role):
    response = as_role(role).get(path)
    assert response.status_code == PAGES[path][index], (path, role)


# Who sees a listing of each visibility (True = 200, False = 404).
SEES = {
    Visibility.PUBLIC: [True, True, True, True, True, True, True, True],
    Visibility.MEMBERS: [False, False, False, True, True, True, True, True],
    Visibility.EMPLOYEES: [False, False, False, False, False, False, True, True],
}


@pytest.mark.parametrize("visibility", list(SEES))
@pytest.mark.parametrize("index,role", list(enumerate(ROLES)))
def test_listing_visibility_by_role(
    as_role, municipality, other_municipality, visibility, index, role
):
    listing = NeedFactory(municipality=municipality, visibility=visibility)
    client = as_role(role)
    for suffix in ("", "match/"):
        response = client.get(f"/odense/ressourcer/{listing.pk}/{suffix}")
        assert (response.status_code == 200) is SEES[visibility][index], role


@pytest.mark.parametrize("index,role", list(enumerate(ROLES)))
def test_only_holders_and_administrators_edit(
    as_role, municipality, other_municipality, index, role
):
    listing = ListingFactory(municipality=municipality)
    response = as_role(role).post(f"/odense/ressourcer/{listing.pk}/luk/", follow=False)
    allowed = role == "municipal_admin"
    if role == "anonymous":  # not logged in is never a 403: log in first
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == (302 if allowed else 403), role
    listing.refresh_from_db()
    assert listing.is_active is not allowed


def test_organisation_members_hold_its_listings(client, municipality, citizen):
    organisation = OrganisationFactory(municipality=municipality)
    OrganisationMemberFactory(organisation=organisation, user=citizen)
    listing = ListingFactory(municipality=municipality, organisation=organisation)
    client.force_login(citizen)
    assert client.get(f"/odense/ressourcer/{listing.pk}/rediger/").status_code == 200


def test_employee_may_post_on_behalf_citizen_may_not(
    client, municipality, citizen, employee
):
    client.force_login(citizen)
    page = client.get("/odense/ressourcer/opret/behov/?for=borger").text
    assert "behalf-citizen_email" not in page
    client.force_login(employee)
    page = client.get("/odense/ressourcer/opret/behov/?for=borger").text
    assert "behalf-citizen_email" in page


def test_facilitating_is_for_employees_only(
    client, municipality, citizen, moderator, politician, employee
):
    proposal = Proposal.objects.create(
        municipality=municipality,
        need=NeedFactory(municipality=municipality),
        offer=ListingFactory(municipality=municipality),
        status=Proposal.Status.SUGGESTED,
        proposed_by=citizen,
    )
    for person in (citizen, moderator, politician):
        client.force_login(person)
        url = f"/odense/ressourcer/forslag/{proposal.pk}/"
        assert client.post(url + "bekraeft/").status_code == 403
        assert client.post(url + "afvis/").status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUGGESTED
    client.force_login(employee)
    client.post(f"/odense/ressourcer/forslag/{proposal.pk}/afvis/")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DISMISSED
