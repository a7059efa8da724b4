"""Reader and writer for Pabulib ``.pb`` files (META / PROJECTS / VOTES).

The format is documented at pabulib.org: three sections, each a semicolon-
separated CSV table with a header row. We keep every column we do not
interpret so that a file read and written again carries the same information.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

from .election import (
    APPROVAL_TYPES,
    POINT_TYPES,
    VOTE_TYPES,
    Election,
    ordinal_points,
)

SECTIONS = ("meta", "projects", "votes")


class PabulibError(ValueError):
    """The file is not a Pabulib file we can count.

    ``line`` (1-based, of the file) and ``field`` (``SECTION column``) say where,
    when the problem has a place; the message already includes them.
    """

    def __init__(self, message: str, *, line: int | None = None, field: str = ""):
        self.line = line
        self.field = field
        self.reason = message
        where = ", ".join(
            part for part in (f"line {line}" if line else "", field) if part
        )
        super().__init__(f"{where}: {message}" if where else message)


@dataclass(frozen=True)
class Repair:
    """A ballot we read in its evident meaning instead of refusing the file."""

    voter_id: str
    line: int
    project_id: str
    times: int
    action: str  # "counted once" (approval) or "points added up" (cumulative)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        return (
            f"line {self.line}: voter {self.voter_id} lists project "
            f"{self.project_id} {self.times} times; {self.action}"
        )


#: Money: ASCII digits, at most 15 before the decimal mark (a quadrillion is far
#: beyond any budget, and float arithmetic in MES stays exact enough) and 10 after.
NUMBER = re.compile(r"-?[0-9]{1,15}(?:\.[0-9]{1,10})?")
#: Points of one project on one ballot.
POINTS = re.compile(r"-?[0-9]{1,9}")
MAX_POINTS = 10**9


def parse_number(
    text: str, what: str, *, line: int | None = None, field: str = ""
) -> Fraction:
    """Parse a cost or budget exactly; Pabulib files sometimes use a decimal comma.

    Only plain decimals are read: ``Fraction`` alone would accept ``1e999999999``
    (and spend minutes building the number) or 400 digits nothing can store.
    """
    cleaned = text.strip().replace(",", ".")
    if not NUMBER.fullmatch(cleaned):
        raise PabulibError(
            f"{what} {text[:40]!r} is not a number (plain digits, at most 15 "
            "before the decimal mark and 10 after)",
            line=line,
            field=field,
        )
    return Fraction(cleaned)


def read_pabulib(path: str | Path, *, strict: bool = False) -> Election:
    """Parse a ``.pb`` file; raises :class:`PabulibError` on malformed input."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PabulibError(f"{path}: not UTF-8 text ({exc})") from None
    return parse_pabulib(text, strict=strict)


Rows = list[tuple[int, list[str]]]


def _split_sections(text: str) -> dict[str, tuple[list[str], int, Rows]]:
    """Sections by name: (header, line of the header, [(line, row), ...])."""
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise PabulibError("the file contains a NUL character", line=line)
    sections: dict[str, tuple[list[str], int, Rows]] = {}
    current: str | None = None
    expect_header = False
    reader = csv.reader(io.StringIO(text), delimiter=";")
    try:
        for row in reader:
            lineno = reader.line_num
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            first = row[0].strip().lower()
            if len(row) == 1 and first in SECTIONS:
                if first in sections:
                    raise PabulibError(f"section {first.upper()} repeated", line=lineno)
                current = first
                sections[current] = ([], 0, [])
                expect_header = True
                continue
            if current is None:
                raise PabulibError("data before the META section", line=lineno)
            if expect_header:
                sections[current] = ([cell.strip() for cell in row], lineno, [])
                expect_header = False
            else:
                sections[current][2].append((lineno, row))
    except csv.Error as exc:
        raise PabulibError(
            f"not readable as CSV ({exc})", line=reader.line_num
        ) from None
    for name in SECTIONS:
        if name not in sections:
            raise PabulibError(f"missing {name.upper()} section")
    return sections


def _check_width(header: list[str], row: list[str], line: int, section: str) -> None:
    if len(row) != len(header):
        raise PabulibError(
            f"{len(row)} fields, the header has {len(header)}",
            line=line,
            field=section,
        )


def parse_pabulib(text: str, *, strict: bool = False) -> Election:
    """Parse the text of a ``.pb`` file.

    A ballot that lists a project twice is refused when ``strict``; otherwise an
    approval ballot counts as the set it means and a cumulative ballot adds the
    points up (refused if the sum breaks ``max_points``/``max_sum_points``); each
    such ballot is recorded in ``Election.repairs``. Ordinal and scoring ballots
    with a repeated project have no evident meaning and are always refused.
    """
    sections = _split_sections(text)
    meta_header, _line, meta_rows = sections["meta"]
    meta: dict[str, str] = {}
    meta_lines: dict[str, int] = {}
    for lineno, row in meta_rows:
        key = row[0].strip()
        meta[key] = row[1].strip() if len(row) > 1 else ""
        meta_lines[key] = lineno
    if "budget" not in meta:
        raise PabulibError("META has no budget")
    budget = parse_number(
        meta["budget"], "budget", line=meta_lines["budget"], field="META budget"
    )
    if budget <= 0:
        raise PabulibError(
            "budget must be positive", line=meta_lines["budget"], field="META budget"
        )
    vote_type = meta.get("vote_type", "approval").strip()
    if vote_type not in VOTE_TYPES:
        raise PabulibError(
            f"unsupported vote_type {vote_type[:40]!r}; known: {', '.join(VOTE_TYPES)}",
            line=meta_lines.get("vote_type"),
            field="META vote_type",
        )
    _meta_threshold(meta, meta_lines)

    p_header, p_line, p_rows = sections["projects"]
    if not p_header or p_header[0] != "project_id" or "cost" not in p_header:
        raise PabulibError(
            "the header must start with project_id and have cost",
            line=p_line or None,
            field="PROJECTS",
        )
    project_ids: list[str] = []
    costs: list[Fraction] = []
    project_fields: list[dict[str, str]] = []
    index: dict[str, int] = {}
    for lineno, row in p_rows:
        _check_width(p_header, row, lineno, "PROJECTS")
        fields = {key: value.strip() for key, value in zip(p_header, row, strict=True)}
        pid = fields["project_id"]
        if not pid:
            raise PabulibError("empty project_id", line=lineno, field="PROJECTS")
        if pid in index:
            raise PabulibError(
                f"project_id {pid[:40]!r} listed twice",
                line=lineno,
                field="PROJECTS project_id",
            )
        cost = parse_number(
            fields["cost"], f"cost of {pid[:40]}", line=lineno, field="PROJECTS cost"
        )
        if cost < 0:
            raise PabulibError(
                f"project {pid[:40]} has a negative cost",
                line=lineno,
                field="PROJECTS cost",
            )
        index[pid] = len(project_ids)
        project_ids.append(pid)
        costs.append(cost)
        project_fields.append(fields)

    v_header, v_line, v_rows = sections["votes"]
    if "vote" not in v_header:
        raise PabulibError("the header has no vote column", line=v_line, field="VOTES")
    vote_col = v_header.index("vote")
    points_col = v_header.index("points") if "points" in v_header else None
    id_col = v_header.index("voter_id") if "voter_id" in v_header else None
    if vote_type in POINT_TYPES and points_col is None:
        raise PabulibError(
            f"{vote_type} ballots need a points column", line=v_line, field="VOTES"
        )
    extra = [
        (i, key)
        for i, key in enumerate(v_header)
        if key not in ("voter_id", "vote", "points")
    ]
    voter_fields: dict[str, list[str]] = {key: [] for _, key in extra}
    voter_ids: list[str] = []
    repairs: list[Repair] = []
    indptr = [0]
    indices: list[int] = []
    points: list[int] = []
    ranks: list[int] = []
    for vno, (lineno, row) in enumerate(v_rows):
        _check_width(v_header, row, lineno, "VOTES")
        voter = row[id_col].strip() if id_col is not None else str(vno)
        voter_ids.append(voter)
        for i, key in extra:
            voter_fields[key].append(row[i].strip())
        vote = [p.strip() for p in row[vote_col].split(",") if p.strip()]
        try:
            ballot = [index[p] for p in vote]
        except KeyError as exc:
            raise PabulibError(
                f"voter {voter[:40]} votes for unknown project {exc.args[0][:40]}",
                line=lineno,
                field="VOTES vote",
            ) from None
        if points_col is not None and row[points_col].strip():
            pts_text = [p.strip() for p in row[points_col].split(",")]
            if len(pts_text) != len(ballot):
                raise PabulibError(
                    f"voter {voter[:40]}: vote and points differ in length",
                    line=lineno,
                    field="VOTES points",
                )
            if not all(POINTS.fullmatch(p) for p in pts_text):
                raise PabulibError(
                    f"voter {voter[:40]}: points must be whole numbers "
                    f"below {MAX_POINTS:,}",
                    line=lineno,
                    field="VOTES points",
                )
            pts = [int(p) for p in pts_text]
            if vote_type == "cumulative" and min(pts, default=0) < 0:
                raise PabulibError(
                    f"voter {voter[:40]}: cumulative points cannot be negative",
                    line=lineno,
                    field="VOTES points",
                )
        elif vote_type in POINT_TYPES and ballot:
            raise PabulibError(
                f"voter {voter[:40]} has no points", line=lineno, field="VOTES points"
            )
        else:
            pts = [1] * len(ballot)
        if len(set(ballot)) != len(ballot):
            ballot, pts = _repair(
                ballot,
                pts,
                vote_type,
                voter,
                lineno,
                project_ids,
                strict,
                repairs,
                meta_lines,
                meta,
            )
        indices.extend(ballot)
        points.extend(pts)
        ranks.extend(range(len(ballot)))
        indptr.append(len(indices))

    points_arr = np.asarray(points, dtype=np.int64)
    if vote_type == "ordinal" and points_col is None:
        lengths = np.diff(np.asarray(indptr))
        length = _meta_int(meta, "max_length", meta_lines) or (
            int(lengths.max()) if len(lengths) else 0
        )
        points_arr = ordinal_points(np.asarray(ranks, dtype=np.int64), length)
        if len(points_arr) and points_arr.min() <= 0:
            raise PabulibError(
                "an ordinal ballot is longer than max_length",
                line=meta_lines.get("max_length"),
                field="META max_length",
            )
    return Election(
        budget=budget,
        project_ids=project_ids,
        costs=costs,
        vote_type=vote_type,
        indptr=np.asarray(indptr, dtype=np.int64),
        indices=np.asarray(indices, dtype=np.int64),
        points=points_arr,
        voter_ids=voter_ids,
        meta=meta,
        project_columns=list(p_header),
        project_fields=project_fields,
        voter_columns=list(v_header),
        voter_fields=voter_fields,
        repairs=repairs,
    )


def _meta_int(meta: dict[str, str], key: str, lines: dict[str, int]) -> int | None:
    """A whole-number META value the parser itself needs, or None when absent."""
    raw = meta.get(key, "").strip()
    if not raw:
        return None
    if not POINTS.fullmatch(raw) or int(raw) < 1:
        raise PabulibError(
            f"{raw[:40]!r} is not a positive whole number",
            line=lines.get(key),
            field=f"META {key}",
        )
    return int(raw)


def _meta_threshold(meta: dict[str, str], lines: dict[str, int]) -> None:
    raw = meta.get("min_project_score_threshold", "").strip()
    if raw:
        parse_number(
            raw,
            "min_project_score_threshold",
            line=lines.get("min_project_score_threshold"),
            field="META min_project_score_threshold",
        )


def _repair(
    ballot: list[int],
    pts: list[int],
    vote_type: str,
    voter: str,
    line: int,
    project_ids: list[str],
    strict: bool,
    repairs: list[Repair],
    meta_lines: dict[str, int],
    meta: dict[str, str],
) -> tuple[list[int], list[int]]:
    """Read a ballot that lists a project twice in its evident meaning (see docs)."""
    repeated = [j for j in dict.fromkeys(ballot) if ballot.count(j) > 1]
    names = ", ".join(project_ids[j][:40] for j in repeated)
    if strict or vote_type not in (*APPROVAL_TYPES, "cumulative"):
        why = "" if strict else f" ({vote_type} ballots have no evident reading)"
        raise PabulibError(
            f"voter {voter[:40]} lists project {names} more than once{why}",
            line=line,
            field="VOTES vote",
        )
    merged: dict[int, int] = {}
    for j, p in zip(ballot, pts, strict=True):
        merged[j] = merged.get(j, 0) + p if vote_type == "cumulative" else 1
    action = "points added up" if vote_type == "cumulative" else "counted once"
    if vote_type == "cumulative":
        _check_cumulative(list(merged.values()), voter, line, meta, meta_lines)
    for j in repeated:
        repairs.append(Repair(voter, line, project_ids[j], ballot.count(j), action))
    return list(merged), list(merged.values())


def _check_cumulative(
    pts: list[int], voter: str, line: int, meta: dict[str, str], lines: dict[str, int]
) -> None:
    """A repaired cumulative ballot must still keep the file's limits."""
    most = _meta_int(meta, "max_points", lines)
    total = _meta_int(meta, "max_sum_points", lines)
    if most is not None and max(pts, default=0) > most:
        raise PabulibError(
            f"voter {voter[:40]} gives a project more than max_points ({most})",
            line=line,
            field="VOTES points",
        )
    if total is not None and sum(pts) > total:
        raise PabulibError(
            f"voter {voter[:40]} gives more than max_sum_points ({total})",
            line=line,
            field="VOTES points",
        )


def _format_number(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    as_float = float(value)
    if Fraction(repr(as_float)) == value:
        return repr(as_float)
    raise PabulibError(f"{value} has no finite decimal form")


def write_pabulib(election: Election, path: str | Path | None = None) -> str:
    """Serialise ``election``; writes to ``path`` when given and returns the text."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    meta = dict(election.meta)
    meta["budget"] = _format_number(election.budget)
    meta["vote_type"] = election.vote_type
    meta["num_projects"] = str(election.n_projects)
    meta["num_votes"] = str(election.n_voters)
    writer.writerow(["META"])
    writer.writerow(["key", "value"])
    for key, value in meta.items():
        writer.writerow([key, value])

    columns = list(election.project_columns) or ["project_id", "cost"]
    for required in ("cost", "project_id"):
        if required not in columns:
            columns.insert(0, required)
    columns.remove("project_id")
    columns.insert(0, "project_id")
    writer.writerow(["PROJECTS"])
    writer.writerow(columns)
    for j, pid in enumerate(election.project_ids):
        fields = election.project_fields[j] if election.project_fields else {}
        row = dict(fields, project_id=pid, cost=_format_number(election.costs[j]))
        writer.writerow([row.get(col, "") for col in columns])

    with_points = election.vote_type in POINT_TYPES or (
        "points" in election.voter_columns
    )
    extra = [
        c for c in election.voter_columns if c not in ("voter_id", "vote", "points")
    ]
    header = ["voter_id", "vote", *(["points"] if with_points else []), *extra]
    writer.writerow(["VOTES"])
    writer.writerow(header)
    ids = election.voter_ids or [str(v) for v in range(election.n_voters)]
    for v in range(election.n_voters):
        lo, hi = election.indptr[v], election.indptr[v + 1]
        line = [
            ids[v],
            ",".join(election.project_ids[j] for j in election.indices[lo:hi]),
        ]
        if with_points:
            line.append(",".join(str(int(p)) for p in election.points[lo:hi]))
        line.extend(election.voter_fields[c][v] for c in extra)
        writer.writerow(line)
    text = out.getvalue()
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text
