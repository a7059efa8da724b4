"""Notify a person in the app and, as they wish, by e-mail.

Every notification is shown in the app. E-mail follows the person's wishes per
category of notification (see ``kinds.py``): at once (at most one mail per cooldown;
what comes in between is gathered into one mail by the next digest run), in a daily
or weekly digest, or never. The digest run (``send_digests``, hourly from the task or
the ``send_notification_digests`` command) sends each person one mail with
everything that is due.
"""

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faelles.core.audit import audit
from faelles.core.mail import queue_mail
from faelles.core.site import absolute_url, site_url

from .kinds import CATEGORIES, OTHER
from .models import EmailFrequency, Notification, NotificationPreference

# Daily digests go out from this local hour; weekly ones on this weekday (Monday).
DIGEST_HOUR = 7
WEEKLY_WEEKDAY = 0
# A digest lists at most this many notifications; the rest are counted.
DIGEST_LIMIT = 50

logger = logging.getLogger(__name__)


def preference_for(user) -> NotificationPreference:
    preference, _ = NotificationPreference.objects.get_or_create(user=user)
    return preference


Text = str | Promise | Callable[..., str | Promise]
"""A notification's title or body: a string, or a function that writes it.

Pass a function (``lambda: _("…") % {…}``) for text the platform writes, so it is
written in the recipient's language, not in the language of whoever caused it.
What people wrote themselves (a message, a reason) is passed as it is.

The function is called without arguments; it is typed ``Callable[..., …]`` because
in a loop it binds its variables as defaults (``lambda listing=listing: …``), which
mypy cannot match with ``Callable[[], …]``.
"""


def in_language_of(person, text: Text) -> str:
    """``text`` written in ``person``'s preferred language (Danish by default)."""
    if not callable(text):
        return str(text)
    with translation.override(getattr(person, "preferred_language", "") or "da"):
        return str(text())


def notify(
    *,
    recipient,
    municipality,
    kind: str,
    title: Text,
    body: Text = "",
    url: str = "",
    dedupe_key: str = "",
) -> Notification | None:
    """Create an in-app notification and schedule an e-mail if the person wants one now.

    With ``dedupe_key`` a repeat for the same person is a no-op (returns None).
    Title and body given as functions are written in the recipient's language.
    """
    if recipient is None or not recipient.is_active:
        return None
    title, body = in_language_of(recipient, title), in_language_of(recipient, body)
    if (
        dedupe_key
        and Notification.objects.filter(
            recipient=recipient, dedupe_key=dedupe_key
        ).exists()
    ):
        return None
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=recipient,
                municipality=municipality,
                kind=kind,
                title=title[:200],
                body=body,
                url=url,
                dedupe_key=dedupe_key,
            )
    except IntegrityError:
        return None  # the same dedupe key won a race
    transaction.on_commit(lambda: _enqueue_immediate(notification.pk), robust=True)
    return notification


def _enqueue_immediate(notification_id: int) -> None:
    from .tasks import send_notification_email

    send_notification_email.enqueue(notification_id)


def send_immediate_email(notification_id: int, *, now=None) -> bool:
    """E-mail one notification if the person wants this kind at once and is not in
    cooldown; otherwise leave it for the digest (or mark it as never to be mailed)."""
    now = now or timezone.now()
    with transaction.atomic():
        notification = (
            Notification.objects.select_related("recipient")
            .filter(pk=notification_id)
            .first()
        )
        if (
            notification is None
            or notification.emailed_at is not None
            or notification.email_skipped
        ):
            return False
        preference = NotificationPreference.objects.select_for_update().filter(
            user=notification.recipient
        ).first() or preference_for(notification.recipient)
        frequency = preference.frequency_for(notification.kind)
        if frequency == EmailFrequency.NEVER:
            notification.email_skipped = True
            notification.save(update_fields=["email_skipped"])
            return False
        if frequency != EmailFrequency.IMMEDIATE:
            return False
        if _in_cooldown(preference, now):
            return False  # gathered by the next digest run
        _send_single(notification)
        notification.emailed_at = now
        notification.save(update_fields=["emailed_at"])
        preference.last_emailed_at = now
        preference.save(update_fields=["last_emailed_at"])
        return True


def _in_cooldown(preference: NotificationPreference, now: datetime) -> bool:
    return bool(
        preference.last_emailed_at
        and now - preference.last_emailed_at
        < timedelta(minutes=preference.cooldown_minutes)
    )


def _send_single(notification: Notification) -> None:
    recipient = notification.recipient
    with translation.override(recipient.preferred_language or "da"):
        link = absolute_url(notification.url)
        parts = [notification.body, link, _footer()]
        queue_mail(
            to=recipient.email,
            subject=f"[Fælles] {notification.title}",
            body="\n\n".join(p for p in parts if p),
        )


def _footer() -> str:
    return _("Vælg selv, hvilke beskeder du får på e-mail, og hvor ofte: %(url)s") % {
        "url": site_url() + reverse("notifications:preferences")
    }


# --- digests ------------------------------------------------------------------


def daily_boundary(now: datetime) -> datetime:
    """The latest daily digest time (DIGEST_HOUR local time) at or before ``now``."""
    local = timezone.localtime(now)
    boundary = local.replace(hour=DIGEST_HOUR, minute=0, second=0, microsecond=0)
    if boundary > local:
        boundary -= timedelta(days=1)
    return boundary


def weekly_boundary(now: datetime) -> datetime:
    """The latest weekly digest time (Monday, DIGEST_HOUR) at or before ``now``."""
    boundary = daily_boundary(now)
    while boundary.weekday() != WEEKLY_WEEKDAY:
        boundary -= timedelta(days=1)
    return boundary


def due_notifications(
    preference: NotificationPreference, pending: list[Notification], now: datetime
) -> tuple[list[Notification], list[Notification]]:
    """Split a person's unmailed notifications into (due now, never to be mailed).

    Daily and weekly items are due once a digest time has passed since they came;
    items the person wants at once are due when the cooldown is over.
    """
    day, week = daily_boundary(now), weekly_boundary(now)
    cooled = not _in_cooldown(preference, now)
    due, never = [], []
    for notification in pending:
        frequency = preference.frequency_for(notification.kind)
        if frequency == EmailFrequency.NEVER:
            never.append(notification)
        elif (
            (frequency == EmailFrequency.IMMEDIATE and cooled)
            or (frequency == EmailFrequency.DAILY and notification.created_at < day)
            or (frequency == EmailFrequency.WEEKLY and notification.created_at < week)
        ):
            due.append(notification)
    return due, never


def compose_digest(user, notifications: list[Notification]) -> tuple[str, str]:
    """Subject and plain-text body of one digest mail, grouped by municipality."""
    with translation.override(user.preferred_language or "da"):
        count = len(notifications)
        subject = "[Fælles] " + ngettext(
            "%(count)s ny besked", "%(count)s nye beskeder", count
        ) % {"count": count}
        lines = [
            _("Hej %(name)s") % {"name": user.display_name or user.email},
            "",
            ngettext(
                "Her er det, der er sket, siden vi sidst skrev (%(count)s besked):",
                "Her er det, der er sket, siden vi sidst skrev (%(count)s beskeder):",
                count,
            )
            % {"count": count},
        ]
        groups: dict[str, list[Notification]] = {}
        for notification in notifications[:DIGEST_LIMIT]:
            name = notification.municipality.name if notification.municipality else ""
            groups.setdefault(name, []).append(notification)
        for name, items in groups.items():
            lines.append("")
            if name:
                lines += [name, "-" * len(name)]
            for notification in items:
                when = timezone.localtime(notification.created_at)
                lines.append(f"* {notification.title} ({when:%d.%m. %H:%M})")
                if notification.body:
                    body = " ".join(notification.body.split())
                    lines.append("  " + (body[:300] + "…" if len(body) > 300 else body))
                if notification.url:
                    lines.append("  " + absolute_url(notification.url))
        if count > DIGEST_LIMIT:
            lines += [
                "",
                _("… og %(count)s flere. Se dem alle på %(url)s")
                % {
                    "count": count - DIGEST_LIMIT,
                    "url": site_url() + reverse("notifications:list"),
                },
            ]
        lines += ["", _footer()]
        return subject, "\n".join(lines)


def send_digest_for(user_id: int, *, now: datetime) -> int:
    """Send one person everything that is due in one mail; returns how many."""
    with transaction.atomic():
        NotificationPreference.objects.get_or_create(user_id=user_id)
        preference = (
            NotificationPreference.objects.select_for_update()
            .select_related("user")
            .get(user_id=user_id)
        )
        user = preference.user
        pending = list(
            Notification.objects.filter(
                recipient_id=user_id,
                emailed_at__isnull=True,
                email_skipped=False,
                created_at__lte=now,
            )
            .select_related("municipality")
            .order_by("created_at", "id")
        )
        due, never = due_notifications(preference, pending, now)
        if never:
            Notification.objects.filter(pk__in=[n.pk for n in never]).update(
                email_skipped=True
            )
        if not user.is_active or not user.email:
            return 0
        if not due:
            return 0
        if len(due) == 1 and preference.frequency_for(due[0].kind) == "immediate":
            due[0].recipient = user
            _send_single(due[0])
        else:
            subject, body = compose_digest(user, due)
            queue_mail(to=user.email, subject=subject, body=body)
        Notification.objects.filter(pk__in=[n.pk for n in due]).update(emailed_at=now)
        fields = ["last_emailed_at"]
        preference.last_emailed_at = now
        frequencies = {preference.frequency_for(n.kind) for n in due}
        if EmailFrequency.DAILY in frequencies:
            preference.last_daily_digest_at = now
            fields.append("last_daily_digest_at")
        if EmailFrequency.WEEKLY in frequencies:
            preference.last_weekly_digest_at = now
            fields.append("last_weekly_digest_at")
        preference.save(update_fields=fields)
        return len(due)


def send_digests(*, now: datetime | None = None) -> dict:
    """One pass over everyone with unmailed notifications (run hourly).

    Each person is handled on their own: a problem with one (logged, their
    notifications left for the next run) never stops the others.
    """
    now = now or timezone.now()
    recipients = (
        Notification.objects.filter(
            emailed_at__isnull=True, email_skipped=False, created_at__lte=now
        )
        .order_by()
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    mails = notifications = failed = 0
    for user_id in list(recipients):
        try:
            sent = send_digest_for(user_id, now=now)
        except Exception:
            failed += 1
            logger.exception(
                "Digest for user %s failed; kept for the next run", user_id
            )
            continue
        if sent:
            mails += 1
            notifications += sent
    return {"mails": mails, "notifications": notifications, "failed": failed}


@transaction.atomic
def preference_update(
    *, user, email_frequency: str, kind_frequencies: dict[str, str]
) -> NotificationPreference:
    """Save a person's e-mail wishes; unknown categories or values are refused."""
    preference = preference_for(user)
    allowed = set(CATEGORIES) | {OTHER}
    cleaned = {}
    for category, frequency in kind_frequencies.items():
        if category not in allowed:
            raise ValueError(f"unknown category {category!r}")
        if frequency:  # "" means: follow the general choice
            if frequency not in EmailFrequency.values:
                raise ValueError(f"unknown frequency {frequency!r}")
            cleaned[category] = frequency
    preference.email_frequency = email_frequency
    preference.kind_frequencies = cleaned
    preference.full_clean()
    preference.save(update_fields=["email_frequency", "kind_frequencies"])
    audit(
        action="notifications.preferences",
        actor=user,
        target=preference,
        data={"email_frequency": email_frequency, "kinds": cleaned},
    )
    return preference


def notification_mark_read(*, user, notification_ids: list[int] | None = None) -> int:
    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        qs = qs.filter(pk__in=notification_ids)
    return qs.update(read_at=timezone.now())
