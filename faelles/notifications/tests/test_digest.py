"""Daily and weekly digests instead of many single mails, with a frozen clock."""

import io
from contextlib import contextmanager
from datetime import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase

from faelles.accounts.factories import UserFactory
from faelles.notifications.models import EmailFrequency, Notification
from faelles.notifications.services import (
    daily_boundary,
    notify,
    preference_for,
    preference_update,
    weekly_boundary,
)
from faelles.notifications.services import send_digests as _send_digests

pytestmark = pytest.mark.django_db
CPH = ZoneInfo("Europe/Copenhagen")


@contextmanager
def frozen(when: datetime):
    with mock.patch("django.utils.timezone.now", return_value=when):
        yield when


def send_digests(**kwargs) -> dict:
    """The run as the hourly job makes it: its mails are queued once it commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return _send_digests(**kwargs)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    # December 2026: the 7th is a Monday.
    return datetime(2026, 12, day, hour, minute, tzinfo=CPH)


def _person(frequency: str, **kinds):
    user = UserFactory(display_name="Karin Holm")
    preference_update(user=user, email_frequency=frequency, kind_frequencies=kinds)
    return user


def _notify(user, municipality, title, *, kind="events.reminder", **kw):
    return notify(
        recipient=user, municipality=municipality, kind=kind, title=title, **kw
    )


def test_boundaries_are_seven_in_the_morning_local_time():
    assert daily_boundary(at(8, 6, 59)) == at(7, 7)
    assert daily_boundary(at(8, 7)) == at(8, 7)
    assert weekly_boundary(at(13, 23)) == at(7, 7)  # Sunday → last Monday
    assert weekly_boundary(at(7, 6)) == datetime(2026, 11, 30, 7, tzinfo=CPH)


def test_daily_digest_gathers_the_day_into_one_mail(
    municipality, django_capture_on_commit_callbacks
):
    user = _person(EmailFrequency.DAILY)
    with django_capture_on_commit_callbacks(execute=True):
        with frozen(at(8, 9)):
            _notify(
                user,
                municipality,
                "Du har fået en plads",
                body="Vi ses.",
                url="/odense/arrangementer/1/",
            )
        with frozen(at(8, 15)):
            _notify(user, municipality, "Husk: Gåtur", kind="events.reminder")
            _notify(
                user, municipality, "Ny besked fra Anne", kind="communities.contact"
            )
    assert mail.outbox == []  # no single mails
    with frozen(at(8, 23)):
        assert send_digests(now=at(8, 23)) == {
            "mails": 0,
            "notifications": 0,
            "failed": 0,
        }
    assert send_digests(now=at(9, 7, 5)) == {
        "mails": 1,
        "notifications": 3,
        "failed": 0,
    }
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert message.subject == "[Fælles] 3 nye beskeder"
    body = message.body
    assert "Hej Karin Holm" in body
    assert "Odense Kommune" in body
    for title in ("Du har fået en plads", "Husk: Gåtur", "Ny besked fra Anne"):
        assert f"* {title}" in body
    assert "Vi ses." in body
    assert "/odense/arrangementer/1/" in body
    assert "/me/beskeder/indstillinger/" in body
    assert body.index("Du har fået en plads") < body.index("Ny besked fra Anne")
    # Nothing is sent twice.
    assert send_digests(now=at(10, 7, 5))["mails"] == 0
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_a_daily_notification_after_seven_waits_for_tomorrow(municipality):
    user = _person(EmailFrequency.DAILY)
    with frozen(at(9, 7, 30)):
        _notify(user, municipality, "Sent om morgenen")
    assert send_digests(now=at(9, 8))["mails"] == 0
    assert send_digests(now=at(10, 7))["mails"] == 1


def test_weekly_digest_goes_out_on_monday(municipality):
    user = _person(EmailFrequency.WEEKLY)
    with frozen(at(8, 12)):  # Tuesday
        _notify(user, municipality, "Tirsdag")
    with frozen(at(12, 12)):  # Saturday
        _notify(user, municipality, "Lørdag")
    for day in (9, 10, 11, 12, 13):
        assert send_digests(now=at(day, 8))["mails"] == 0
    assert send_digests(now=at(14, 7))["notifications"] == 2
    assert "Tirsdag" in mail.outbox[0].body and "Lørdag" in mail.outbox[0].body
    pref = preference_for(user)
    assert pref.last_weekly_digest_at == at(14, 7)


def test_per_kind_choice_overrides_the_general_one(
    municipality, django_capture_on_commit_callbacks
):
    user = _person(
        EmailFrequency.WEEKLY, events="immediate", communities="never", resources=""
    )
    with frozen(at(8, 10)), django_capture_on_commit_callbacks(execute=True):
        _notify(user, municipality, "Aflyst: Gåtur", kind="events.cancelled")
        _notify(user, municipality, "Ny besked", kind="communities.contact")
        _notify(user, municipality, "Forslag", kind="resources.match_proposed")
    assert [m.subject for m in mail.outbox] == ["[Fælles] Aflyst: Gåtur"]
    assert Notification.objects.get(kind="communities.contact").email_skipped
    # The communities notification is never mailed; resources waits for Monday.
    assert send_digests(now=at(13, 8))["mails"] == 0
    assert send_digests(now=at(14, 8))["notifications"] == 1
    assert "Forslag" in mail.outbox[-1].body
    assert "Ny besked" not in mail.outbox[-1].body
    # All notifications stay visible in the app.
    assert Notification.objects.filter(recipient=user).count() == 3


def test_cooldown_leftovers_are_gathered_into_one_mail(
    municipality, django_capture_on_commit_callbacks
):
    user = _person(EmailFrequency.IMMEDIATE)
    with frozen(at(8, 10)), django_capture_on_commit_callbacks(execute=True):
        for i in range(4):
            _notify(user, municipality, f"Besked {i}")
    assert len(mail.outbox) == 1  # the first, at once; the rest held back
    assert send_digests(now=at(8, 10, 20))["mails"] == 0  # still in cooldown
    assert send_digests(now=at(8, 10, 31)) == {
        "mails": 1,
        "notifications": 3,
        "failed": 0,
    }
    assert mail.outbox[1].subject == "[Fælles] 3 nye beskeder"


def test_never_means_never(municipality, django_capture_on_commit_callbacks):
    user = _person(EmailFrequency.NEVER)
    with django_capture_on_commit_callbacks(execute=True):
        _notify(user, municipality, "Stille")
    assert send_digests()["mails"] == 0
    assert mail.outbox == []
    assert Notification.objects.get().email_skipped


def test_digest_in_the_persons_language(municipality):
    user = _person(EmailFrequency.DAILY)
    user.preferred_language = "en"
    user.save()
    with frozen(at(8, 9)):
        _notify(user, municipality, "Husk: Gåtur")
    send_digests(now=at(9, 8))
    assert mail.outbox[0].subject == "[Fælles] 1 new notification"
    assert "Hello Karin Holm" in mail.outbox[0].body


def test_long_digest_is_capped(municipality):
    user = _person(EmailFrequency.DAILY)
    with frozen(at(8, 9)):
        for i in range(55):
            _notify(user, municipality, f"Nummer {i}")
    send_digests(now=at(9, 8))
    body = mail.outbox[0].body
    assert "Nummer 49" in body and "Nummer 50" not in body
    assert "og 5 flere" in body


def test_command_and_task_run_the_digest(municipality):
    user = _person(EmailFrequency.DAILY)
    with frozen(at(8, 9)):
        _notify(user, municipality, "Fra kommandoen")
    with frozen(at(9, 8)), TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_notification_digests", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    from faelles.notifications.tasks import send_notification_digests

    with frozen(at(10, 8)):
        _notify(user, municipality, "Fra opgaven")
    with frozen(at(11, 8)):
        result = send_notification_digests.call()
    assert result == {"mails": 1, "notifications": 1, "failed": 0}


def test_inactive_people_get_no_mail(municipality):
    user = _person(EmailFrequency.DAILY)
    with frozen(at(8, 9)):
        _notify(user, municipality, "Hej")
    user.is_active = False
    user.save()
    assert send_digests(now=at(9, 8))["mails"] == 0
