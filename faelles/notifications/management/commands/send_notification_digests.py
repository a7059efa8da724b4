from django.core.management.base import BaseCommand

from faelles.notifications.services import send_digests


class Command(BaseCommand):
    help = (
        "Mail everyone the notifications that are due: daily and weekly digests, "
        "and single mails held back by the cooldown. Run it hourly (cron), or "
        "enqueue the task faelles.notifications.tasks.send_notification_digests."
    )

    def handle(self, *args, **options):
        result = send_digests()
        self.stdout.write(
            f"{result['mails']} mails, {result['notifications']} notifications"
            + (
                f", {result['failed']} people failed (see the log)"
                if result["failed"]
                else ""
            )
        )
