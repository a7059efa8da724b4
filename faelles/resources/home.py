"""Resources and needs on other apps' pages: the municipality's home page ("what
is happening") and a person's own page ("matches for you")."""

from django.utils import timezone

from .models import Listing
from .rules import visibility_levels

PERSON_LISTINGS = 5
PERSON_MATCHES = 3


def home_context(request) -> dict | None:
    municipality = request.municipality
    latest = list(
        Listing.objects.for_municipality(municipality)
        .active()
        .visible_at(visibility_levels(request.user, municipality))
        .only("pk", "municipality_id", "side", "title", "postcode", "kind")
        .order_by("-id")[:4]
    )
    return {"latest_listings": latest}


def person_context(request, person) -> dict | None:
    """ "Match til dig" on the person's own page: the best matches for each of
    their active listings. Nothing on anyone else's page — a listing does not
    show who posted it, and a profile must not reveal it either."""
    from . import selectors
    from .matches import matches_for

    if not request.user.is_authenticated or request.user.pk != person.pk:
        return None
    municipality = request.municipality
    today = timezone.localdate()
    listings = list(
        selectors.listings_of(municipality=municipality, user=person)
        .active(today)
        .filter(owner=person)[:PERSON_LISTINGS]
    )
    levels = visibility_levels(person, municipality)
    rows = [
        (listing, matches_for(listing, levels=levels, top=PERSON_MATCHES, today=today))
        for listing in listings
    ]
    from django.utils.translation import get_language

    return {"rows": rows, "language": get_language()}


def organisation_context(request, organisation) -> dict | None:
    """The organisation's page: what it offers and needs, as visible to the reader."""
    from faelles.organisations.sections import SECTION_SIZE

    municipality = request.municipality
    listings = list(
        Listing.objects.for_municipality(municipality)
        .active()
        .visible_at(visibility_levels(request.user, municipality))
        .filter(organisation=organisation)
        .only("pk", "municipality_id", "side", "title", "postcode", "kind")
        .order_by("-id")[:SECTION_SIZE]
    )
    return {"listings": listings} if listings else None
