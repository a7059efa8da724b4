from django.core.management.base import BaseCommand

from faelles.resources.matches import warm
from faelles.resources.tasks import send_expiry_reminders, suggest_matches


class Command(BaseCommand):
    help = (
        "Daily work for resources and needs: remind owners of listings that expire "
        "within 14 days (once per period), and put the engine's best match for needs "
        "nobody has answered in three days in each facilitation queue, and store the "
        "match indexes caught up to the new day so workers load them from file. Run "
        "it daily from cron, or enqueue the tasks in faelles.resources.tasks."
    )

    def handle(self, *args, **options):
        reminders = send_expiry_reminders.call()
        suggestions = suggest_matches.call()
        warm()
        self.stdout.write(
            f"{reminders} expiry reminders, {suggestions} suggestions for facilitators"
        )
