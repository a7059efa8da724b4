"""Staff-only events (a theme day, a workshop): in the staff's calendar only —
never in the public list, the municipality's feed or a citizen's own pages
(docs/staff-only.md)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from faelles.events.factories import EventFactory
from faelles.events.models import Event
from faelles.municipalities.tenancy import tenant_reverse

pytestmark = pytest.mark.django_db

TITLE = "Temadag om samskabelse"


@pytest.fixture
def theme_day(municipality):
    return EventFactory(municipality=municipality, title=TITLE, staff_only=True)


def test_staff_see_it_with_the_badge(client, municipality, theme_day, employee):
    client.force_login(employee)
    listing = client.get(tenant_reverse("events:list", municipality)).content
    assert TITLE.encode() in listing
    assert b"Kun for medarbejdere" in listing
    assert client.get(theme_day.get_absolute_url()).status_code == 200


def test_hidden_from_citizens_politicians_and_feeds(
    client, municipality, theme_day, citizen, politician
):
    for person in (None, citizen, politician):
        client.logout()
        if person is not None:
            client.force_login(person)
        for url in (
            tenant_reverse("events:list", municipality),
            tenant_reverse("events:municipality_feed", municipality),
            tenant_reverse("municipalities:home", municipality),
        ):
            assert TITLE.encode() not in client.get(url).content, (person, url)
        assert client.get(theme_day.get_absolute_url()).status_code == 404
        ics = tenant_reverse("events:ics", municipality, pk=theme_day.pk)
        assert client.get(ics).status_code == 404


def test_the_public_feed_leaves_it_out_even_when_staff_asked_first(
    client, municipality, theme_day, employee
):
    """The municipality's feed is one cached body for everyone."""
    client.force_login(employee)
    feed = tenant_reverse("events:municipality_feed", municipality)
    assert TITLE.encode() not in client.get(feed).content
    client.logout()
    assert TITLE.encode() not in client.get(feed).content


def test_only_staff_tick_it_on_the_form(client, municipality, citizen, employee):
    url = tenant_reverse("events:create", municipality)
    client.force_login(citizen)
    assert b'name="staff_only"' not in client.get(url).content
    client.force_login(employee)
    assert b'name="staff_only"' in client.get(url).content
    starts = (timezone.localtime() + timedelta(days=10)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    response = client.post(
        url,
        {
            "title": "Workshop om prøvehandlinger",
            "description": "Vi øver os i at formulere en hypotese.",
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (starts + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
            "place": "Rådhuset, mødelokale 2",
            "staff_only": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Event.objects.get(title="Workshop om prøvehandlinger").staff_only
