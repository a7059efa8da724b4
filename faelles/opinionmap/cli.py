"""Command line for checking the opinion map against Polis.

    faelles opinion-map --polis DIR --json          (comments.csv, votes.csv)
    faelles opinion-map --server-output DIR --json  (votes.json, comments.json)
    … --continue-from DIR/math-pca2.json            (one update from Polis' state)

Prints one JSON object: participants placed, groups with members and representative
statements, consensus statements and each placed participant's group. Exit status 0
on success, 2 on bad input (the message on stderr names the file and line).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from faelles.clikit import InputError, run_main
from faelles.clikit import Parser as _Parser
from faelles.opinionmap.engine import OpinionMap, update
from faelles.opinionmap.polis_io import (
    PolisFormatError,
    read_export,
    read_polis_state,
    read_server_output,
)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="faelles opinion-map",
        description="Compute a Polis opinion map from a Polis conversation folder.",
    )
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument(
        "--polis", type=Path, metavar="DIR", help="Polis export folder (CSV)"
    )
    src.add_argument(
        "--server-output",
        type=Path,
        metavar="DIR",
        help="Polis server output folder (JSON)",
    )
    p.add_argument(
        "--continue-from",
        type=Path,
        metavar="MATH_JSON",
        help="continue from a Polis server state (math-pca2.json), as Polis would",
    )
    p.add_argument(
        "--json", action="store_true", help="print JSON (the only output format)"
    )
    return p


def as_json(result: OpinionMap) -> dict:
    return {
        "participants_in": len(result.in_conv),
        "groups": [
            {
                "id": g.id,
                "members": list(g.members),
                "representative": [
                    {
                        "statement": r.statement,
                        "agree": r.agree,
                        "repness": round(r.repness, 6),
                    }
                    for r in g.representative
                ],
            }
            for g in result.groups
        ],
        "consensus": list(result.consensus),
        "participant_groups": {str(p): g for p, g in result.participant_groups.items()},
    }


def run(args: argparse.Namespace, out: TextIO) -> None:
    try:
        if args.polis is not None:
            conv = read_export(args.polis)
        else:
            conv = read_server_output(args.server_output)
        state = read_polis_state(args.continue_from) if args.continue_from else None
    except PolisFormatError as exc:
        raise InputError(str(exc)) from None
    result = update(
        conv.matrix, moderated_out=conv.moderated_out, meta=conv.meta, previous=state
    )
    out.write(json.dumps(as_json(result), ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    return run_main(argv, names=("opinion-map", "opinion_map"), parser=_parser, run=run)


if __name__ == "__main__":
    raise SystemExit(main())
