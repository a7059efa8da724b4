from django_tasks import task

from .services import send_reminders


@task()
def send_event_reminders() -> int:
    """Hourly or daily: remind people with a place at tomorrow's events."""
    return send_reminders()
