"""``manage.py match`` / ``faelles match``: the matching engine's offline CLI.

All flags belong to ``faelles.matching.cli``; this wrapper only hands them over, so
the command behaves the same with or without Django.
"""

import argparse
import sys

from django.core.management.base import BaseCommand

from faelles.matching import cli


class Command(BaseCommand):
    help = (
        "Rank offers for a need (--need N.json --offers O.jsonl) or needs for an "
        "offer (--offer O.json --needs N.jsonl), with reasons. See docs/matching.md."
    )

    def run_from_argv(self, argv: list[str]) -> None:
        # argv is [prog, "match", ...]; bypass Django's parser so every flag,
        # including --help, reaches the matching CLI unchanged.
        sys.exit(cli.main(argv[2:]))

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("args", nargs=argparse.REMAINDER)

    def handle(self, *args: str, **options: object) -> None:
        code = cli.main(list(args))
        if code:
            sys.exit(code)
