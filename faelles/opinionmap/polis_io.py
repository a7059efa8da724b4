"""Read Polis conversations: the open-data export and the server's math fixtures.

Two folder layouts, both with the votes as a log (superseded votes included):

* Polis export (compdemocracy/openData): ``comments.csv`` and ``votes.csv``.
* Polis server output (red-dwarf's fixtures): ``votes.json``, ``comments.json`` and
  ``conversation.json``.

Every problem is reported as :class:`PolisFormatError` naming the file and line.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from faelles.opinionmap.clusters import Cluster
from faelles.opinionmap.engine import K_BUFFER, MapState
from faelles.opinionmap.matrix import VoteMatrix


class PolisFormatError(ValueError):
    """A malformed conversation folder; the message names the file and line.

    The message is English (the command line's language). ``where`` (file and
    line), ``code`` and ``params`` say the same as data, so the site can say it in
    the reader's language: codes ``missing_columns`` (columns, found),
    ``wrong_fields``, ``csv`` (detail), ``not_whole_number`` (what, value),
    ``not_a_vote`` (value), ``duplicate_comment`` (comment), ``bad_moderated``
    (value), ``unknown_comment`` (comment); empty for the folder and file errors
    the site never meets.
    """

    def __init__(
        self, message: str, *, where: str = "", code: str = "", **params: object
    ) -> None:
        super().__init__(message)
        self.where = where
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Conversation:
    matrix: VoteMatrix
    moderated_out: frozenset
    meta: frozenset
    votes: tuple = ()  # the log: (participant, statement, vote, time), as read


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PolisFormatError(f"{path}: file is missing") from None
    except UnicodeDecodeError:
        raise PolisFormatError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise PolisFormatError(f"cannot read {path}: {exc.strerror}") from None


def _int(value: object, what: str, where: str) -> int:
    # A CSV cell is a str, a JSON value may be anything; int() refuses the others.
    if isinstance(value, str | int | float):
        try:
            return int(value)
        except ValueError:
            pass
    raise PolisFormatError(
        f"{where}: {what} {value!r} is not a whole number",
        where=where,
        code="not_whole_number",
        what=what,
        value=value,
    )


def _vote(value: object, where: str) -> int:
    try:
        vote = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        vote = None
    if vote not in (-1, 0, 1) or str(value).strip() not in {
        "-1",
        "0",
        "1",
        "-1.0",
        "0.0",
        "1.0",
    }:
        raise PolisFormatError(
            f"{where}: vote {value!r} is not 1, 0 or -1",
            where=where,
            code="not_a_vote",
            value=value,
        )
    return vote


def _csv_rows(path: Path, required: tuple[str, ...]):
    return _csv_text_rows(_read_text(path), str(path), required)


def _csv_text_rows(text: str, path: str, required: tuple[str, ...]):
    reader = csv.DictReader(text.splitlines())
    header = reader.fieldnames or []
    missing = [c for c in required if c not in header]
    if missing:
        raise PolisFormatError(
            f"{path}:1: missing column(s) {', '.join(missing)} (found {', '.join(header) or 'nothing'})",
            where=f"{path}:1",
            code="missing_columns",
            columns=", ".join(missing),
            found=", ".join(header),
        )
    try:
        for row in reader:
            where = f"{path}:{reader.line_num}"
            if None in row or any(row[c] is None for c in required):
                raise PolisFormatError(
                    f"{where}: wrong number of fields", where=where, code="wrong_fields"
                )
            yield where, row
    except csv.Error as exc:
        raise PolisFormatError(
            f"{path}:{reader.line_num}: {exc}",
            where=f"{path}:{reader.line_num}",
            code="csv",
            detail=str(exc),
        ) from None


def read_export(folder: Path) -> Conversation:
    """A Polis open-data export: ``comments.csv`` (moderation) and ``votes.csv``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PolisFormatError(f"{folder}: not a folder")
    mod_out = set()
    for where, row in _csv_rows(folder / "comments.csv", ("comment-id", "moderated")):
        tid = _int(row["comment-id"], "comment-id", where)
        if _int(row["moderated"], "moderated", where) == -1:
            mod_out.add(tid)
    votes = []
    for where, row in _csv_rows(
        folder / "votes.csv", ("timestamp", "comment-id", "voter-id", "vote")
    ):
        votes.append(
            (
                _int(row["voter-id"], "voter-id", where),
                _int(row["comment-id"], "comment-id", where),
                _vote(row["vote"], where),
                _int(row["timestamp"], "timestamp", where),
            )
        )
    return Conversation(
        VoteMatrix.from_votes(votes), frozenset(mod_out), frozenset(), tuple(votes)
    )


def read_export_comments(
    text: str, name: str = "comments.csv"
) -> list[tuple[str, ExportComment]]:
    """The comments of an export's ``comments.csv`` given as text (an upload),
    each with its file and line for later messages.

    ``author-id`` and ``timestamp`` may be missing or empty; a comment-id twice
    is an error.
    """
    comments: list[tuple[str, ExportComment]] = []
    seen: set[int] = set()
    for where, row in _csv_text_rows(
        text, name, ("comment-id", "moderated", "comment-body")
    ):
        cid = _int(row["comment-id"], "comment-id", where)
        if cid in seen:
            raise PolisFormatError(
                f"{where}: comment-id {cid} appears twice",
                where=where,
                code="duplicate_comment",
                comment=cid,
            )
        seen.add(cid)
        moderated = _int(row["moderated"], "moderated", where)
        if moderated not in (-1, 0, 1):
            raise PolisFormatError(
                f"{where}: moderated {moderated} is not 1, 0 or -1",
                where=where,
                code="bad_moderated",
                value=moderated,
            )
        author = (row.get("author-id") or "").strip()
        stamp = (row.get("timestamp") or "").strip()
        comment = ExportComment(
            comment_id=cid,
            author_id=_int(author, "author-id", where) if author else None,
            moderated=moderated,
            body=row["comment-body"],
            timestamp=_int(stamp, "timestamp", where) if stamp else 0,
        )
        comments.append((where, comment))
    return comments


def read_export_votes(
    text: str, name: str = "votes.csv", *, comment_ids: set[int] | None = None
) -> list[tuple[int, int, int, int]]:
    """The vote log of an export's ``votes.csv`` given as text (an upload):
    ``(voter, comment, vote, timestamp)``, superseded votes included. With
    ``comment_ids``, a vote on another comment is an error."""
    votes = []
    for where, row in _csv_text_rows(
        text, name, ("timestamp", "comment-id", "voter-id", "vote")
    ):
        cid = _int(row["comment-id"], "comment-id", where)
        if comment_ids is not None and cid not in comment_ids:
            raise PolisFormatError(
                f"{where}: comment-id {cid} is not in comments.csv",
                where=where,
                code="unknown_comment",
                comment=cid,
            )
        votes.append(
            (
                _int(row["voter-id"], "voter-id", where),
                cid,
                _vote(row["vote"], where),
                _int(row["timestamp"], "timestamp", where),
            )
        )
    return votes


def _json_items(path: Path) -> list[tuple[int, object]]:
    """The items of a JSON array with the line each starts on."""
    text = _read_text(path)
    decoder = json.JSONDecoder()

    seen = [0, 1]  # position, line: counted forward once, not from the start each time

    def line(pos: int) -> int:
        if pos < seen[0]:
            return text.count("\n", 0, pos) + 1
        seen[1] += text.count("\n", seen[0], pos)
        seen[0] = pos
        return seen[1]

    i = len(text) - len(text.lstrip())
    if not text[i : i + 1] == "[":
        raise PolisFormatError(f"{path}:{line(i)}: expected a JSON list")
    i += 1
    items: list[tuple[int, object]] = []
    while True:
        while i < len(text) and text[i] in " \t\r\n":
            i += 1
        if text[i : i + 1] == "]":
            break
        if items:
            if text[i : i + 1] != ",":
                raise PolisFormatError(f"{path}:{line(i)}: expected ',' or ']'")
            i += 1
            while i < len(text) and text[i] in " \t\r\n":
                i += 1
        try:
            obj, end = decoder.raw_decode(text, i)
        except json.JSONDecodeError as exc:
            raise PolisFormatError(
                f"{path}:{exc.lineno}: not valid JSON: {exc.msg}"
            ) from None
        items.append((line(i), obj))
        i = end
    return items


def _field(item: object, key: str, where: str) -> object:
    if not isinstance(item, dict):
        raise PolisFormatError(f"{where}: expected an object")
    if key not in item:
        raise PolisFormatError(f"{where}: missing {key!r}")
    return item[key]


def read_server_output(folder: Path) -> Conversation:
    """A Polis server conversation as in red-dwarf's fixtures (votes agree = 1)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PolisFormatError(f"{folder}: not a folder")
    strict = False
    conv_path = folder / "conversation.json"
    if conv_path.exists():
        try:
            conv = json.loads(_read_text(conv_path))
        except json.JSONDecodeError as exc:
            raise PolisFormatError(
                f"{conv_path}:{exc.lineno}: not valid JSON: {exc.msg}"
            ) from None
        strict = bool(isinstance(conv, dict) and conv.get("strict_moderation"))
    mod_out, meta = set(), set()
    path = folder / "comments.json"
    for lineno, item in _json_items(path):
        where = f"{path}:{lineno}"
        tid = _int(_field(item, "statement_id", where), "statement_id", where)
        moderated = _int(_field(item, "moderated", where), "moderated", where)
        if moderated == -1 or (strict and moderated == 0):
            mod_out.add(tid)
        if isinstance(item, dict) and item.get("is_meta"):  # _field checked: a dict
            meta.add(tid)
    votes = []
    path = folder / "votes.json"
    for lineno, item in _json_items(path):
        where = f"{path}:{lineno}"
        modified = _field(item, "modified", where)
        if not isinstance(modified, int | float) or isinstance(modified, bool):
            raise PolisFormatError(f"{where}: modified {modified!r} is not a time")
        votes.append(
            (
                _int(_field(item, "participant_id", where), "participant_id", where),
                _int(_field(item, "statement_id", where), "statement_id", where),
                _vote(_field(item, "vote", where), where),
                float(modified),
            )
        )
    return Conversation(
        VoteMatrix.from_votes(votes), frozenset(mod_out), frozenset(meta), tuple(votes)
    )


def read_polis_state(path: Path) -> MapState:
    """The Polis server's last state (``math-pca2.json``) as our ``previous`` state.

    Lets an update continue from where Polis stood, as the Polis server itself does
    on every new vote: participants in the map, components, base clusters and the
    shown grouping. The k-smoother is taken as settled on the shown number of groups.
    """
    path = Path(path)
    try:
        math = json.loads(_read_text(path))
        base = math["base-clusters"]
        groups = math["group-clusters"]
        k = len(groups)
        return MapState(
            in_conv=frozenset(math["in-conv"]),
            statements=tuple(math["tids"]),
            components=tuple(tuple(c) for c in math["pca"]["comps"]),
            base_clusters=tuple(
                Cluster(int(i), tuple(mem), (float(x), float(y)))
                for i, mem, x, y in zip(
                    base["id"], base["members"], base["x"], base["y"], strict=True
                )
            ),
            group_clusterings={
                k: tuple(
                    Cluster(int(g["id"]), tuple(g["members"]), tuple(g["center"]))
                    for g in groups
                )
            },
            last_k=k,
            last_k_count=K_BUFFER,
            smoothed_k=k,
        )
    except json.JSONDecodeError as exc:
        raise PolisFormatError(
            f"{path}:{exc.lineno}: not valid JSON: {exc.msg}"
        ) from None
    except (KeyError, TypeError, ValueError) as exc:
        raise PolisFormatError(f"{path}: not a Polis math result ({exc})") from None


# --- writing the open-data export ---------------------------------------------------

COMMENTS_HEADER = (
    "timestamp",
    "datetime",
    "comment-id",
    "author-id",
    "agrees",
    "disagrees",
    "moderated",
    "comment-body",
)
VOTES_HEADER = ("timestamp", "datetime", "comment-id", "voter-id", "vote")


@dataclass(frozen=True)
class ExportComment:
    comment_id: int
    author_id: int | None
    moderated: int  # 1 accepted, 0 not yet moderated, -1 moderated out
    body: str
    timestamp: int  # milliseconds since the epoch


def _polis_datetime(ms: int) -> str:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%a %b %d %H:%M:%S UTC %Y")


def write_export(
    comments: list[ExportComment], votes: list[tuple[int, int, int, int]]
) -> dict[str, str]:
    """``comments.csv`` and ``votes.csv`` as Polis exports them (``read_export``
    reads them back). ``votes`` are ``(voter, comment, vote, timestamp_ms)``."""
    import io

    agrees: dict[int, int] = {}
    disagrees: dict[int, int] = {}
    for _voter, cid, vote, _ts in votes:
        if vote == 1:
            agrees[cid] = agrees.get(cid, 0) + 1
        elif vote == -1:
            disagrees[cid] = disagrees.get(cid, 0) + 1
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COMMENTS_HEADER)
    for c in sorted(comments, key=lambda c: c.comment_id):
        writer.writerow(
            (
                c.timestamp,
                _polis_datetime(c.timestamp),
                c.comment_id,
                "" if c.author_id is None else c.author_id,
                agrees.get(c.comment_id, 0),
                disagrees.get(c.comment_id, 0),
                c.moderated,
                c.body,
            )
        )
    comments_csv = out.getvalue()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(VOTES_HEADER)
    for voter, cid, vote, ts in sorted(votes, key=lambda v: (v[3], v[1], v[0])):
        writer.writerow((ts, _polis_datetime(ts), cid, voter, vote))
    return {"comments.csv": comments_csv, "votes.csv": out.getvalue()}
