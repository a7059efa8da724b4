"""Command line, for checking a draw: ``faelles sortition``.

    faelles sortition --pool POOL.csv --seats N --strata COL,COL --seed S --json
    faelles sortition --pool POOL.csv --seats N --quotas QUOTAS.csv --seed S --json

POOL.csv has a header with ``id`` and one column per stratum; QUOTAS.csv has
``feature,value,min,max``. Commas or semicolons (as Danish spreadsheets write).
Exit status 0 on success, 1 when no panel meets the quotas, 2 on bad input; the
message on stderr says what and where.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from faelles.clikit import InputError, arguments
from faelles.clikit import Parser as _Parser
from faelles.sortition.lottery import (
    MAX_SEED,
    InfeasibleQuotas,
    Pool,
    Quotas,
    SortitionError,
    draw,
    proportional_quotas,
)

EXIT_INFEASIBLE = 1
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="faelles sortition",
        description="Draw a panel by stratified lot (fair maximin algorithm).",
    )
    p.add_argument("--pool", type=Path, required=True, help="applicants, CSV with id")
    p.add_argument("--seats", type=int, required=True, help="panel size")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--strata", help="columns for proportional quotas: COL,COL")
    how.add_argument("--quotas", type=Path, help="CSV with feature,value,min,max")
    p.add_argument("--seed", type=int, required=True, help=f"1 to {MAX_SEED}")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    return p


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) per non-blank row; header first."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first and "," not in first else ","
    reader = csv.reader(text.splitlines(), delimiter=delimiter, strict=True)
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                yield reader.line_num, [c.strip() for c in cells]
    except csv.Error as exc:
        raise InputError(f"{path}:{reader.line_num}: not valid CSV: {exc}") from None


def _header(path: Path, rows: Iterator[tuple[int, list[str]]]) -> list[str]:
    try:
        lineno, header = next(rows)
    except StopIteration:
        raise InputError(f"{path}: empty file, expected a header line") from None
    seen: set[str] = set()
    for name in header:
        if not name:
            raise InputError(f"{path}:{lineno}: empty column name in the header")
        if name in seen:
            raise InputError(f"{path}:{lineno}: column {name!r} appears twice")
        seen.add(name)
    return header


def read_pool(path: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    """The header's stratum columns and ``id -> {column: value}``."""
    rows = _rows(path)
    header = _header(path, rows)
    if "id" not in header:
        raise InputError(f"{path}:1: the header has no 'id' column")
    columns = [c for c in header if c != "id"]
    if not columns:
        raise InputError(f"{path}:1: no stratum columns besides 'id'")
    pool: dict[str, dict[str, str]] = {}
    for lineno, cells in rows:
        if len(cells) != len(header):
            raise InputError(
                f"{path}:{lineno}: {len(cells)} fields, the header has {len(header)}"
            )
        row = dict(zip(header, cells, strict=True))
        person_id = row.pop("id")
        if not person_id:
            raise InputError(f"{path}:{lineno}: empty id")
        if person_id in pool:
            raise InputError(f"{path}:{lineno}: duplicate id {person_id!r}")
        for column, value in row.items():
            if not value:
                raise InputError(f"{path}:{lineno}: empty {column!r}")
        pool[person_id] = row
    if not pool:
        raise InputError(f"{path}: no applicants after the header")
    return columns, pool


def _count(path: Path, lineno: int, name: str, text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise InputError(
            f"{path}:{lineno}: {name} {text!r} is not a whole number"
        ) from None
    if value < 0:
        raise InputError(f"{path}:{lineno}: {name} {value} is negative")
    return value


def read_quotas(path: Path) -> Quotas:
    rows = _rows(path)
    header = _header(path, rows)
    missing = [c for c in ("feature", "value", "min", "max") if c not in header]
    if missing:
        raise InputError(f"{path}:1: the header lacks {', '.join(missing)}")
    quotas: Quotas = {}
    for lineno, cells in rows:
        if len(cells) != len(header):
            raise InputError(
                f"{path}:{lineno}: {len(cells)} fields, the header has {len(header)}"
            )
        row = dict(zip(header, cells, strict=True))
        feature, value = row["feature"], row["value"]
        if not feature or not value:
            raise InputError(f"{path}:{lineno}: empty feature or value")
        lo = _count(path, lineno, "min", row["min"])
        hi = _count(path, lineno, "max", row["max"])
        if hi < lo:
            raise InputError(f"{path}:{lineno}: {feature}/{value}: max {hi} < min {lo}")
        if value in quotas.setdefault(feature, {}):
            raise InputError(f"{path}:{lineno}: {feature}/{value} given twice")
        quotas[feature][value] = (lo, hi)
    if not quotas:
        raise InputError(f"{path}: no quotas after the header")
    return quotas


def _quota_pool(path: Path, columns: list[str], pool: Pool, quotas: Quotas) -> None:
    for feature in quotas:
        if feature not in columns:
            raise InputError(f"{path}:1: no column {feature!r} for its quotas")


@contextlib.contextmanager
def _stdout_to_stderr() -> Iterator[None]:
    """HiGHS prints a banner on file descriptor 1; keep stdout for the JSON."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        os.dup2(2, 1)
        yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def run(args: argparse.Namespace) -> dict:
    columns, pool = read_pool(args.pool)
    if args.strata is not None:
        strata = [s.strip() for s in args.strata.split(",") if s.strip()]
        unknown = [s for s in strata if s not in columns]
        if unknown:
            raise InputError(f"{args.pool}:1: no column {unknown[0]!r} (--strata)")
        if len(set(strata)) != len(strata):
            raise InputError("--strata names a column twice")
        if not strata:
            raise InputError("--strata needs at least one column")
        quotas = proportional_quotas(pool, strata, args.seats)
    else:
        quotas = read_quotas(args.quotas)
        _quota_pool(args.pool, columns, pool, quotas)
        pool = {i: {f: row[f] for f in quotas} for i, row in pool.items()}
    with _stdout_to_stderr():
        return draw(pool, args.seats, quotas, args.seed).as_dict()


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(arguments(argv, "sortition"))
        result = run(args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except InfeasibleQuotas as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INFEASIBLE
    except SortitionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print("\n".join(result["selected"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
