"""Import a Polis conversation (``comments.csv`` and ``votes.csv``, the files the
export writes) into a new opinion map.

Parsing is ``faelles.opinionmap.polis_io``'s; this module checks what the site
needs on top (texts that fit a statement, votes on known comments), then writes
the map, its pseudonymous participants, statements and each voter's latest vote
in one transaction: bad input changes nothing. The request only reads and checks
the files (about half a second for 100,000 votes) and makes the map; a background
task writes the rows after commit, and the map says "import in progress" until
then. Polis' participant ids are not
kept: every Polis participant gets a fresh random per-map ``number`` and no
account. See docs/opinion-map.md ("Importing a Polis conversation").
"""

from __future__ import annotations

import io
import secrets
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles.core.audit import audit
from faelles.core.bulk import insert_rows
from faelles.opinionmap.polis_io import (
    ExportComment,
    PolisFormatError,
    read_export_comments,
    read_export_votes,
)

from . import services
from .models import (
    NUMBER_MAX,
    STATEMENT_MAX,
    OpinionMap,
    Participant,
    PolisImport,
    Statement,
    StatementStatus,
    Vote,
)

#: The largest upload (the zip, or both CSV files together; and each file in a
#: zip, unpacked): about 200,000 votes, within the site's upload limit.
MAX_IMPORT_BYTES = 10 * 1024 * 1024
NAMES = ("comments.csv", "votes.csv")
STATUS = {
    1: StatementStatus.ACCEPTED,
    0: StatementStatus.PENDING,
    -1: StatementStatus.REJECTED,
}


@dataclass(frozen=True)
class Conversation:
    """A checked conversation: its comments and each voter's latest votes
    ``(voter, comment, vote, timestamp_ms)``."""

    comments: list[ExportComment]
    votes: list[tuple[int, int, int, int]]


def _too_large(name: str) -> ValidationError:
    return ValidationError(
        _("%(name)s er for stor: højst %(max)s MB."),
        params={"name": name, "max": MAX_IMPORT_BYTES // (1024 * 1024)},
    )


def decode(data: bytes, name: str) -> str:
    """An uploaded file as text: UTF-8 (a byte order mark is dropped), within
    the size cap."""
    if len(data) > MAX_IMPORT_BYTES:
        raise _too_large(name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start
    else:
        if "\x00" not in text:  # not text, and PostgreSQL cannot store it
            return text
        start = data.index(b"\x00")
    raise ValidationError(
        _("%(name)s, linje %(line)s: filen er ikke tekst i UTF-8."),
        params={"name": name, "line": data.count(b"\n", 0, start) + 1},
    )


def files_from_zip(data: bytes) -> dict[str, bytes]:
    """``comments.csv`` and ``votes.csv`` from a zip (at its top or in one folder).

    Sizes are checked from the archive's directory before anything is unpacked.
    """
    if len(data) > MAX_IMPORT_BYTES:
        raise _too_large(_("Zip-filen"))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ValidationError(_("Filen er ikke en zip-fil.")) from None
    found: dict[str, bytes] = {}
    with archive:
        for info in archive.infolist():
            name = info.filename.rsplit("/", 1)[-1]
            if name not in NAMES or info.is_dir():
                continue
            if name in found:
                raise ValidationError(
                    _("Zip-filen indeholder %(name)s mere end én gang."),
                    params={"name": name},
                )
            if info.file_size > MAX_IMPORT_BYTES:
                raise _too_large(name)
            try:
                found[name] = archive.read(info)
            except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
                raise ValidationError(
                    _("%(name)s kan ikke pakkes ud: %(problem)s"),
                    params={"name": name, "problem": exc},
                ) from None
    for name in NAMES:
        if name not in found:
            raise ValidationError(
                _("Zip-filen mangler %(name)s."), params={"name": name}
            )
    return found


# What polis_io reports (``PolisFormatError.code``), in the reader's language.
FORMAT_PROBLEMS = {
    "missing_columns": _(
        "%(where)s: kolonnerne %(columns)s mangler (filen har: %(found)s)."
    ),
    "wrong_fields": _("%(where)s: linjen har ikke det rigtige antal felter."),
    "csv": _("%(where)s: linjen kan ikke læses som CSV (%(detail)s)."),
    "not_whole_number": _("%(where)s: %(what)s “%(value)s” er ikke et helt tal."),
    "not_a_vote": _("%(where)s: stemmen “%(value)s” er hverken 1, 0 eller -1."),
    "duplicate_comment": _("%(where)s: udsagn nr. %(comment)s står der to gange."),
    "bad_moderated": _("%(where)s: moderated “%(value)s” er hverken 1, 0 eller -1."),
    "unknown_comment": _(
        "%(where)s: der stemmes om udsagn nr. %(comment)s, som ikke er i comments.csv."
    ),
}


def _format_error(exc: PolisFormatError) -> ValidationError:
    message = FORMAT_PROBLEMS.get(exc.code)
    if message is None:
        return ValidationError(
            _("Filen kan ikke læses: %(problem)s"), params={"problem": exc}
        )
    return ValidationError(
        message,
        params={"where": exc.where, **{k: str(v) for k, v in exc.params.items()}},
    )


def polis_parse(*, comments: str, votes: str) -> Conversation:
    """Read and check both files; ValidationError naming the file and line."""
    try:
        rows = read_export_comments(comments, "comments.csv")
        log = read_export_votes(
            votes,
            "votes.csv",
            comment_ids={c.comment_id for _where, c in rows},
        )
    except PolisFormatError as exc:
        raise _format_error(exc) from None
    checked = []
    for where, comment in rows:
        body = " ".join(comment.body.split())
        if len(body) > STATEMENT_MAX:
            raise ValidationError(
                _("%(where)s: udsagnet er %(length)s tegn; højst %(max)s er tilladt."),
                params={"where": where, "length": len(body), "max": STATEMENT_MAX},
            )
        if not body and comment.moderated == 1:
            raise ValidationError(
                _("%(where)s: et godkendt udsagn uden tekst."), params={"where": where}
            )
        checked.append(
            ExportComment(
                comment_id=comment.comment_id,
                author_id=comment.author_id,
                moderated=comment.moderated,
                body=body,
                timestamp=comment.timestamp,
            )
        )
    # The latest vote of each voter on each comment, as VoteMatrix.from_votes
    # takes it: the later time wins, and of two at the same time the later line.
    latest: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for vote in log:
        key = (vote[0], vote[1])
        old = latest.get(key)
        if old is None or vote[3] >= old[3]:
            latest[key] = vote
    return Conversation(comments=checked, votes=list(latest.values()))


def _when(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)


def _numbers(count: int) -> list[int]:
    """``count`` distinct random participant numbers, ascending (Polis' ids are
    not kept; only their order is, so the engine meets the participants in the
    same order and an export imported again gives the same groups)."""
    drawn: set[int] = set()
    while len(drawn) < count:
        drawn.add(secrets.randbelow(NUMBER_MAX) + 1)
    return sorted(drawn)


@transaction.atomic
def polis_import_start(
    *,
    municipality,
    actor,
    title: str,
    question: str,
    comments: bytes,
    votes: bytes,
) -> OpinionMap:
    """Check the files and make the new map (in preparation); the rows are
    written by a background task after commit (``polis_import_finish``), so the
    request only parses. Nothing is written when a file is refused."""
    comments_text = decode(comments, "comments.csv")
    votes_text = decode(votes, "votes.csv")
    conversation = polis_parse(comments=comments_text, votes=votes_text)
    opinion_map = services.map_create(
        municipality=municipality, actor=actor, title=title, question=question
    )
    PolisImport.objects.create(
        municipality=municipality,
        map=opinion_map,
        comments=comments_text,
        votes=votes_text,
    )
    audit(
        action="opinions.map_import",
        actor=actor,
        municipality=municipality,
        target=opinion_map,
        data={
            "statements": len(conversation.comments),
            "votes": len(conversation.votes),
        },
    )
    map_id = opinion_map.pk
    transaction.on_commit(lambda: _enqueue(map_id), robust=True)
    return opinion_map


def _enqueue(map_id: int) -> None:
    from .tasks import import_polis_conversation

    import_polis_conversation.enqueue(map_id)


def polis_import_finish(*, map_id: int, now: datetime | None = None) -> bool:
    """Write a waiting conversation into its map (in a task), in one transaction,
    then ask for the map's result as a vote does. False if nothing was waiting."""
    now = now or timezone.now()
    with transaction.atomic():
        pending = (
            PolisImport.objects.select_for_update(of=("self",))
            .select_related("map__municipality")
            .filter(map_id=map_id, error="")
            .first()
        )
        if pending is None:
            return False  # done already, failed, or the map was deleted
        try:
            conversation = polis_parse(comments=pending.comments, votes=pending.votes)
            if (
                pending.map.statements.exists()
                or Vote.objects.filter(map_id=map_id).exists()
            ):
                raise ValidationError(_("Meningskortet har allerede udsagn."))
        except ValidationError as error:
            # keep the reason, not the files (they hold Polis' participant ids)
            pending.error = " ".join(error.messages)[:500]
            pending.comments = pending.votes = ""
            pending.save(update_fields=["error", "comments", "votes"])
            return False
        _write(pending.map, conversation, now)
        pending.delete()
        if conversation.votes:
            services.request_update(opinion_map=pending.map)
    return True


def _write(opinion_map: OpinionMap, conversation: Conversation, now: datetime) -> None:
    municipality = opinion_map.municipality
    # Statements in comment-id order, for the same reason as the numbers.
    comments = sorted(conversation.comments, key=lambda c: c.comment_id)
    people = sorted(
        {c.author_id for c in comments if c.author_id is not None}
        | {v[0] for v in conversation.votes}
    )
    made = Participant.objects.bulk_create(
        [
            Participant(
                municipality=municipality, map=opinion_map, user=None, number=number
            )
            for number in _numbers(len(people))
        ]
    )
    participant = {pid: p.pk for pid, p in zip(people, made, strict=True)}
    statements = Statement.objects.bulk_create(
        [
            Statement(
                municipality=municipality,
                map=opinion_map,
                author_id=participant[c.author_id] if c.author_id is not None else None,
                text=c.body,
                status=STATUS[c.moderated],
                moderated_at=now if c.moderated else None,
            )
            for c in comments
        ]
    )
    # created_at is set on insert; the comment's own time is put back here.
    for statement, comment in zip(statements, comments, strict=True):
        if comment.timestamp:
            statement.created_at = _when(comment.timestamp)
    Statement.objects.bulk_update(statements, ["created_at"], batch_size=500)
    statement_id = {
        c.comment_id: s.pk for c, s in zip(comments, statements, strict=True)
    }
    insert_rows(
        Vote,
        ("municipality", "map", "participant", "statement", "value", "updated_at"),
        [
            (
                municipality.pk,
                opinion_map.pk,
                participant[voter],
                statement_id[cid],
                value,
                _when(ms),
            )
            for voter, cid, value, ms in conversation.votes
        ],
    )
