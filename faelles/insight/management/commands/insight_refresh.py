from django.core.management.base import BaseCommand

from faelles.insight.rollups import refresh
from faelles.municipalities.models import Municipality


class Command(BaseCommand):
    help = (
        "Recompute the insight dashboards' figures of every active municipality "
        "(or those named). Run it hourly from cron, or enqueue the task "
        "faelles.insight.tasks.refresh_insight."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="only these municipalities")

    def handle(self, *args, **options):
        municipalities = Municipality.objects.filter(is_active=True)
        if options["slugs"]:
            municipalities = municipalities.filter(slug__in=options["slugs"])
        for municipality in municipalities.order_by("slug"):
            done = refresh(municipality)
            self.stdout.write(f"{municipality.slug}: {done.duration_ms} ms")
