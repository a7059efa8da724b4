from django.core.management.base import BaseCommand

from faelles.initiatives.notifications import find_awaiting, notify_administrators


class Command(BaseCommand):
    help = (
        "List initiatives with no response from the municipality after the "
        "configured number of days, and email the administrators (--notify)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--notify", action="store_true", help="Email the administrators."
        )

    def handle(self, *args, notify=False, **options):
        flagged = notify_administrators() if notify else find_awaiting()
        for item in flagged:
            self.stdout.write(f"{item.municipality.slug}: {len(item.titles)}")
            for title in item.titles:
                self.stdout.write(f"  - {title}")
        if not flagged:
            self.stdout.write("Ingen initiativer venter på svar.")
