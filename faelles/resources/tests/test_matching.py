import datetime as dt

import pytest

from faelles.accounts.factories import MembershipFactory, UserFactory
from faelles.organisations.factories import DepartmentFactory
from faelles.resources import matches, services
from faelles.resources.factories import ListingFactory, NeedFactory
from faelles.resources.models import DeclinedPair, Side, Visibility

pytestmark = pytest.mark.django_db

MEMBERS = ["public", "members"]


def _need(municipality, **kw):
    return NeedFactory(
        municipality=municipality,
        title="Lektiehjælp i matematik",
        text="Min datter i 7. klasse har brug for hjælp til matematik.",
        categories=["youth.homework"],
        **kw,
    )


def _offer(municipality, **kw):
    kw.setdefault("title", "Pensioneret lærer giver lektiehjælp")
    kw.setdefault("text", "Jeg har undervist i matematik i 30 år og hjælper gerne.")
    return ListingFactory(
        municipality=municipality, categories=["youth.homework"], **kw
    )


def _ids(found):
    return [f.listing.pk for f in found]


def test_matches_come_with_reasons_in_both_languages(municipality):
    need = _need(municipality)
    offer = _offer(municipality)
    _offer(municipality, title="Cykelreparation", text="Jeg lapper cykler.")
    found = matches.matches_for(need, levels=MEMBERS)
    assert _ids(found)[0] == offer.pk
    assert any("matematik" in r for r in found[0].reasons("da"))
    assert any("Same category" in r for r in found[0].reasons("en"))


def test_cached_index_follows_writes(municipality, citizen):
    need = _need(municipality)
    assert matches.matches_for(need, levels=MEMBERS) == []  # builds the cache
    offer = services.listing_create(
        municipality=municipality,
        actor=citizen,
        side=Side.OFFER,
        kind="skill",
        title="Matematikhjælp",
        text="Jeg hjælper gerne med matematik i udskolingen.",
        categories=["youth.homework"],
        visibility=Visibility.MEMBERS,
    )
    assert _ids(matches.matches_for(need, levels=MEMBERS)) == [offer.pk]
    services.listing_update(
        listing=offer,
        actor=citizen,
        **{
            "visibility": Visibility.EMPLOYEES,
        },
    )
    assert matches.matches_for(need, levels=MEMBERS) == []
    assert _ids(matches.matches_for(need, levels=Visibility.values)) == [offer.pk]
    services.listing_close(listing=offer, actor=citizen)
    assert matches.matches_for(need, levels=Visibility.values) == []
    services.listing_renew(listing=offer, actor=citizen)
    assert _ids(matches.matches_for(need, levels=Visibility.values)) == [offer.pk]


def test_declined_pair_and_own_listings_are_excluded(municipality):
    need = _need(municipality)
    declined = _offer(municipality)
    own = _offer(municipality, owner=need.owner)
    kept = _offer(municipality, title="Matematik for 7. klasse")
    DeclinedPair.objects.create(municipality=municipality, need=need, offer=declined)
    ids = _ids(matches.matches_for(need, levels=MEMBERS))
    assert kept.pk in ids
    assert declined.pk not in ids
    assert own.pk not in ids


def test_expired_listing_is_not_matched(municipality):
    need = _need(municipality)
    _offer(municipality, expires_on=dt.date.today() - dt.timedelta(days=1))
    assert matches.matches_for(need, levels=MEMBERS) == []


def test_child_certificate_requirement(municipality, employee):
    need = _need(municipality, requires_child_certificate=True)
    offer = _offer(
        municipality, owner=MembershipFactory(municipality=municipality).user
    )
    assert matches.matches_for(need, levels=MEMBERS) == []
    services.child_certificate_verify(
        municipality=municipality,
        actor=employee,
        person=offer.owner,
        organisation=DepartmentFactory(municipality=municipality),
        verified_on=dt.date.today(),
        valid_until=dt.date.today() + dt.timedelta(days=365),
    )
    assert _ids(matches.matches_for(need, levels=MEMBERS)) == [offer.pk]


def test_matches_stay_within_the_municipality(municipality, other_municipality):
    need = _need(municipality)
    _offer(other_municipality, owner=UserFactory())
    assert matches.matches_for(need, levels=MEMBERS) == []


def test_offer_page_shows_needs_it_fits(client, municipality, citizen):
    need = _need(municipality)
    offer = _offer(municipality, owner=citizen)
    client.force_login(citizen)
    page = client.get(offer.get_absolute_url()).text
    assert need.title in page
    assert "Jeg kan hjælpe" in page
