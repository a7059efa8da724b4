"""``faelles pb-count FILE.pb --rule RULE [--json] [--strict]``: count a Pabulib file.

A ballot that lists a project twice is read as it is meant and reported on
standard error (and under ``repairs`` in the JSON); ``--strict`` refuses the file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .pabulib import PabulibError, read_pabulib
from .rules import RULES, UnknownProject, UnknownRule, count

EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="faelles pb-count",
        description="Count a participatory-budgeting election in Pabulib format.",
    )
    parser.add_argument("file", help="a Pabulib .pb file")
    parser.add_argument(
        "--rule",
        required=True,
        help=f"one of: {', '.join([*RULES, 'official'])}",
    )
    parser.add_argument(
        "--json", action="store_true", help="print a JSON object instead of ids"
    )
    parser.add_argument(
        "--exclusive",
        action="append",
        default=[],
        metavar="ID,ID[,ID...]",
        help="greedy-exclusive: projects of which at most one may be funded "
        "(repeat for several groups)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="refuse a file in which a ballot lists a project twice "
        "(by default such a ballot is read as it is meant, with a warning)",
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="with --json: include the per-project explanation",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (2 for bad input, as argparse does)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the message
        return int(exc.code or 0)
    if args.rule != "official" and args.rule not in RULES:
        print(
            f"pb-count: unknown rule {args.rule!r}; choose from "
            f"{', '.join([*RULES, 'official'])}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        election = read_pabulib(args.file, strict=args.strict)
    except FileNotFoundError:
        print(f"pb-count: no such file: {args.file}", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, PabulibError) as exc:
        print(f"pb-count: cannot read {args.file}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    groups = [
        [pid.strip() for pid in group.split(",") if pid.strip()]
        for group in args.exclusive
    ]
    try:
        outcome = count(election, args.rule, exclusive_groups=groups)
    except (UnknownRule, UnknownProject) as exc:
        print(f"pb-count: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for repair in election.repairs:
        print(f"pb-count: warning: {args.file}: {repair}", file=sys.stderr)
    if args.json:
        data = outcome.as_json(with_explanation=args.explain)
        data["repairs"] = [repair.as_json() for repair in election.repairs]
        if args.rule == "official":
            data["official_rule"] = election.meta.get("rule")
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for pid in outcome.selected:
            print(pid)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
