"""Reader and writer for Pabulib ``.pb`` files (META / PROJECTS / VOTES).

The format is documented at pabulib.org: three sections, each a semicolon-
separated CSV table with a header row. We keep every column we do not
interpret so that a file read and written again carries the same information.
"""

from __future__ import annotations

import csv
import io
from fractions import Fraction
from pathlib import Path

import numpy as np

from .election import POINT_TYPES, VOTE_TYPES, Election, ordinal_points

SECTIONS = ("meta", "projects", "votes")


class PabulibError(ValueError):
    """The file is not a Pabulib file we can count."""


def parse_number(text: str, what: str) -> Fraction:
    """Parse a cost or budget exactly; Pabulib files sometimes use a decimal comma."""
    cleaned = text.strip().replace(",", ".")
    try:
        return Fraction(cleaned)
    except (ValueError, ZeroDivisionError):
        raise PabulibError(f"{what}: {text!r} is not a number") from None


def read_pabulib(path: str | Path) -> Election:
    """Parse a ``.pb`` file; raises :class:`PabulibError` on malformed input."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PabulibError(f"{path}: not UTF-8 text ({exc})") from None
    return parse_pabulib(text)


def _split_sections(text: str) -> dict[str, tuple[list[str], list[list[str]]]]:
    sections: dict[str, tuple[list[str], list[list[str]]]] = {}
    current: str | None = None
    expect_header = False
    for lineno, row in enumerate(csv.reader(io.StringIO(text), delimiter=";"), 1):
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        first = row[0].strip().lower()
        if len(row) == 1 and first in SECTIONS:
            if first in sections:
                raise PabulibError(f"line {lineno}: section {first.upper()} repeated")
            current = first
            sections[current] = ([], [])
            expect_header = True
            continue
        if current is None:
            raise PabulibError(f"line {lineno}: data before the META section")
        if expect_header:
            sections[current][0].extend(cell.strip() for cell in row)
            expect_header = False
        else:
            sections[current][1].append(row)
    for name in SECTIONS:
        if name not in sections:
            raise PabulibError(f"missing {name.upper()} section")
    return sections


def parse_pabulib(text: str) -> Election:
    """Parse the text of a ``.pb`` file."""
    sections = _split_sections(text)
    meta = {
        row[0].strip(): (row[1].strip() if len(row) > 1 else "")
        for row in sections["meta"][1]
    }
    if "budget" not in meta:
        raise PabulibError("META has no budget")
    budget = parse_number(meta["budget"], "META budget")
    vote_type = meta.get("vote_type", "approval").strip()
    if vote_type not in VOTE_TYPES:
        raise PabulibError(f"unsupported vote_type {vote_type!r}")

    p_header, p_rows = sections["projects"]
    if not p_header or p_header[0] != "project_id" or "cost" not in p_header:
        raise PabulibError("PROJECTS header must start with project_id and have cost")
    project_ids: list[str] = []
    costs: list[Fraction] = []
    project_fields: list[dict[str, str]] = []
    for row in p_rows:
        if len(row) != len(p_header):
            raise PabulibError(
                f"PROJECTS row {row[:2]} has {len(row)} fields, "
                f"header has {len(p_header)}"
            )
        fields = {key: value.strip() for key, value in zip(p_header, row, strict=True)}
        pid = fields["project_id"]
        cost = parse_number(fields["cost"], f"cost of project {pid}")
        if cost < 0:
            raise PabulibError(f"project {pid} has a negative cost")
        project_ids.append(pid)
        costs.append(cost)
        project_fields.append(fields)
    index = {pid: j for j, pid in enumerate(project_ids)}
    if len(index) != len(project_ids):
        raise PabulibError("PROJECTS lists a project_id twice")

    v_header, v_rows = sections["votes"]
    if "vote" not in v_header:
        raise PabulibError("VOTES header has no vote column")
    vote_col = v_header.index("vote")
    points_col = v_header.index("points") if "points" in v_header else None
    id_col = v_header.index("voter_id") if "voter_id" in v_header else None
    if vote_type in POINT_TYPES and points_col is None:
        raise PabulibError(f"{vote_type} ballots need a points column")
    extra = [
        (i, key)
        for i, key in enumerate(v_header)
        if key not in ("voter_id", "vote", "points")
    ]
    voter_fields: dict[str, list[str]] = {key: [] for _, key in extra}
    voter_ids: list[str] = []
    indptr = [0]
    indices: list[int] = []
    points: list[int] = []
    ranks: list[int] = []
    for vno, row in enumerate(v_rows):
        if len(row) != len(v_header):
            raise PabulibError(
                f"VOTES row {vno + 1} has {len(row)} fields, header has {len(v_header)}"
            )
        voter_ids.append(row[id_col].strip() if id_col is not None else str(vno))
        for i, key in extra:
            voter_fields[key].append(row[i].strip())
        vote = [p.strip() for p in row[vote_col].split(",") if p.strip()]
        try:
            ballot = [index[p] for p in vote]
        except KeyError as exc:
            raise PabulibError(
                f"voter {voter_ids[-1]} votes for unknown project {exc.args[0]}"
            ) from None
        if len(set(ballot)) != len(ballot):
            raise PabulibError(f"voter {voter_ids[-1]} lists a project twice")
        if points_col is not None and row[points_col].strip():
            pts_text = [p.strip() for p in row[points_col].split(",")]
            if len(pts_text) != len(ballot):
                raise PabulibError(
                    f"voter {voter_ids[-1]}: vote and points differ in length"
                )
            try:
                pts = [int(p) for p in pts_text]
            except ValueError:
                raise PabulibError(
                    f"voter {voter_ids[-1]}: points must be whole numbers"
                ) from None
        elif vote_type in POINT_TYPES and ballot:
            raise PabulibError(f"voter {voter_ids[-1]} has no points")
        else:
            pts = [1] * len(ballot)
        indices.extend(ballot)
        points.extend(pts)
        ranks.extend(range(len(ballot)))
        indptr.append(len(indices))

    points_arr = np.asarray(points, dtype=np.int64)
    if vote_type == "ordinal" and points_col is None:
        lengths = np.diff(np.asarray(indptr))
        length = int(meta.get("max_length") or (lengths.max() if len(lengths) else 0))
        points_arr = ordinal_points(np.asarray(ranks, dtype=np.int64), length)
        if len(points_arr) and points_arr.min() <= 0:
            raise PabulibError("ordinal ballot longer than META max_length")
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
        row = [
            ids[v],
            ",".join(election.project_ids[j] for j in election.indices[lo:hi]),
        ]
        if with_points:
            row.append(",".join(str(int(p)) for p in election.points[lo:hi]))
        row.extend(election.voter_fields[c][v] for c in extra)
        writer.writerow(row)
    text = out.getvalue()
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text
