"""iCalendar feeds (RFC 5545) built with the ``icalendar`` library."""

from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone, translation
from icalendar import Calendar
from icalendar import Event as ICalEvent

from faelles.core.site import absolute_url, site_host

from .models import Event


def build_calendar(events: Iterable[Event], *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Fælles//faelles.example//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    host = site_host()
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
        entry.add("url", absolute_url(event.get_absolute_url()))
        entry.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
        calendar.add_component(entry)
    return calendar.to_ical()


def calendar_response(
    events: Iterable[Event] | None = None,
    *,
    name: str,
    filename: str,
    body: bytes | None = None,
) -> HttpResponse:
    if body is None:
        assert events is not None  # a feed is built from its events or given built
        body = build_calendar(events, name=name)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


# The municipality's feed is asked for by every subscribed calendar app, every
# hour or so. It is built once and kept until an event of the municipality is
# created, changed or cancelled (the services bump the version) or 15 minutes pass.
FEED_SECONDS = 15 * 60


def _version_key(municipality_id: int) -> str:
    return f"events:feed-version:{municipality_id}"


def feed_changed(municipality_id: int) -> None:
    """Called by the services after a change that shows in the feeds."""
    try:
        cache.incr(_version_key(municipality_id))
    except ValueError:
        cache.set(_version_key(municipality_id), 2, None)


def cached_calendar(municipality_id: int, build) -> bytes:
    version = cache.get_or_set(_version_key(municipality_id), 1, None)
    key = f"events:feed:{municipality_id}:{version}:{translation.get_language()}"
    body = cache.get(key)
    if body is None:
        body = build()
        cache.set(key, body, FEED_SECONDS)
    return body
