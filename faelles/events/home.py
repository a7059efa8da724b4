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
    return {"home_events": events} if events else None
