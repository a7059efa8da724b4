"""The map's votes as a matrix, read fast and kept between updates.

An update needs every participant's current vote on every statement. Reading three
million votes row by row costs more than the maths, so:

* **Kept between updates** (as Polis' math worker keeps the conversation in memory
  and asks only for newer votes): after each update the matrix is stored packed,
  two bits a cell (:class:`~faelles.opinions.models.VoteSnapshot`), with the time
  it was read. The next update reads the snapshot and only the votes changed since,
  with a safety margin for requests still in flight. If the snapshot cannot be
  trusted — the number of votes in the map differs from the number of cells it
  holds after the changes (a statement or participant deleted, votes imported with
  old times), or it is older than :data:`FULL_READ_AFTER` — the update reads
  everything afresh.
* **Read in one piece**, never row by row: the database aggregates the votes into
  one value, each vote a number packing participant id, statement id and vote —
  8 bytes a vote in PostgreSQL (``string_agg`` of ``int8send``), a text of numbers
  in SQLite (``group_concat``) — which NumPy reads at once. Row by row remains
  only for ids too large to pack.

The result is the same matrix either way (tests compare the two paths).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
from django.db import connection
from django.utils import timezone

from faelles.opinionmap import VoteMatrix

from .models import OpinionMap, Participant, Statement, Vote, VoteSnapshot

#: Votes whose request started this long before a snapshot was read are in it.
IN_FLIGHT = timedelta(minutes=5)
#: A snapshot this old is not trusted any more: the next update reads everything.
FULL_READ_AFTER = timedelta(hours=6)

_STATEMENT_BITS = 30  # ids below 2**30 for statements, 2**31 for participants
_MISSING = 0  # cell codes: vote + 2 (disagree 1, pass 2, agree 3), 0 for no vote


@dataclass(frozen=True)
class Votes:
    """The current votes: participant numbers × statement ids, NaN where none."""

    matrix: VoteMatrix
    count: int
    read_at: datetime
    full_read_at: datetime
    full: bool  # read whole (True) or from the snapshot and the changes (False)


def read_votes(opinion_map: OpinionMap, *, now: datetime | None = None) -> Votes:
    """The map's current votes, from the snapshot if it can be trusted."""
    now = now or timezone.now()
    snapshot = VoteSnapshot.objects.filter(map=opinion_map).first()
    if snapshot is not None and now - snapshot.full_read_at < FULL_READ_AFTER:
        votes = _from_snapshot(opinion_map, snapshot, now)
        if votes is not None:
            return votes
    matrix = _read_all(opinion_map)
    count = int(np.count_nonzero(~np.isnan(matrix.values)))
    return Votes(matrix, count, now, now, True)


def store(opinion_map: OpinionMap, votes: Votes) -> None:
    """Keep the votes for the next update (replacing the previous snapshot)."""
    VoteSnapshot.objects.update_or_create(
        map=opinion_map,
        defaults={
            "municipality_id": opinion_map.municipality_id,
            "data": pack(votes.matrix),
            "votes": votes.count,
            "read_at": votes.read_at,
            "full_read_at": votes.full_read_at,
        },
    )


# --- packing -------------------------------------------------------------------------


def pack(matrix: VoteMatrix) -> bytes:
    """The matrix in two bits a cell, with its row and column ids (``np.savez``)."""
    values = matrix.values
    flat = np.zeros(-(-values.size // 4) * 4, dtype=np.uint8)
    cells = values.reshape(-1)
    voted = ~np.isnan(cells)
    flat[: values.size][voted] = cells[voted] + 2  # no vote stays _MISSING (0)
    quads = flat.reshape(-1, 4)
    cells = quads[:, 0] << 6 | quads[:, 1] << 4 | quads[:, 2] << 2 | quads[:, 3]
    buffer = io.BytesIO()
    np.savez(
        buffer,
        participants=np.asarray(matrix.participants, dtype=np.int64),
        statements=np.asarray(matrix.statements, dtype=np.int64),
        cells=cells,
        shape=np.array(values.shape, dtype=np.int64),
    )
    return buffer.getvalue()


def unpack(data: bytes) -> VoteMatrix:
    with np.load(io.BytesIO(data)) as stored:
        n, m = (int(x) for x in stored["shape"])
        cells = stored["cells"]
        codes = (cells[:, None] >> np.array([6, 4, 2, 0], dtype=np.uint8)) & 3
        codes = codes.reshape(-1)[: n * m].reshape(n, m)
        values = np.where(codes == _MISSING, np.nan, codes - 2.0)
        return VoteMatrix(
            tuple(stored["participants"].tolist()),
            tuple(stored["statements"].tolist()),
            values,
        )


# --- reading -------------------------------------------------------------------------


def _numbers(opinion_map: OpinionMap) -> np.ndarray:
    """Participant (id, number) pairs of the map, sorted by id."""
    return np.array(
        Participant.objects.filter(map=opinion_map)
        .order_by("id")
        .values_list("id", "number"),
        dtype=np.int64,
    ).reshape(-1, 2)


def _fetch(query: str, params, columns: int) -> np.ndarray:
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        flat = np.fromiter((x for row in cursor for x in row), dtype=np.int64)
    return flat.reshape(-1, columns)


def _codes_query(since: bool) -> str | None:
    """SQL giving a map's votes in one value (None: no such SQL).

    Stepping through three million rows one by one is what costs, in the database
    driver and in Python; aggregated they come back in one row and are read by
    NumPy: a text of numbers from SQLite, 8 bytes a vote from PostgreSQL. Each
    number packs participant id, statement id and vote.
    ``since``: only the votes changed from a time on (a second parameter).
    """
    quote = connection.ops.quote_name
    table = quote(Vote._meta.db_table)
    col = {
        f.name: f"{table}.{quote(str(f.column))}"
        for f in Vote._meta.concrete_fields
        if f.name in ("map", "participant", "statement", "value", "updated_at")
    }
    code = (
        f"{col['participant']} * {2 ** (_STATEMENT_BITS + 2)}"
        f" + {col['statement']} * 4 + {col['value']} + 1"
    )
    if connection.vendor == "sqlite":
        agg = f"group_concat({code}, ',')"
    elif connection.vendor == "postgresql":  # 8 bytes a vote, no text at all
        agg = f"string_agg(int8send({code}), ''::bytea)"
    else:  # pragma: no cover - the two databases Fælles runs on
        return None
    where = f"{col['map']} = %s"
    if since:
        where += f" AND {col['updated_at']} >= %s"
    # Names from the model; the map id and the time are bound as parameters.
    return f"SELECT {agg} FROM {table} WHERE {where}"  # noqa: S608


def _read(
    opinion_map: OpinionMap, pairs: np.ndarray, top: int, since: datetime | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The map's votes (all, or changed from ``since`` on) as participant ids,
    statement ids and values: in one text where the ids allow it, else row by row."""
    query = _codes_query(since is not None)
    if (
        query is not None
        and len(pairs)
        and int(pairs[:, 0].max()) < 2**31
        and top < 2**_STATEMENT_BITS
    ):
        params: list = [opinion_map.pk]
        if since is not None:  # as the database stores times (text in SQLite)
            params.append(connection.ops.adapt_datetimefield_value(since))
        with connection.cursor() as cursor:
            cursor.execute(query, params)
            answer = cursor.fetchone()[0]
        if not answer:
            code = np.zeros(0, np.int64)
        elif isinstance(answer, str):  # SQLite's text
            code = np.fromstring(answer, dtype=np.int64, sep=",")
        else:  # PostgreSQL's bytes: big-endian 64-bit numbers
            code = np.frombuffer(bytes(answer), dtype=">i8").astype(np.int64)
        return (
            code >> (_STATEMENT_BITS + 2),
            (code >> 2) & (2**_STATEMENT_BITS - 1),
            (code & 3) - 1,
        )
    votes = Vote.objects.filter(map=opinion_map).order_by()
    if since is not None:
        votes = votes.filter(updated_at__gte=since)
    sql, sql_params = votes.values_list(
        "participant_id", "statement_id", "value"
    ).query.sql_with_params()
    rows = _fetch(sql, sql_params, 3)
    return rows[:, 0], rows[:, 1], rows[:, 2]


def _read_all(opinion_map: OpinionMap) -> VoteMatrix:
    """Every vote of the map."""
    pairs = _numbers(opinion_map)
    statements = np.array(sids_of(opinion_map), dtype=np.int64)
    top = int(statements[-1]) if len(statements) else 0
    pid, sid, value = _read(opinion_map, pairs, top, None)
    return _matrix(pairs, statements, pid, sid, value)


def sids_of(opinion_map: OpinionMap) -> list[int]:
    return list(
        Statement.objects.filter(map=opinion_map)
        .order_by("id")
        .values_list("id", flat=True)
    )


def _index(ids: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Position of each key in the sorted ``ids`` (a lookup table when ids are dense)."""
    if not len(keys):
        return np.zeros(0, dtype=np.int64)
    low, high = int(ids[0]), int(ids[-1])
    if high - low <= 8 * len(keys) + 1024 and keys.min() >= low and keys.max() <= high:
        table = np.full(high - low + 1, 0, dtype=np.int64)
        table[ids - low] = np.arange(len(ids))
        found = table[keys - low]
    else:
        found = np.minimum(np.searchsorted(ids, keys), len(ids) - 1)
    if not (ids[found] == keys).all():
        raise ValueError("a vote by a participant or on a statement of another map")
    return found


def _matrix(
    pairs: np.ndarray,
    statements: np.ndarray,
    pid: np.ndarray,
    sid: np.ndarray,
    value: np.ndarray,
) -> VoteMatrix:
    """The matrix of participants (by number) and statements that have a vote.

    Equal to ``VoteMatrix.from_arrays(numbers, sid, value)`` for one vote per cell,
    without sorting three million ids: participant ids are looked up in the map's
    participants, then rows put in number order.
    """
    by_number = np.argsort(pairs[:, 1], kind="stable")
    rank = np.empty(len(pairs), dtype=np.int64)
    rank[by_number] = np.arange(len(pairs))
    rows = rank[_index(pairs[:, 0], pid)]
    cols = _index(statements, sid)
    values = np.full((len(pairs), len(statements)), np.nan)
    flat = values.reshape(-1)
    flat[rows * len(statements) + cols] = value
    voted = ~np.isnan(values)
    if np.count_nonzero(voted) != len(value):
        raise ValueError("two votes by one participant on one statement")
    keep_rows = np.flatnonzero(voted.any(axis=1))
    keep_cols = np.flatnonzero(voted.any(axis=0))
    if len(keep_rows) < len(pairs):
        values = values[keep_rows]
    if len(keep_cols) < len(statements):
        values = values[:, keep_cols]
    numbers = pairs[by_number, 1][keep_rows]
    return VoteMatrix(
        tuple(numbers.tolist()),
        tuple(statements[keep_cols].tolist()),
        np.ascontiguousarray(values),
    )


def _from_snapshot(
    opinion_map: OpinionMap, snapshot: VoteSnapshot, now: datetime
) -> Votes | None:
    """The snapshot with the votes changed since it was read; None if untrustworthy."""
    old = unpack(bytes(snapshot.data))
    pairs = _numbers(opinion_map)
    statements = np.array(sids_of(opinion_map), dtype=np.int64)
    top = int(statements[-1]) if len(statements) else 0
    pid, sid, value = _read(opinion_map, pairs, top, snapshot.read_at - IN_FLIGHT)
    changed = np.column_stack(
        [pairs[_index(pairs[:, 0], pid), 1] if len(pid) else pid, sid, value]
    ).reshape(-1, 3)
    pids = np.union1d(np.asarray(old.participants, dtype=np.int64), changed[:, 0])
    sids = np.union1d(np.asarray(old.statements, dtype=np.int64), changed[:, 1])
    values = np.full((len(pids), len(sids)), np.nan)
    if len(old.participants) and len(old.statements):
        rows = np.searchsorted(pids, np.asarray(old.participants, dtype=np.int64))
        cols = np.searchsorted(sids, np.asarray(old.statements, dtype=np.int64))
        values[np.ix_(rows, cols)] = old.values
    if len(changed):
        values[
            np.searchsorted(pids, changed[:, 0]), np.searchsorted(sids, changed[:, 1])
        ] = changed[:, 2]
    count = int(np.count_nonzero(~np.isnan(values)))
    if count != Vote.objects.filter(map=opinion_map).count():
        return None  # votes went (a deletion) or came with old times (an import)
    matrix = VoteMatrix(tuple(pids.tolist()), tuple(sids.tolist()), values)
    return Votes(matrix, count, now, snapshot.full_read_at, False)
