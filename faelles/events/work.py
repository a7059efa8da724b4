"""Coming staff-only events on the staff's page "Kun for medarbejdere"
(faelles/core/work_sources.py, docs/staff-only.md)."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from faelles.core.work_sources import StaffOnlySource

from .models import Event
from .selectors import LIST_FIELDS


def _when(event) -> str:
    starts = timezone.localtime(event.starts_at)
    return f"{date_format(starts, 'DATE_FORMAT')} · {event.place}"


STAFF_ONLY = [
    StaffOnlySource(
        key="events",
        label=_("Arrangementer, temadage og workshops"),
        order=20,
        queryset=lambda m: (
            Event.objects.filter(
                municipality=m, staff_only=True, ends_at__gte=timezone.now()
            )
            .published()
            .only(*LIST_FIELDS)
            .order_by("starts_at", "id")
        ),
        detail=_when,
        create_url_name="events:create",
    ),
]
