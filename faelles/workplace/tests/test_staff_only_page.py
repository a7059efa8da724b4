"""The staff's page of staff-only spaces ("Kun for medarbejdere"), reached from
the workspace's tools: a 404 for anyone who is not staff (docs/staff-only.md)."""

import pytest

from faelles.communities.factories import CommunityFactory
from faelles.events.factories import EventFactory
from faelles.initiatives.factories import InitiativeFactory
from faelles.municipalities.tenancy import tenant_reverse

pytestmark = pytest.mark.django_db


def test_staff_find_every_staff_only_space(
    client, municipality, other_municipality, employee, django_assert_max_num_queries
):
    CommunityFactory(municipality=municipality, name="LederForum", staff_only=True)
    CommunityFactory(municipality=municipality, name="Strikkeklubben")
    EventFactory(municipality=municipality, title="Temadag", staff_only=True)
    InitiativeFactory(
        municipality=municipality, title="Intern prøvehandling", staff_only=True
    )
    InitiativeFactory(
        municipality=other_municipality, title="Faxes interne", staff_only=True
    )
    client.force_login(employee)
    workspace = client.get(tenant_reverse("workplace:index", municipality)).content
    url = tenant_reverse("workplace:staff_only", municipality)
    assert url.encode() in workspace
    with django_assert_max_num_queries(12):
        body = client.get(url).content.decode()
    for shown in ("LederForum", "Temadag", "Intern prøvehandling"):
        assert shown in body
    assert "Strikkeklubben" not in body
    assert "Faxes interne" not in body


def test_a_404_for_anyone_else(client, municipality, citizen, politician, other_admin):
    url = tenant_reverse("workplace:staff_only", municipality)
    assert client.get(url).status_code == 302  # log in first
    for person in (citizen, politician, other_admin):
        client.force_login(person)
        assert client.get(url).status_code == 404
