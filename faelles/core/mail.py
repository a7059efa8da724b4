"""Every e-mail Fælles sends leaves through ``queue_mail``.

A request never talks to the mail server: the message is handed to a background
task (django-tasks; in production the database backend and ``faelles db_worker``)
after the transaction commits, one task per recipient. A failed delivery is logged
and tried again later with growing pauses, so an unreachable mail server or one bad
address delays only that one mail and never turns a saved action into an error.
"""

import logging
import threading
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .validators import collapse_to_one_line

logger = logging.getLogger(__name__)

# Attempt n failed: wait BACKOFF[n-1] before the next; after the last, give up.
BACKOFF = [
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=8),
]
MAX_ATTEMPTS = len(BACKOFF) + 1


def queue_mail(*, to: str, subject: str, body: str, html: str = "") -> None:
    """Send one mail to one address from a background task once the current
    transaction has committed (at once when there is none)."""
    if not to:
        return
    message = {
        "to": to,
        "subject": collapse_to_one_line(subject),
        "body": body,
        "html": html,
    }
    transaction.on_commit(lambda: _enqueue(message, attempt=1), robust=True)


def _enqueue(
    message: dict[str, Any], *, attempt: int, run_after: datetime | None = None
) -> None:
    task_ = (
        deliver_mail if run_after is None else deliver_mail.using(run_after=run_after)
    )
    task_.enqueue(attempt=attempt, **message)


def _masked(address: str) -> str:
    local, _at, domain = address.partition("@")
    return f"{local[:1]}…@{domain}"


@task()
def deliver_mail(
    *, to: str, subject: str, body: str, html: str = "", attempt: int = 1
) -> str:
    """Deliver one queued mail; on failure queue the next attempt with a pause."""
    message = EmailMultiAlternatives(
        subject=collapse_to_one_line(subject), body=body, to=[to]
    )
    if html:
        message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception as exc:
        retry = attempt < MAX_ATTEMPTS and deliver_mail.get_backend().supports_defer
        if not retry:
            logger.error(
                "Mail to %s gave up after attempt %d: %r", _masked(to), attempt, exc
            )
            raise
        pause = BACKOFF[attempt - 1]
        logger.warning(
            "Mail to %s failed (attempt %d of %d): %r; next try in %s",
            _masked(to),
            attempt,
            MAX_ATTEMPTS,
            exc,
            pause,
        )
        _enqueue(
            {"to": to, "subject": subject, "body": body, "html": html},
            attempt=attempt + 1,
            run_after=timezone.now() + pause,
        )
        raise  # this attempt is recorded as failed; the next one is queued
    return "sent"


class QueuedEmailBackend(BaseEmailBackend):
    """An e-mail backend that hands each message to ``queue_mail``: used for
    Django's error reports to ADMINS (settings.LOGGING), so a request that fails is
    not also kept waiting for — or failed again by — the mail server.

    The queue is the database. When the error being reported is that the database
    is away, the report cannot be queued: with ``fail_silently`` (as Django's
    ``AdminEmailHandler`` asks) it is dropped with a warning in the log, which
    keeps the error itself, instead of failing the request's 503 page. A report
    about failing to queue a report is never queued (that would recurse)."""

    _busy = threading.local()

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        if getattr(self._busy, "active", False):
            return 0
        self._busy.active = True
        try:
            return self._queue(email_messages)
        except Exception as exc:
            if not self.fail_silently:
                raise
            logger.warning("Error report not queued (%r)", exc)
            return 0
        finally:
            self._busy.active = False

    def _queue(self, email_messages: Sequence[EmailMessage]) -> int:
        sent = 0
        for message in email_messages:
            html = next(
                (
                    content
                    for content, kind in getattr(message, "alternatives", [])
                    if kind == "text/html"
                ),
                "",
            )
            for address in message.recipients():
                queue_mail(
                    to=address,
                    subject=str(message.subject),
                    body=str(message.body),
                    html=html,
                )
                sent += 1
        return sent
