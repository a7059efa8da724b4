import time

from django.core.management.base import BaseCommand

from faelles.resources.matches import warm


class Command(BaseCommand):
    help = (
        "Build the match indexes of every active municipality in this process. "
        "Useful to time a cold start; in production call "
        "faelles.resources.matches.warm() from the app server's worker start hook "
        "(see docs/matching.md)."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        count = warm()
        self.stdout.write(
            f"{count} listings indexed in {time.monotonic() - started:.1f} s"
        )
