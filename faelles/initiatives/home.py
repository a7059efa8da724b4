"""The initiatives section of a municipality's home page."""

from .models import Initiative


def home_context(request) -> dict | None:
    municipality = getattr(request, "municipality", None)
    if municipality is None:
        return None
    latest = list(
        Initiative.objects.for_municipality(municipality)
        .visible()
        .only("id", "municipality_id", "title", "state", "support_count")
        .order_by("-id")[:4]
    )
    return {"latest_initiatives": latest}
