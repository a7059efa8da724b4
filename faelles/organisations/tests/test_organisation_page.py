"""What is done on behalf of an organisation is credited to it, and its page lists
its offers and needs, initiatives, events, movements and members."""

import pytest

from faelles.communities.factories import MovementFactory
from faelles.events.models import Event
from faelles.initiatives.factories import InitiativeFactory
from faelles.municipalities.tenancy import tenant_reverse
from faelles.organisations.factories import (
    OrganisationFactory,
    OrganisationMemberFactory,
)
from faelles.resources.factories import ListingFactory

pytestmark = pytest.mark.django_db


def _act_as(client, organisation):
    client.post(
        f"/{organisation.municipality.slug}/organisationer/{organisation.slug}/handl-som/"
    )


def test_event_made_on_behalf_of_an_association_is_credited_to_it(
    client, municipality, citizen
):
    association = OrganisationFactory(
        municipality=municipality, name="Munke Mose Løbeklub"
    )
    OrganisationMemberFactory(organisation=association, user=citizen, is_admin=True)
    initiative = InitiativeFactory(municipality=municipality, proposer=citizen)
    client.force_login(citizen)
    _act_as(client, association)
    client.post(
        tenant_reverse("events:create", municipality),
        {
            "title": "Fællesløb om søen",
            "description": "Alle tempi.",
            "starts_at": "2030-05-01T10:00",
            "ends_at": "2030-05-01T12:00",
            "place": "Munke Mose",
            "capacity": "",
            "initiative": initiative.pk,
        },
    )
    event = Event.objects.get()
    assert event.organisation == association and event.organiser == citizen
    event.status = Event.Status.PUBLISHED
    event.save()
    detail = client.get(event.get_absolute_url()).text
    assert association.get_absolute_url() in detail
    assert "Munke Mose Løbeklub" in detail
    page = client.get(association.get_absolute_url()).text
    assert "Fællesløb om søen" in page


def test_organisation_page_lists_what_it_does(client, municipality, citizen):
    association = OrganisationFactory(municipality=municipality, name="Naboskabet")
    other = OrganisationFactory(municipality=municipality)
    ListingFactory(
        municipality=municipality, organisation=association, title="Vi låner trailer ud"
    )
    ListingFactory(
        municipality=municipality, organisation=other, title="Ikke vores tilbud"
    )
    InitiativeFactory(
        municipality=municipality,
        organisation=association,
        title="Gadefest i Vollsmose",
    )
    MovementFactory(municipality=municipality, organisation=association, title="Ren By")
    page = client.get(association.get_absolute_url()).text
    assert "Vi låner trailer ud" in page
    assert "Gadefest i Vollsmose" in page
    assert "Ren By" in page
    assert "Ikke vores tilbud" not in page


def test_members_are_counted_for_all_and_named_for_members(
    client, municipality, citizen
):
    association = OrganisationFactory(municipality=municipality)
    admin = OrganisationMemberFactory(organisation=association, is_admin=True).user
    plain = OrganisationMemberFactory(organisation=association).user
    page = client.get(association.get_absolute_url()).text
    assert "2 medlemmer på Fælles." in page
    assert str(admin) in page  # the contact person
    assert str(plain) not in page
    OrganisationMemberFactory(organisation=association, user=citizen)
    client.force_login(citizen)
    assert str(plain) in client.get(association.get_absolute_url()).text


def test_organisation_page_query_count_is_bounded(
    client, municipality, django_assert_max_num_queries
):
    association = OrganisationFactory(municipality=municipality)
    for _ in range(8):
        ListingFactory(municipality=municipality, organisation=association)
        InitiativeFactory(municipality=municipality, organisation=association)
        OrganisationMemberFactory(organisation=association)
    with django_assert_max_num_queries(14):
        assert client.get(association.get_absolute_url()).status_code == 200
