from django_tasks import task

from .services import send_digests


@task()
def send_notification_digests() -> dict:
    """Hourly: mail each person the notifications that are due (see services)."""
    return send_digests()
