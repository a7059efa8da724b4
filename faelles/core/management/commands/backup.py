"""``faelles backup``: the database and every stored file in one archive.

See ``faelles/core/backup.py`` and docs/operations.md ("Backups").
"""

import argparse
import datetime as dt
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from faelles.core import backup


class Command(BaseCommand):
    help = (
        "Write a backup (database, public and private files, manifest with "
        "checksums) to one tar file. --verify FILE checks an existing backup."
    )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            help="The file to write (default: <--dir>/faelles-YYYYMMDDTHHMMSSZ.tar).",
        )
        parser.add_argument(
            "--dir",
            type=Path,
            default=None,
            help="The folder for backups (default: var/backups).",
        )
        parser.add_argument(
            "--keep-days",
            type=int,
            default=None,
            help="After a successful backup, delete backups in the folder older than "
            "this many days (never the newest).",
        )
        parser.add_argument(
            "--verify",
            type=Path,
            metavar="FILE",
            help="Check FILE against its manifest and checksums; write nothing.",
        )

    def handle(self, *args: object, **options: object) -> None:
        try:
            if options["verify"]:
                manifest = backup.verify(Path(str(options["verify"])))
                self.stdout.write(
                    f"OK: {options['verify']} ({manifest.engine}, {manifest.created}, "
                    f"{len(manifest.files)} files, {sum(manifest.tables.values())} rows)"
                )
                return
            folder = options["dir"] or Path(settings.VAR_DIR) / "backups"
            assert isinstance(folder, Path)
            stamp = dt.datetime.now(tz=dt.UTC).strftime("%Y%m%dT%H%M%SZ")
            output = options["output"] or folder / f"faelles-{stamp}.tar"
            assert isinstance(output, Path)
            manifest = backup.backup(output)
            self.stdout.write(
                f"Backup written: {output} ({len(manifest.files)} files, "
                f"{sum(manifest.tables.values())} rows in {len(manifest.tables)} tables)"
            )
            keep = options["keep_days"]
            if keep is not None:
                if not isinstance(keep, int) or keep < 1:
                    raise CommandError("--keep-days must be at least 1.", returncode=2)
                for removed in backup.prune(output.parent, keep_days=keep):
                    self.stdout.write(f"Deleted old backup: {removed}")
        except backup.BackupError as exc:
            raise CommandError(str(exc), returncode=2) from exc
