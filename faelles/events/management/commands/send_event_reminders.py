from django.core.management.base import BaseCommand

from faelles.events.services import send_reminders


class Command(BaseCommand):
    help = (
        "Remind everyone with a place at an event that starts within the next day "
        "(once per person and event). Run it hourly from cron, or enqueue the task "
        "faelles.events.tasks.send_event_reminders."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{send_reminders()} reminders")
