"""Command line for offline evaluation: rank offers for a need, or needs for an offer.

    faelles match --need NEED.json --offers OFFERS.jsonl --top 10
    faelles match --offer OFFER.json --needs NEEDS.jsonl --top 10

Prints one JSON object per line, best first: ``{"id", "score", "reasons"}``.
Exit status 0 on success, 2 on bad input (the message on stderr says what and where).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from faelles.clikit import InputError, run_main
from faelles.clikit import Parser as _Parser
from faelles.matching.index import MatchIndex
from faelles.matching.records import Record, RecordError


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="faelles match",
        description="Rank offers for a need (or needs for an offer), with reasons.",
    )
    query = p.add_mutually_exclusive_group(required=True)
    query.add_argument("--need", type=Path, help="the need, a JSON file")
    query.add_argument("--offer", type=Path, help="the offer, a JSON file")
    p.add_argument("--offers", type=Path, help="candidate offers, JSON lines")
    p.add_argument("--needs", type=Path, help="candidate needs, JSON lines")
    p.add_argument("--top", type=int, default=10, help="how many (default 10)")
    p.add_argument(
        "--lang", choices=("da", "en"), default="da", help="language of reasons"
    )
    p.add_argument("--today", help="date for freshness, YYYY-MM-DD (default today)")
    p.add_argument(
        "--explain", action="store_true", help="also print the score's parts"
    )
    return p


def _read_one(path: Path) -> Record:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid JSON: {exc}") from None
    try:
        return Record.from_dict(data)
    except RecordError as exc:
        raise InputError(f"{path}: {exc}") from None


def _read_lines(path: Path) -> list[Record]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    out: list[Record] = []
    seen: set[str] = set()
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = Record.from_dict(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{lineno}: not valid JSON: {exc.msg}") from None
        except RecordError as exc:
            raise InputError(f"{path}:{lineno}: {exc}") from None
        if record.id in seen:
            raise InputError(f"{path}:{lineno}: duplicate id {record.id!r}")
        seen.add(record.id)
        out.append(record)
    return out


def run(args: argparse.Namespace, out: TextIO) -> None:
    if args.need is not None:
        if args.offers is None or args.needs is not None:
            raise InputError("--need goes with --offers FILE (and not --needs)")
        query, candidates = _read_one(args.need), _read_lines(args.offers)
    else:
        if args.needs is None or args.offers is not None:
            raise InputError("--offer goes with --needs FILE (and not --offers)")
        query, candidates = _read_one(args.offer), _read_lines(args.needs)
    if args.top < 1:
        raise InputError("--top must be at least 1")
    today = None
    if args.today:
        try:
            today = dt.date.fromisoformat(args.today)
        except ValueError:
            raise InputError(f"--today {args.today!r} is not a date") from None
    index = MatchIndex.build(candidates)
    for match in index.query(query, top=args.top, today=today):
        row: dict[str, object] = {
            "id": match.id,
            "score": round(match.score, 4),
            "reasons": match.texts(args.lang),
        }
        if args.explain:
            row["parts"] = {k: round(v, 4) for k, v in match.parts.items()}
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    return run_main(argv, names=("match",), parser=_parser, run=run)


if __name__ == "__main__":
    raise SystemExit(main())
