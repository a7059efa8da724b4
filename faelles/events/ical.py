"""iCalendar feeds (RFC 5545) built with the ``icalendar`` library."""

from collections.abc import Iterable

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as ICalEvent

from .models import Event


def _site() -> str:
    return getattr(settings, "FAELLES_SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def build_calendar(events: Iterable[Event], *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Fælles//faelles.example//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    host = _site().split("://", 1)[-1]
    for event in events:
        entry = ICalEvent()
        entry.add("uid", f"event-{event.pk}@{host}")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.starts_at)
        entry.add("dtend", event.ends_at)
        entry.add("summary", event.title)
        location = ", ".join(p for p in (event.place, event.address) if p)
        if location:
            entry.add("location", location)
        entry.add("description", event.description)
        entry.add("url", _site() + event.get_absolute_url())
        entry.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
        calendar.add_component(entry)
    return calendar.to_ical()


def calendar_response(
    events: Iterable[Event], *, name: str, filename: str
) -> HttpResponse:
    response = HttpResponse(
        build_calendar(events, name=name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
