"""Mail leaves from the background queue, never from the request.

With an unreachable mail server, cancellations used to answer 500 although they
were saved; a name with a line break stopped the digest run for everyone after it.
"""

import logging
import time
from contextlib import contextmanager
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from faelles.accounts.factories import MembershipFactory, UserFactory
from faelles.core.mail import BACKOFF, MAX_ATTEMPTS, queue_mail
from faelles.core.tests import mail_backends
from faelles.events import services as event_services
from faelles.events.factories import EventFactory
from faelles.municipalities.tenancy import tenant_reverse
from faelles.notifications import services as notification_services
from faelles.notifications.models import EmailFrequency, Notification

pytestmark = pytest.mark.django_db

UNREACHABLE = "faelles.core.tests.mail_backends.UnreachableBackend"
SLOW = "faelles.core.tests.mail_backends.SlowBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _reset_calls():
    mail_backends.calls.clear()


@pytest.fixture
def queued(settings):
    """The production set-up: tasks wait in the database for ``faelles db_worker``.
    (Through the ``settings`` fixture, so it is undone in the right order.)"""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return settings


def run_worker(rounds: int = 5) -> None:
    """``faelles db_worker --batch`` until nothing is ready (a task may queue the
    next one once it commits). The test's own transaction stays open, so the
    worker's connection check is switched off."""
    for _ in range(rounds):
        if not DBTaskResult.objects.ready().exists():
            return
        with (
            mock.patch(
                "django_tasks_db.management.commands.db_worker.close_old_connections"
            ),
            TestCase.captureOnCommitCallbacks(execute=True),
        ):
            call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


@contextmanager
def committed():
    """What happens when the request's transaction commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        yield


def _full_event(municipality, *, waiting: int):
    event = EventFactory(municipality=municipality, capacity=1)
    first = MembershipFactory(municipality=municipality).user
    event_services.registration_create(event=event, user=first)
    others = [MembershipFactory(municipality=municipality).user for _ in range(waiting)]
    for person in others:
        event_services.registration_create(event=event, user=person)
    return event, first, others


def test_a_cancellation_succeeds_with_the_mail_server_unreachable(
    client, municipality, queued
):
    queued.EMAIL_BACKEND = UNREACHABLE
    event, first, (next_in_line,) = _full_event(municipality, waiting=1)
    client.force_login(first)
    with committed():
        response = client.post(
            tenant_reverse("events:unregister", municipality, pk=event.pk)
        )
    assert response.status_code == 302
    assert mail_backends.calls == []  # the request never talked to the server
    assert DBTaskResult.objects.ready().count() == 1  # the notification's mail job

    # The worker runs while the server is still down: the mail waits for a retry.
    run_worker()
    assert mail_backends.calls == ["unreachable"]
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after > timezone.now() + BACKOFF[0] - timedelta(seconds=5)

    # The server is back and the pause is over: the next run delivers.
    queued.EMAIL_BACKEND = LOCMEM
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    assert [m.to for m in mail.outbox] == [[next_in_line.email]]
    assert "plads" in mail.outbox[0].subject


def test_a_slow_mail_server_does_not_slow_the_request(client, municipality, queued):
    queued.EMAIL_BACKEND = SLOW
    event, first, (next_in_line,) = _full_event(municipality, waiting=1)
    client.force_login(first)
    started = time.monotonic()
    with committed():
        response = client.post(
            tenant_reverse("events:unregister", municipality, pk=event.pk)
        )
    assert time.monotonic() - started < mail_backends.SlowBackend.delay
    assert response.status_code == 302
    assert mail_backends.calls == []
    run_worker()
    assert mail_backends.calls == ["slow"]
    assert [m.to for m in mail.outbox] == [[next_in_line.email]]


def test_sign_up_mail_is_queued_and_sent_by_the_worker(client, queued):
    queued.EMAIL_BACKEND = UNREACHABLE
    queued.ALLOWED_HOSTS = ["faelles.test", "other.example"]
    with committed():
        response = client.post(
            "/accounts/signup/",
            {
                "display_name": "Karin Holm",
                "email": "karin@example.org",
                "password1": "lange-gode-ord-2026",
                "password2": "lange-gode-ord-2026",
                "accept_terms": "on",
            },
            HTTP_HOST="other.example",
        )
    assert response.status_code == 302
    assert mail_backends.calls == []
    queued.EMAIL_BACKEND = LOCMEM
    run_worker()
    (message,) = mail.outbox
    assert message.to == ["karin@example.org"]
    # On the configured address, whatever host the request came in on.
    assert "https://faelles.test/accounts/confirm-email/" in message.body
    assert "other.example" not in message.body


def test_a_mail_that_keeps_failing_is_retried_then_given_up(queued, caplog):
    queued.EMAIL_BACKEND = UNREACHABLE
    with committed():
        queue_mail(to="anne@example.org", subject="Hej", body="Tekst")
    with caplog.at_level(logging.WARNING, logger="faelles.core.mail"):
        for _ in range(MAX_ATTEMPTS):
            DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
            run_worker()
    assert len(mail_backends.calls) == MAX_ATTEMPTS
    # Each attempt is a failed task (with its error) until the last gives up.
    assert DBTaskResult.objects.filter(status="FAILED").count() == MAX_ATTEMPTS
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert sum("next try in" in r.message for r in caplog.records) == MAX_ATTEMPTS - 1
    assert "gave up" in caplog.records[-1].message
    assert "anne@" not in caplog.text  # the address is not written to the log


def test_a_header_with_a_line_break_from_old_data_is_made_one_line():
    with committed():
        queue_mail(
            to="anne@example.org", subject="Evil\r\nBcc: victim@example.com", body="x"
        )
    (message,) = mail.outbox
    assert message.subject == "Evil Bcc: victim@example.com"
    assert message.bcc == []


# --- the digest run on poisoned data --------------------------------------------


def _poisoned_people(municipality, count: int, poisoned_every: int):
    """People with a daily digest; every n-th has a line break in a notification's
    title (data stored before names were checked)."""
    people = []
    for i in range(count):
        user = UserFactory(display_name=f"Person {i}")
        preference = notification_services.preference_for(user)
        preference.email_frequency = EmailFrequency.DAILY
        preference.save()
        title = (
            f"Evil{i}\r\nBcc: victim@example.com har skrevet"
            if i % poisoned_every == 0
            else f"Besked {i}"
        )
        Notification.objects.create(
            recipient=user,
            municipality=municipality,
            kind="communities.contact",
            title=title,
        )
        people.append(user)
    return people


def test_the_digest_run_finishes_on_poisoned_data(municipality):
    people = _poisoned_people(municipality, 85, poisoned_every=7)
    Notification.objects.update(created_at=timezone.now() - timedelta(days=2))
    with committed():
        result = notification_services.send_digests()
    assert result == {"mails": 85, "notifications": 85, "failed": 0}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_one_person_failing_does_not_stop_the_digest_run(municipality, caplog):
    people = _poisoned_people(municipality, 10, poisoned_every=100)
    Notification.objects.update(created_at=timezone.now() - timedelta(days=2))
    real = notification_services.send_digest_for

    def broken_for_the_third(user_id, *, now):
        if user_id == people[2].pk:
            raise RuntimeError("broken")
        return real(user_id, now=now)

    with (
        mock.patch.object(
            notification_services, "send_digest_for", broken_for_the_third
        ),
        committed(),
    ):
        result = notification_services.send_digests()
    assert result == {"mails": 9, "notifications": 9, "failed": 1}
    assert "Digest for user" in caplog.text
    # Kept for the next run, which sends it.
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 1
    with committed():
        assert notification_services.send_digests()["mails"] == 1


def test_a_contact_message_from_a_poisoned_name_is_sent(client, municipality):
    from faelles.communities.factories import CommunityFactory

    host = MembershipFactory(municipality=municipality).user
    community = CommunityFactory(municipality=municipality, host=host)
    sender = MembershipFactory(municipality=municipality).user
    # Stored before names were checked.
    type(sender).objects.filter(pk=sender.pk).update(
        display_name="Evil\r\nBcc: victim@example.com"
    )
    client.force_login(sender)
    with committed():
        response = client.post(
            tenant_reverse("communities:contact", municipality, pk=community.pk),
            {"message": "Hej, må jeg være med?"},
        )
    assert response.status_code == 302
    (message,) = [m for m in mail.outbox if m.to == [host.email]]
    assert "\n" not in message.subject and message.bcc == []


def test_error_reports_to_admins_go_through_the_queue(settings, monkeypatch):
    """Django's AdminEmailHandler sends with QueuedEmailBackend: the failing request
    only queues the report; the mail server is reached by the worker."""
    import logging

    from faelles.core import mail as core_mail

    settings.ADMINS = [("Drift", "drift@kommune.example")]
    settings.DEBUG = False
    queued = []
    monkeypatch.setattr(
        core_mail, "queue_mail", lambda **message: queued.append(message)
    )
    handler = next(
        h for h in logging.getLogger("django").handlers if h.name == "mail_admins"
    )
    assert handler.email_backend == "faelles.core.mail.QueuedEmailBackend"
    logging.getLogger("django.request").error("Internal Server Error: /odense/")
    assert [m["to"] for m in queued] == ["drift@kommune.example"]
    assert "Internal Server Error" in queued[0]["subject"]
