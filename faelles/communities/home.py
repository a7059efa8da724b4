"""The communities section on a municipality's home page."""

from .models import Community, Movement


def home_context(request) -> dict | None:
    municipality = getattr(request, "municipality", None)
    if municipality is None:
        return None
    communities = list(
        Community.objects.for_municipality(municipality)
        .listed_to(request.user, municipality)
        .only(
            "id",
            "municipality_id",
            "name",
            "member_count",
            "meeting_rhythm",
            "staff_only",
        )[:4]
    )
    movements = list(
        Movement.objects.for_municipality(municipality)
        .active()
        .only(
            "id",
            "municipality_id",
            "title",
            "target",
            "pledged_total",
            "achieved_total",
            "unit",
        )[:2]
    )
    return {"home_communities": communities, "home_movements": movements}


def organisation_context(request, organisation) -> dict | None:
    """The organisation's page: movements it stands behind."""
    from faelles.organisations.sections import SECTION_SIZE

    movements = list(
        Movement.objects.for_municipality(request.municipality)
        .active()
        .filter(organisation=organisation)
        .only("id", "municipality_id", "title", "target", "pledged_total", "unit")[
            :SECTION_SIZE
        ]
    )
    return {"movements": movements} if movements else None
