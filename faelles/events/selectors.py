"""Reads about events; always scoped to a municipality."""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from faelles.core.params import parse_id, parse_int
from faelles.core.visibility import visible_q

from .models import Event, Registration

LIST_FIELDS = (
    "id",
    "municipality_id",
    "title",
    "starts_at",
    "ends_at",
    "place",
    "capacity",
    "confirmed_count",
    "waiting_count",
    "status",
    "step_free",
    "hearing_loop",
    "accessible_toilet",
    "staff_only",
)


@dataclass
class CalendarPage:
    items: list
    next_cursor: str | None
    has_previous: bool


MAX_CURSOR_SECONDS = 253402300799  # 9999-12-31T23:59:59Z, the last datetime there is


def _parse_cursor(cursor: str | None) -> tuple[datetime, int] | None:
    """A cursor is ``<unix seconds>_<id>`` of the last event on the previous page."""
    if not cursor or "_" not in cursor:
        return None
    stamp, _, raw_pk = cursor.partition("_")
    seconds, pk = parse_int(stamp, maximum=MAX_CURSOR_SECONDS), parse_id(raw_pk)
    if seconds is None or pk is None:
        return None
    return datetime.fromtimestamp(seconds, tz=UTC), pk


def event_calendar(
    *,
    municipality,
    user,
    now: datetime | None = None,
    after: str | None = None,
    query: str = "",
    step_free: bool = False,
    per_page: int = 25,
) -> CalendarPage:
    """Upcoming events the person may see, in start order, keyset-paginated on
    (starts_at, id)."""
    now = now or timezone.now()
    qs = Event.objects.filter(
        municipality=municipality, status=Event.Status.PUBLISHED, starts_at__gte=now
    ).visible_to(user, municipality)
    if query:
        qs = qs.filter(Q(title__icontains=query) | Q(place__icontains=query))
    if step_free:
        qs = qs.filter(step_free=True)
    cursor = _parse_cursor(after)
    if cursor:
        start, pk = cursor
        qs = qs.filter(Q(starts_at__gt=start) | Q(starts_at=start, id__gt=pk))
    items = list(qs.only(*LIST_FIELDS).order_by("starts_at", "id")[: per_page + 1])
    more = len(items) > per_page
    items = items[:per_page]
    next_cursor = None
    if more and items:
        last = items[-1]
        next_cursor = f"{int(last.starts_at.timestamp())}_{last.pk}"
        # Sub-second starts would be skipped by a seconds cursor; events start on
        # whole minutes, so this is exact.
    return CalendarPage(items=items, next_cursor=next_cursor, has_previous=bool(cursor))


def registration_for(*, event, user) -> Registration | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Registration.objects.filter(event=event, user=user).first()


def waiting_position(registration: Registration | None) -> int | None:
    if registration is None or registration.status != Registration.Status.WAITING:
        return None
    return (
        Registration.objects.filter(
            event_id=registration.event_id, status=Registration.Status.WAITING
        )
        .filter(
            Q(queued_at__lt=registration.queued_at)
            | Q(queued_at=registration.queued_at, id__lt=registration.pk)
        )
        .count()
        + 1
    )


def events_of(*, municipality, user, now=None) -> QuerySet[Registration]:
    """The person's coming events — only those they may still see (someone who
    left an invitation-only group no longer sees its events)."""
    now = now or timezone.now()
    return (
        Registration.objects.filter(
            user=user,
            event__municipality=municipality,
            event__ends_at__gte=now,
        )
        # Registrations hang off their event: a staff-only event, or one of a
        # hidden community or initiative, is hidden (faelles.core.visibility).
        .filter(visible_q(Registration, user, municipality))
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("event")
        .order_by("event__starts_at")
    )


def attendee_list(*, event) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(event=event)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("user")
        .order_by("status", "queued_at", "id")
    )
