"""The home page's "what is happening" section for resources and needs."""

from .models import Listing
from .rules import visibility_levels


def home_context(request) -> dict | None:
    municipality = request.municipality
    latest = list(
        Listing.objects.for_municipality(municipality)
        .active()
        .visible_at(visibility_levels(request.user, municipality))
        .only("pk", "municipality_id", "side", "title", "postcode", "kind")
        .order_by("-id")[:4]
    )
    if not latest:
        return None
    return {"latest_listings": latest}
