from django_tasks import task

from .services import send_digests, send_immediate_email


@task()
def send_notification_email(notification_id: int) -> bool:
    """After a notification is saved: mail it now if the person wants that."""
    return send_immediate_email(notification_id)


@task()
def send_notification_digests() -> dict:
    """Hourly: mail each person the notifications that are due (see services)."""
    return send_digests()
