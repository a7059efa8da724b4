from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from faelles.accounts.factories import UserFactory
from faelles.notifications.models import EmailFrequency, Notification
from faelles.notifications.services import notify, preference_for, send_immediate_email

pytestmark = pytest.mark.django_db


def _notify(user, municipality, **kw):
    return notify(
        recipient=user, municipality=municipality, kind="test.kind", title="Hej", **kw
    )


def test_notify_creates_in_app_and_emails(
    municipality, django_capture_on_commit_callbacks
):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        n = _notify(user, municipality, body="Der er nyt", url="/odense/")
    assert Notification.objects.get() == n
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert "Der er nyt" in mail.outbox[0].body


def test_cooldown_holds_back_the_second_mail(
    municipality, django_capture_on_commit_callbacks
):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _notify(user, municipality)
        second = _notify(user, municipality)
    assert len(mail.outbox) == 1
    second.refresh_from_db()
    assert second.emailed_at is None  # waits for the digest
    later = timezone.now() + timedelta(minutes=31)
    assert send_immediate_email(second.pk, now=later) is True
    assert len(mail.outbox) == 2


def test_digest_preference_sends_no_single_mail(
    municipality, django_capture_on_commit_callbacks
):
    user = UserFactory()
    pref = preference_for(user)
    pref.email_frequency = EmailFrequency.DAILY
    pref.save()
    with django_capture_on_commit_callbacks(execute=True):
        _notify(user, municipality)
    assert mail.outbox == []
    assert Notification.objects.count() == 1


def test_dedupe_key_makes_repeats_noops(municipality):
    user = UserFactory()
    assert _notify(user, municipality, dedupe_key="match:1:2") is not None
    assert _notify(user, municipality, dedupe_key="match:1:2") is None
    assert Notification.objects.count() == 1


def test_list_shows_only_own_notifications(client, municipality):
    me, other = UserFactory(), UserFactory()
    _notify(me, municipality, body="til mig")
    notify(recipient=other, municipality=municipality, kind="x", title="Hemmeligt")
    client.force_login(me)
    response = client.get("/me/beskeder/")
    assert "Hej" in response.text and "Hemmeligt" not in response.text
    client.post("/me/beskeder/laest/")
    assert not Notification.objects.filter(recipient=me, read_at__isnull=True).exists()
