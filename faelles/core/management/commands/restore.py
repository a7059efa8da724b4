"""``faelles restore FILE``: a backup into an empty database and empty storages.

See ``faelles/core/backup.py`` and docs/operations.md ("Backups").
"""

import argparse
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from faelles.core import backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `faelles backup` into an empty database (the one "
        "the settings name) and the configured storages; checks every checksum first "
        "and counts every table afterwards."
    )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("file", type=Path, help="The backup file (.tar).")

    def handle(self, *args: object, **options: object) -> None:
        try:
            manifest = backup.restore(Path(str(options["file"])))
        except backup.BackupError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        self.stdout.write(
            f"Restored {options['file']} (made {manifest.created}): "
            f"{sum(manifest.tables.values())} rows in {len(manifest.tables)} tables "
            f"and {len(manifest.files) - 1} files, all counted. Next: faelles migrate."
        )
