from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.communities.factories import CommunityFactory
from faelles.communities.models import CommunityMember
from faelles.events import services
from faelles.events.factories import EventFactory
from faelles.events.models import Registration
from faelles.municipalities.tenancy import tenant_reverse
from faelles.notifications.models import Notification

pytestmark = pytest.mark.django_db


def _people(municipality, n):
    return [MembershipFactory(municipality=municipality).user for _ in range(n)]


def test_full_event_puts_people_on_the_waiting_list(municipality):
    event = EventFactory(municipality=municipality, capacity=2)
    a, b, c, d = _people(municipality, 4)
    statuses = [
        services.registration_create(event=event, user=p).status for p in (a, b, c, d)
    ]
    assert statuses == ["confirmed", "confirmed", "waiting", "waiting"]
    event.refresh_from_db()
    assert (event.confirmed_count, event.waiting_count) == (2, 2)
    # Signing up again is a no-op.
    assert services.registration_create(event=event, user=c).status == "waiting"
    event.refresh_from_db()
    assert event.waiting_count == 2


def test_cancellation_promotes_the_first_on_the_waiting_list(
    municipality, django_capture_on_commit_callbacks
):
    event = EventFactory(municipality=municipality, capacity=1)
    first, second, third = _people(municipality, 3)
    for person in (first, second, third):
        services.registration_create(event=event, user=person)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(event=event, user=first)
    assert Registration.objects.get(event=event, user=second).status == "confirmed"
    assert Registration.objects.get(event=event, user=third).status == "waiting"
    assert Registration.objects.get(event=event, user=first).status == "cancelled"
    event.refresh_from_db()
    assert (event.confirmed_count, event.waiting_count) == (1, 1)
    note = Notification.objects.get(recipient=second, kind="events.promoted")
    assert event.title in note.title
    assert not Notification.objects.filter(recipient=third).exists()


def test_leaving_the_waiting_list_promotes_nobody(municipality):
    event = EventFactory(municipality=municipality, capacity=1)
    first, second = _people(municipality, 2)
    services.registration_create(event=event, user=first)
    services.registration_create(event=event, user=second)
    services.registration_cancel(event=event, user=second)
    event.refresh_from_db()
    assert (event.confirmed_count, event.waiting_count) == (1, 0)


def test_raising_capacity_promotes(municipality, django_capture_on_commit_callbacks):
    event = EventFactory(municipality=municipality, capacity=1)
    organiser, first, second = _people(municipality, 3)
    services.registration_create(event=event, user=first)
    services.registration_create(event=event, user=second)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(event=event, actor=organiser, capacity=2)
    assert Registration.objects.get(user=second).status == "confirmed"
    with pytest.raises(ValidationError):
        services.event_update(event=event, actor=organiser, capacity=1)


def test_cannot_sign_up_to_cancelled_or_past_event(municipality):
    person, organiser = _people(municipality, 2)
    event = EventFactory(municipality=municipality)
    services.event_cancel(event=event, actor=organiser, reason="Sygdom")
    with pytest.raises(ValidationError):
        services.registration_create(event=event, user=person)
    past = EventFactory(
        municipality=municipality, starts_at=timezone.now() - timedelta(days=2)
    )
    with pytest.raises(ValidationError):
        services.registration_create(event=past, user=person)
    assert not Registration.objects.exists()


def test_organiser_cancels_and_everyone_is_told(
    municipality, django_capture_on_commit_callbacks
):
    event = EventFactory(municipality=municipality, capacity=1)
    organiser, a, b = _people(municipality, 3)
    services.registration_create(event=event, user=a)
    services.registration_create(event=event, user=b)
    with pytest.raises(ValidationError):
        services.event_cancel(event=event, actor=organiser, reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.event_cancel(event=event, actor=organiser, reason="Storm") == 2
    for person in (a, b):
        note = Notification.objects.get(recipient=person, kind="events.cancelled")
        assert note.body == "Storm"


def test_reminders_the_day_before_once(municipality):
    now = timezone.now()
    soon = EventFactory(municipality=municipality, starts_at=now + timedelta(hours=20))
    later = EventFactory(municipality=municipality, starts_at=now + timedelta(days=3))
    a, b, c = _people(municipality, 3)
    services.registration_create(event=soon, user=a)
    services.registration_create(event=soon, user=b)
    services.registration_create(event=later, user=c)
    services.registration_cancel(event=soon, user=b)
    assert services.send_reminders(now=now) == 1
    assert services.send_reminders(now=now) == 0
    assert Notification.objects.filter(kind="events.reminder").count() == 1
    assert Notification.objects.get(kind="events.reminder").recipient == a


def test_checkin_by_organiser_only(client, municipality):
    organiser, person, stranger = _people(municipality, 3)
    event = EventFactory(municipality=municipality, organiser=organiser)
    registration = services.registration_create(event=event, user=person)
    url = tenant_reverse("events:attendees", municipality, pk=event.pk)
    client.force_login(stranger)
    assert (
        client.post(url, {"registration": registration.pk, "present": "1"}).status_code
        == 403
    )
    client.force_login(organiser)
    assert client.get(url).status_code == 200
    client.post(url, {"registration": registration.pk, "present": "1"})
    registration.refresh_from_db()
    assert registration.checked_in_at is not None


@pytest.mark.parametrize("name", ["events:edit", "events:attendees", "events:cancel"])
def test_managing_an_event_sends_anonymous_visitors_to_login(
    client, municipality, name
):
    """Not logged in is never a 403: the login page, then back to the page."""
    event = EventFactory(municipality=municipality)
    url = tenant_reverse(name, municipality, pk=event.pk)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert response["Location"].endswith("next=" + url)


def test_signup_through_the_page_and_permissions(
    client, municipality, citizen, outsider
):
    event = EventFactory(municipality=municipality, capacity=1)
    url = tenant_reverse("events:signup", municipality, pk=event.pk)
    response = client.post(url)  # not logged in: log in, then back to the event
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert response["Location"].endswith("next=" + event.get_absolute_url())
    client.force_login(outsider)
    assert client.post(url).status_code == 403
    client.force_login(citizen)
    assert client.post(url).status_code == 302
    assert Registration.objects.get().status == "confirmed"


def test_calendar_keyset_and_query_count(
    client, municipality, citizen, django_assert_max_num_queries
):
    base = timezone.now().replace(second=0, microsecond=0) + timedelta(days=1)
    for i in range(30):
        EventFactory(municipality=municipality, starts_at=base + timedelta(hours=i % 7))
    client.force_login(citizen)
    url = tenant_reverse("events:list", municipality)
    with django_assert_max_num_queries(8):
        first = client.get(url)
    page = first.context["page"]
    assert len(page.items) == 25 and page.next_cursor
    second = client.get(url, {"efter": page.next_cursor}).context["page"]
    seen = [e.pk for e in page.items] + [e.pk for e in second.items]
    assert len(seen) == len(set(seen)) == 30
    starts = [e.starts_at for e in page.items + second.items]
    assert starts == sorted(starts)
    assert client.get(url, {"efter": "nonsense"}).status_code == 200


def test_detail_query_count(
    client, municipality, citizen, django_assert_max_num_queries
):
    event = EventFactory(municipality=municipality, capacity=1)
    services.registration_create(
        event=event, user=MembershipFactory(municipality=municipality).user
    )
    services.registration_create(event=event, user=citizen)
    client.force_login(citizen)
    with django_assert_max_num_queries(10):
        response = client.get(event.get_absolute_url())
    assert "nummer 1 på ventelisten" in response.content.decode()


def test_reminder_command_and_task(municipality):
    import io

    from django.core.management import call_command

    from faelles.events.tasks import send_event_reminders

    now = timezone.now()
    soon = EventFactory(municipality=municipality, starts_at=now + timedelta(hours=5))
    a, b = _people(municipality, 2)
    services.registration_create(event=soon, user=a)
    out = io.StringIO()
    call_command("send_event_reminders", stdout=out)
    assert out.getvalue().strip() == "1 reminders"
    services.registration_create(event=soon, user=b)
    assert send_event_reminders.call() == 1
    assert set(
        Notification.objects.filter(kind="events.reminder").values_list(
            "recipient", flat=True
        )
    ) == {a.pk, b.pk}


def test_list_links_are_the_detail_addresses(client, municipality, citizen):
    from faelles.communities.factories import CommunityFactory

    event = EventFactory(municipality=municipality)
    community = CommunityFactory(municipality=municipality)
    client.force_login(citizen)
    calendar = client.get(tenant_reverse("events:list", municipality)).text
    assert f'href="{event.get_absolute_url()}"' in calendar
    assert f'datetime="{event.starts_at.isoformat()}"' in calendar
    found = client.get(tenant_reverse("communities:list", municipality)).text
    assert f'href="{community.get_absolute_url()}"' in found
    assert client.get(event.get_absolute_url()).status_code == 200


def test_no_reminder_of_an_invitation_only_groups_event_after_leaving(municipality):
    """A reminder names the event and links to it: only for those who may see it."""
    host, member, former = _people(municipality, 3)
    group = CommunityFactory(municipality=municipality, access="invitation", host=host)
    CommunityMember.objects.create(community=group, user=member, status="active")
    now = timezone.now()
    event = EventFactory(
        municipality=municipality, community=group, starts_at=now + timedelta(hours=5)
    )
    services.registration_create(event=event, user=member)
    services.registration_create(event=event, user=former)  # before it went private
    services.send_reminders(now=now)
    reminded = Notification.objects.filter(kind="events.reminder")
    assert [note.recipient for note in reminded] == [member]
