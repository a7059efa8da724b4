import pytest
from icalendar import Calendar

from faelles.accounts.factories import MembershipFactory
from faelles.communities.factories import CommunityFactory
from faelles.events import services
from faelles.events.factories import EventFactory
from faelles.events.models import CalendarToken
from faelles.municipalities.tenancy import tenant_reverse

pytestmark = pytest.mark.django_db


def _parse(response):
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def _summaries(calendar):
    return sorted(str(c["summary"]) for c in calendar.walk("VEVENT"))


def test_event_feed_parses_back(client, municipality):
    event = EventFactory(
        municipality=municipality, title="Gåtur i Munke Mose", address="Filosofgangen"
    )
    calendar = _parse(
        client.get(tenant_reverse("events:ics", municipality, pk=event.pk))
    )
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["summary"]) == "Gåtur i Munke Mose"
    assert entry["dtstart"].dt == event.starts_at
    assert entry["dtend"].dt == event.ends_at
    assert "Filosofgangen" in str(entry["location"])
    assert str(entry["uid"]).startswith(f"event-{event.pk}@")
    assert str(entry["url"]).endswith(event.get_absolute_url())


def test_municipality_and_community_feeds(client, municipality, other_municipality):
    community = CommunityFactory(municipality=municipality)
    EventFactory(municipality=municipality, title="Kommunens dag")
    EventFactory(municipality=municipality, title="Gruppens tur", community=community)
    EventFactory(municipality=other_municipality, title="Andetsteds")
    calendar = _parse(
        client.get(tenant_reverse("events:municipality_feed", municipality))
    )
    assert _summaries(calendar) == ["Gruppens tur", "Kommunens dag"]
    calendar = _parse(
        client.get(
            tenant_reverse("events:community_feed", municipality, pk=community.pk)
        )
    )
    assert _summaries(calendar) == ["Gruppens tur"]


def test_cancelled_event_is_marked_in_feed(client, municipality, citizen):
    event = EventFactory(municipality=municipality)
    services.event_cancel(event=event, actor=citizen, reason="Regn")
    calendar = _parse(
        client.get(tenant_reverse("events:ics", municipality, pk=event.pk))
    )
    assert str(calendar.walk("VEVENT")[0]["status"]) == "CANCELLED"


def test_personal_feed_with_secret_token(client, municipality, citizen):
    mine = EventFactory(municipality=municipality, title="Mit arrangement")
    EventFactory(municipality=municipality, title="Ikke mit")
    services.registration_create(event=mine, user=citizen)
    client.force_login(citizen)
    page = client.get(tenant_reverse("events:mine", municipality))
    feed_url = page.context["feed_url"]
    token = CalendarToken.objects.get(user=citizen).token
    assert token in feed_url
    client.logout()  # calendar apps do not log in; the token is the key
    calendar = _parse(
        client.get(tenant_reverse("events:personal_feed", municipality, token=token))
    )
    assert _summaries(calendar) == ["Mit arrangement"]
    assert (
        client.get(
            tenant_reverse("events:personal_feed", municipality, token="gaet")
        ).status_code
        == 404
    )
    # A new address makes the old one stop working.
    client.force_login(citizen)
    client.post(tenant_reverse("events:feed_reset", municipality))
    assert (
        client.get(
            tenant_reverse("events:personal_feed", municipality, token=token)
        ).status_code
        == 404
    )


def test_other_persons_events_not_in_my_feed(client, municipality, citizen):
    other = MembershipFactory(municipality=municipality).user
    event = EventFactory(municipality=municipality)
    services.registration_create(event=event, user=other)
    token = CalendarToken.objects.create(municipality=municipality, user=citizen)
    calendar = _parse(
        client.get(
            tenant_reverse("events:personal_feed", municipality, token=token.token)
        )
    )
    assert calendar.walk("VEVENT") == []


def test_pages_offer_webcal_subscriptions(client, municipality, citizen):
    from faelles.communities.factories import CommunityFactory, MovementFactory

    community = CommunityFactory(municipality=municipality)
    movement = MovementFactory(municipality=municipality)
    client.force_login(citizen)
    for page, feed in (
        (
            tenant_reverse("events:list", municipality),
            tenant_reverse("events:municipality_feed", municipality),
        ),
        (
            community.get_absolute_url(),
            tenant_reverse("events:community_feed", municipality, pk=community.pk),
        ),
        (
            movement.get_absolute_url(),
            tenant_reverse("events:movement_feed", municipality, pk=movement.pk),
        ),
    ):
        html = client.get(page).text
        assert f'href="webcal://faelles.test{feed}"' in html, page
        assert f'href="{feed}"' in html
        # The advertised address really is a calendar.
        assert _parse(client.get(feed)).get("x-wr-calname")
    mine = client.get(tenant_reverse("events:mine", municipality)).text
    token = CalendarToken.objects.get(user=citizen).token
    assert (
        f'href="webcal://faelles.test'
        f'{tenant_reverse("events:personal_feed", municipality, token=token)}"'
    ) in mine


def test_feed_times_and_fields_round_trip(client, municipality):
    from datetime import UTC, datetime

    event = EventFactory(
        municipality=municipality,
        title="Gåtur, langs åen; med kaffe",
        description="Linje 1\nLinje 2 – æøå",
        place="Fruens Bøge",
        address="Carl Bernhards Vej 1, 5230 Odense M",
        starts_at=datetime(2026, 12, 24, 9, 30, tzinfo=UTC),
        ends_at=datetime(2026, 12, 24, 11, 0, tzinfo=UTC),
    )
    entry = _parse(
        client.get(tenant_reverse("events:ics", municipality, pk=event.pk))
    ).walk("VEVENT")[0]
    assert str(entry["summary"]) == "Gåtur, langs åen; med kaffe"
    assert str(entry["description"]) == "Linje 1\nLinje 2 – æøå"
    assert str(entry["location"]) == "Fruens Bøge, Carl Bernhards Vej 1, 5230 Odense M"
    assert entry.decoded("dtstart") == event.starts_at
    assert entry.decoded("dtend") == event.ends_at
    assert str(entry["url"]).endswith(event.get_absolute_url())
    assert str(entry["uid"]).startswith(f"event-{event.pk}@")


def test_municipality_feed_is_cached_until_an_event_changes(
    client,
    municipality,
    employee,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
):
    from datetime import timedelta

    from django.utils import timezone

    url = tenant_reverse("events:municipality_feed", municipality)
    old = EventFactory(
        municipality=municipality,
        title="For længe siden",
        starts_at=timezone.now() - timedelta(days=40),
    )
    assert _summaries(_parse(client.get(url))) == []
    # Built once; the next request is served without reading the events.
    with django_assert_max_num_queries(3):
        client.get(url)
    start = timezone.now() + timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        event = services.event_create(
            municipality=municipality,
            actor=employee,
            title="Nyt arrangement",
            description="Kom.",
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            place="Rådhuset",
        )
    assert "Nyt arrangement" in _summaries(_parse(client.get(url)))
    assert old.title not in _summaries(_parse(client.get(url)))
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(event=event, actor=employee, reason="Sygdom")
    # Cancelled events stay in the feed, marked, so calendar apps update them.
    (entry,) = _parse(client.get(url)).walk("VEVENT")
    assert str(entry["summary"]) == "Nyt arrangement"
    assert str(entry["status"]) == "CANCELLED"


def test_calendar_token_writes_are_audited_services(municipality, citizen):
    from faelles.core.models import AuditEntry

    token = services.calendar_token_get_or_create(
        municipality=municipality, user=citizen
    )
    again = services.calendar_token_get_or_create(
        municipality=municipality, user=citizen
    )
    assert again.pk == token.pk
    services.calendar_token_reset(municipality=municipality, user=citizen)
    assert not CalendarToken.objects.filter(user=citizen).exists()
    assert list(
        AuditEntry.objects.filter(actor=citizen)
        .order_by("pk")
        .values_list("action", flat=True)
    ) == ["events.calendar_token_create", "events.calendar_token_reset"]
