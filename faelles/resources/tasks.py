"""Background work: the daily expiry reminder (run by the task worker or cron)."""

from django_tasks import task


@task()
def send_expiry_reminders(days: int = 14) -> int:
    from .services import expiry_reminders_send

    return expiry_reminders_send(days=days)
