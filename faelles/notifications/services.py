"""Notify a person in the app and, as they wish, by e-mail."""

from datetime import timedelta

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import EmailFrequency, Notification, NotificationPreference


def preference_for(user) -> NotificationPreference:
    preference, _ = NotificationPreference.objects.get_or_create(user=user)
    return preference


def notify(
    *,
    recipient,
    municipality,
    kind: str,
    title: str,
    body: str = "",
    url: str = "",
    dedupe_key: str = "",
) -> Notification | None:
    """Create an in-app notification and schedule an e-mail if the person wants one now.

    With ``dedupe_key`` a repeat for the same person is a no-op (returns None).
    """
    if recipient is None or not recipient.is_active:
        return None
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
    transaction.on_commit(lambda: send_immediate_email(notification.pk))
    return notification


def send_immediate_email(notification_id: int, *, now=None) -> bool:
    """E-mail one notification unless the person prefers digests or is in cooldown."""
    now = now or timezone.now()
    with transaction.atomic():
        notification = (
            Notification.objects.select_related("recipient")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None or notification.emailed_at is not None:
            return False
        preference = NotificationPreference.objects.select_for_update().filter(
            user=notification.recipient
        ).first() or preference_for(notification.recipient)
        if preference.email_frequency != EmailFrequency.IMMEDIATE:
            return False
        if preference.last_emailed_at and now - preference.last_emailed_at < timedelta(
            minutes=preference.cooldown_minutes
        ):
            return False  # left for the next digest
        _send(notification)
        notification.emailed_at = now
        notification.save(update_fields=["emailed_at"])
        preference.last_emailed_at = now
        preference.save(update_fields=["last_emailed_at"])
        return True


def _send(notification: Notification) -> None:
    from django.conf import settings

    link = ""
    if notification.url:
        base = getattr(settings, "FAELLES_SITE_URL", "http://127.0.0.1:8000")
        link = f"\n\n{base}{notification.url}"
    send_mail(
        subject=f"[Fælles] {notification.title}",
        message=f"{notification.body}{link}",
        from_email=None,
        recipient_list=[notification.recipient.email],
    )


def notification_mark_read(*, user, notification_ids: list[int] | None = None) -> int:
    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        qs = qs.filter(pk__in=notification_ids)
    return qs.update(read_at=timezone.now())
