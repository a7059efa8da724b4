"""``manage.py pb_count FILE.pb --rule RULE [--json]``: the engine's CLI as a command.

The engine owns its arguments; this wrapper only hands them over, so that
``faelles pb-count`` and ``manage.py pb_count`` behave identically.
"""

from __future__ import annotations

import argparse
import sys

from django.core.management.base import BaseCommand, CommandError

from faelles.budgeting.engine.cli import main


class Command(BaseCommand):
    help = "Count a Pabulib .pb file: pb_count FILE.pb --rule RULE [--json]"

    def run_from_argv(self, argv: list[str]) -> None:
        code = main(argv[2:])
        if code:
            sys.exit(code)

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("args", nargs=argparse.REMAINDER)

    def handle(self, *args: str, **options: object) -> None:
        code = main(list(args))
        if code:
            raise CommandError("pb_count failed", returncode=code)
