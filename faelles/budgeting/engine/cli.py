"""``faelles pb-count FILE.pb --rule RULE [--json] [--strict]``: count a Pabulib file.

A ballot that lists a project twice is read as it is meant and reported on
standard error (and under ``repairs`` in the JSON); ``--strict`` refuses the file.

A file with the VOTES column ``drops`` (a Fælles round where voters could also
choose projects to drop, docs/budgeting.md) is counted with the drops, by net
approval, under the rules that can (``greedy``, ``mes-greedy``, ``mes-add1``);
another rule is refused rather than silently counting the approvals alone.
``--ignore-drops`` counts the approvals alone, as Pabulib readers that do not
know the column do, and says so.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .drops import (
    DROP_RULES,
    DROPS_COLUMN,
    DropsError,
    count_with_drops,
    drops_from_election,
)
from .election import Election
from .outcome import Outcome
from .pabulib import PabulibError, read_pabulib
from .rules import RULES, UnknownProject, UnknownRule, count, official_rule

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
        "--ignore-drops",
        action="store_true",
        help=f"count the approvals alone in a file with the VOTES column "
        f"{DROPS_COLUMN!r} (by default the drops are counted, by net approval, "
        f"with {', '.join(DROP_RULES)})",
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
    drops = drops_from_election(election)
    with_drops = any(drops) and not args.ignore_drops
    try:
        if with_drops:
            outcome = _count_with_drops(election, drops, args.rule, groups)
        else:
            outcome = count(election, args.rule, exclusive_groups=groups)
    except (UnknownRule, UnknownProject, DropsError) as exc:
        print(f"pb-count: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if any(drops) and args.ignore_drops:
        print(
            f"pb-count: warning: {args.file}: the drops of "
            f"{sum(1 for d in drops if d)} voter(s) are ignored (--ignore-drops)",
            file=sys.stderr,
        )
    for repair in election.repairs:
        print(f"pb-count: warning: {args.file}: {repair}", file=sys.stderr)
    if args.json:
        data = outcome.as_json(with_explanation=args.explain)
        data["repairs"] = [repair.as_json() for repair in election.repairs]
        if args.rule == "official":
            data["official_rule"] = election.meta.get("rule")
        data["drops_counted"] = with_drops
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for pid in outcome.selected:
            print(pid)
    return 0


def _count_with_drops(
    election: Election, drops: list[list[str]], rule: str, groups: list[list[str]]
) -> Outcome:
    """The drops counted by net approval, or a clear refusal."""
    chosen = official_rule(election) if rule == "official" else rule
    if groups:
        raise UnknownRule("exclusive projects cannot be counted with drops")
    if chosen not in DROP_RULES:
        raise DropsError(
            f"this file has the VOTES column {DROPS_COLUMN!r} (voters chose projects "
            f"to drop); rule {chosen!r} cannot count drops: use one of "
            f"{', '.join(DROP_RULES)}, or --ignore-drops to count the approvals alone"
        )
    outcome = count_with_drops(election, drops, rule=chosen)
    if rule == "official":
        outcome.explanation["official_rule"] = election.meta.get("rule")
    return outcome


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
