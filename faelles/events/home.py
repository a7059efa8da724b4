from django.utils import timezone

from .models import Event
from .selectors import LIST_FIELDS


def home_context(request) -> dict | None:
    municipality = getattr(request, "municipality", None)
    if municipality is None:
        return None
    events = list(
        Event.objects.filter(municipality=municipality, starts_at__gte=timezone.now())
        .published()
        .visible_to(request.user, municipality)
        .only(*LIST_FIELDS)
        .order_by("starts_at", "id")[:4]
    )
    return {"home_events": events}


def organisation_context(request, organisation) -> dict | None:
    """The organisation's page: upcoming events it organises, as visible to the
    reader (those of a private group stay hidden, as everywhere else)."""
    from faelles.organisations.sections import SECTION_SIZE

    events = list(
        Event.objects.filter(
            municipality=request.municipality,
            organisation=organisation,
            starts_at__gte=timezone.now(),
        )
        .published()
        .visible_to(request.user, request.municipality)
        .only(*LIST_FIELDS)
        .order_by("starts_at", "id")[:SECTION_SIZE]
    )
    return {"events": events} if events else None
