import pytest

from faelles.resources.factories import ListingFactory, NeedFactory
from faelles.resources.models import Listing, Visibility

pytestmark = pytest.mark.django_db


def test_list_detail_and_matches_render(client, municipality, citizen):
    need = NeedFactory(
        municipality=municipality,
        title="Hjælp til at leve med KOL",
        text="Jeg har fået KOL og vil gerne tale med en, der kender sygdommen.",
        categories=["health.chronic.copd"],
        visibility=Visibility.MEMBERS,
        kind="lived_experience",
    )
    ListingFactory(
        municipality=municipality,
        title="Jeg lever med KOL og lærer gerne andre",
        text="Jeg har haft KOL i ti år og vil gerne lære andre at leve med det.",
        categories=["health.chronic.copd"],
        kind="lived_experience",
        visibility=Visibility.MEMBERS,
    )
    client.force_login(citizen)
    response = client.get(f"/odense/ressourcer/{need.pk}/")
    assert response.status_code == 200
    assert "Jeg lever med KOL og lærer gerne andre" in response.text
    assert "Samme kategori" in response.text
    assert client.get("/odense/ressourcer/").status_code == 200
    assert client.get("/odense/ressourcer/kort/").status_code == 200
    assert client.get("/odense/ressourcer/mine/").status_code == 200
    assert client.get("/odense/ressourcer/opret/behov/").status_code == 200
    assert client.get("/odense/").status_code == 200


def test_create_need_through_form(client, municipality, citizen):
    client.force_login(citizen)
    response = client.post(
        "/odense/ressourcer/opret/behov/",
        {
            "kind": "time",
            "title": "Nogen til at gå tur med min hund",
            "text": "Jeg har brækket benet og kan ikke gå tur med Bella i seks uger.",
            "categories": ["nature.animals"],
            "modes": ["in_person"],
            "postcode": "5000",
            "slots": ["mon-morning", "wed-afternoon"],
            "visibility": "members",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    listing = Listing.objects.get()
    assert listing.owner == citizen
    assert listing.slots == ["mon-morning", "wed-afternoon"]


def test_need_page_offers_own_and_organisation_offers(client, municipality, citizen):
    """A member of an organisation answers a need with their own or its offers."""
    from faelles.organisations.factories import (
        OrganisationFactory,
        OrganisationMemberFactory,
    )

    organisation = OrganisationFactory(municipality=municipality)
    OrganisationMemberFactory(organisation=organisation, user=citizen)
    own = ListingFactory(municipality=municipality, owner=citizen, title="Min egen")
    theirs = ListingFactory(
        municipality=municipality, organisation=organisation, title="Foreningens"
    )
    need = NeedFactory(municipality=municipality)
    client.force_login(citizen)
    response = client.get(need.get_absolute_url())
    assert response.status_code == 200
    offers = response.context["respond_form"].fields["offer"].choices
    assert [str(pk) for pk, _ in offers] == [str(theirs.pk), str(own.pk)]
