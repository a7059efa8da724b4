"""The initiatives section of a municipality's home page."""

from .models import Initiative


def home_context(request) -> dict | None:
    municipality = getattr(request, "municipality", None)
    if municipality is None:
        return None
    latest = list(
        Initiative.objects.for_municipality(municipality)
        .visible()
        .visible_to(request.user, municipality)
        .only("id", "municipality_id", "title", "state", "support_count", "staff_only")
        .order_by("-id")[:4]
    )
    return {"latest_initiatives": latest}


def organisation_context(request, organisation) -> dict | None:
    """The organisation's page: initiatives it has proposed or backs as proposer."""
    from faelles.organisations.sections import SECTION_SIZE

    initiatives = list(
        Initiative.objects.for_municipality(request.municipality)
        .visible()
        .visible_to(request.user, request.municipality)
        .filter(organisation=organisation)
        .only("id", "municipality_id", "title", "state", "support_count")
        .order_by("-id")[:SECTION_SIZE]
    )
    return {"initiatives": initiatives} if initiatives else None
