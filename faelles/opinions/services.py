"""Every write of the opinion map: maps, statements, votes, moderation, results.

A vote is never audited with its voter: the log counts votes per map and day
(``Record.DAILY``), and the activity ladder records that a person took part in the
map, dated to the day. The result is computed by a background task after votes
arrive (``request_update``), never in a request.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles.core.audit import audit
from faelles.participation.models import Rung
from faelles.participation.services import record_participation

from .models import (
    Moderation,
    OpinionMap,
    Participant,
    PolisImport,
    Result,
    Statement,
    StatementStatus,
    Vote,
    VoteValue,
)
from .phases import MAP_PHASES, Phase

#: A burst of votes within this pause gives one update (the task runs after it).
UPDATE_DELAY = timedelta(seconds=5)

MAP_FIELDS = (
    "title",
    "question",
    "description",
    "opens_at",
    "closes_at",
    "hearing",
    "moderation",
    "export_access",
)


# --- maps -------------------------------------------------------------------------


@transaction.atomic
def map_create(
    *,
    municipality,
    actor,
    title: str,
    question: str,
    description: str = "",
    opens_at: datetime | None = None,
    closes_at: datetime | None = None,
    moderation: str = Moderation.BEFORE,
    export_access: str = OpinionMap._meta.get_field("export_access").default,
    hearing=None,
) -> OpinionMap:
    opinion_map = OpinionMap(
        municipality=municipality,
        created_by=actor,
        title=title.strip(),
        question=question.strip(),
        description=description.strip(),
        opens_at=opens_at,
        closes_at=closes_at,
        moderation=moderation,
        export_access=export_access,
        hearing=hearing,
    )
    opinion_map.full_clean()
    opinion_map.save()
    audit(
        action="opinions.map_create",
        actor=actor,
        municipality=municipality,
        target=opinion_map,
    )
    return opinion_map


@transaction.atomic
def map_update(*, opinion_map: OpinionMap, actor, **fields) -> OpinionMap:
    unknown = set(fields) - set(MAP_FIELDS)
    if unknown:
        raise TypeError(f"map_update() got unknown fields {sorted(unknown)}")
    opinion_map = OpinionMap.objects.select_for_update().get(pk=opinion_map.pk)
    for name, value in fields.items():
        setattr(opinion_map, name, value.strip() if isinstance(value, str) else value)
    opinion_map.full_clean()
    opinion_map.save()
    audit(
        action="opinions.map_update",
        actor=actor,
        municipality=opinion_map.municipality,
        target=opinion_map,
    )
    return opinion_map


@transaction.atomic
def map_set_phase(*, opinion_map: OpinionMap, actor, phase: str) -> OpinionMap:
    if phase not in MAP_PHASES:
        raise ValidationError({"phase": _("Ukendt fase.")})
    opinion_map = OpinionMap.objects.select_for_update().get(pk=opinion_map.pk)
    if phase == opinion_map.phase:
        return opinion_map
    if PolisImport.objects.filter(map=opinion_map).exists():
        # the task would meet the first real votes (docs/opinion-map.md)
        raise ValidationError(
            _("Meningskortet kan ikke skifte fase, før importen fra Polis er færdig.")
        )
    opinion_map.phase = phase
    opinion_map.full_clean()
    opinion_map.save(update_fields=["phase"])
    audit(
        action="opinions.map_phase",
        actor=actor,
        municipality=opinion_map.municipality,
        target=opinion_map,
        data={"phase": phase},
    )
    if phase == Phase.CLOSED:
        request_update(opinion_map=opinion_map)  # the final result counts every vote
    return opinion_map


# --- participants -------------------------------------------------------------------


def participant_for(*, opinion_map: OpinionMap, user) -> Participant | None:
    """The person's pseudonym in this map, if they have taken part."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Participant.objects.filter(map=opinion_map, user=user).first()


def _participant(
    opinion_map: OpinionMap, user, now: datetime, *, record: bool = True
) -> Participant:
    """The person's pseudonym in the map, made on their first vote or statement.

    Taking part is recorded on the activity ladder once per map, dated to the day
    only, and names the map, never a vote (not for staff putting starting
    statements on the map: that is the municipality's work, ``record=False``).
    """
    found = Participant.objects.filter(map=opinion_map, user=user).first()
    if found is not None:
        return found
    for _attempt in range(5):
        try:
            with transaction.atomic():
                participant = Participant.objects.create(
                    municipality_id=opinion_map.municipality_id,
                    map=opinion_map,
                    user=user,
                    number=Participant.new_number(),
                )
        except IntegrityError:
            # Either the same person in a parallel request, or (rarely) a number
            # already taken in this map: look again, or draw another number.
            found = Participant.objects.filter(map=opinion_map, user=user).first()
            if found is not None:
                return found
            continue
        if not record:
            return participant
        day = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
        record_participation(
            municipality=opinion_map.municipality,
            user=user,
            action="opinions.take_part",
            rung=Rung.LEADERSHIP,
            source=opinion_map,
            occurred_at=day,
        )
        return participant
    raise RuntimeError("could not draw a free participant number")  # pragma: no cover


def _require_open(opinion_map: OpinionMap, now: datetime) -> None:
    if not opinion_map.is_open(now):
        raise ValidationError(
            _("Meningskortet er ikke åbent for udsagn og stemmer lige nu.")
        )


# --- statements ---------------------------------------------------------------------


@transaction.atomic
def statement_add(
    *,
    opinion_map: OpinionMap,
    user,
    text: str,
    accept: bool = False,
    now: datetime | None = None,
) -> Statement:
    """A participant's statement; held for a moderator when the map says so.

    ``accept`` lets staff who may moderate put a starting statement straight on
    the map (the view passes it only for them).
    """
    now = now or timezone.now()
    _require_open(opinion_map, now)
    text = " ".join(text.split())
    if Statement.objects.filter(map=opinion_map, text__iexact=text).exists():
        raise ValidationError(
            {"text": _("Det udsagn findes allerede på meningskortet.")}
        )
    participant = _participant(opinion_map, user, now, record=not accept)
    at_once = accept or opinion_map.moderation == Moderation.AFTER
    statement = Statement(
        municipality_id=opinion_map.municipality_id,
        map=opinion_map,
        author=participant,
        text=text,
        status=StatementStatus.ACCEPTED if at_once else StatementStatus.PENDING,
        moderated_at=now if accept else None,
    )
    statement.full_clean()
    statement.save()
    audit(
        action="opinions.statement_add",
        actor=user,
        municipality=opinion_map.municipality,
        target=opinion_map,
    )
    return statement


@transaction.atomic
def statement_moderate(
    *,
    statement: Statement,
    actor,
    status: str,
    note: str = "",
    now: datetime | None = None,
) -> Statement:
    """Accept or reject a statement; a rejected one takes no part in the result."""
    if status not in (StatementStatus.ACCEPTED, StatementStatus.REJECTED):
        raise ValidationError({"status": _("Vælg godkend eller afvis.")})
    statement = Statement.objects.select_for_update().get(pk=statement.pk)
    was = statement.status
    statement.status = status
    statement.moderation_note = note.strip()
    statement.moderated_at = now or timezone.now()
    statement.full_clean()
    statement.save(update_fields=["status", "moderation_note", "moderated_at"])
    audit(
        action="opinions.statement_moderate",
        actor=actor,
        municipality=statement.municipality,
        target=statement.map,
        data={"status": status, "statement": statement.pk},
    )
    if was != status and statement.votes.exists():
        request_update(opinion_map=statement.map)
    return statement


# --- votes --------------------------------------------------------------------------


@transaction.atomic
def vote_cast(
    *,
    opinion_map: OpinionMap,
    user,
    statement_id: int,
    value: int,
    now: datetime | None = None,
) -> Vote:
    """The person's vote on one statement; voting again changes it (one vote each)."""
    now = now or timezone.now()
    _require_open(opinion_map, now)
    if value not in VoteValue.values:
        raise ValidationError({"value": _("Vælg enig, uenig eller spring over.")})
    statement = (
        Statement.objects.accepted()
        .filter(map=opinion_map, pk=statement_id)
        .only("id", "map_id")
        .first()
    )
    if statement is None:
        raise ValidationError(_("Udsagnet findes ikke på dette meningskort."))
    participant = _participant(opinion_map, user, now)
    changed = Vote.objects.filter(participant=participant, statement=statement).update(
        value=value, updated_at=now
    )
    vote = None
    if not changed:
        try:
            with transaction.atomic():
                vote = Vote.objects.create(
                    municipality_id=opinion_map.municipality_id,
                    map=opinion_map,
                    participant=participant,
                    statement=statement,
                    value=value,
                    updated_at=now,
                )
        except IntegrityError:  # the same vote from a parallel request
            Vote.objects.filter(participant=participant, statement=statement).update(
                value=value, updated_at=now
            )
            changed = 1
    if vote is None:
        vote = Vote.objects.get(participant=participant, statement=statement)
    audit(
        action="opinions.vote_change" if changed else "opinions.vote_cast",
        municipality=opinion_map.municipality,
        target=opinion_map,
        now=now,
    )
    request_update(opinion_map=opinion_map)
    return vote


# --- the result (background) ----------------------------------------------------------


def request_update(*, opinion_map: OpinionMap) -> bool:
    """Ask for a new result once the current transaction commits.

    Debounced: the map's ``update_queued`` flag is set by the first vote and
    cleared when the task starts, so a burst of votes queues one task; a vote that
    arrives while the task computes queues the next one. Returns whether a task
    was queued.
    """
    queued = OpinionMap.objects.filter(pk=opinion_map.pk, update_queued=False).update(
        update_queued=True
    )
    if queued:
        map_id = opinion_map.pk
        transaction.on_commit(lambda: _enqueue(map_id), robust=True)
    return bool(queued)


def _enqueue(map_id: int) -> None:
    from .tasks import update_opinion_map

    task = update_opinion_map
    if task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + UPDATE_DELAY)
    task.enqueue(map_id)


def result_compute(*, map_id: int) -> Result | None:
    """Run the engine on the map's current votes and store the result (in a task).

    The queue flag is cleared first, so votes cast while this runs queue another
    update. The previous result's state keeps groups stable across updates.
    """
    from faelles.opinionmap import update
    from faelles.opinionmap.storage import state_from_json, state_to_json

    from . import snapshot
    from .results import summarise

    OpinionMap.objects.filter(pk=map_id).update(update_queued=False)
    opinion_map = OpinionMap.objects.filter(pk=map_id).first()
    if opinion_map is None:
        return None  # deleted meanwhile
    started = time.perf_counter()
    with transaction.atomic():
        previous = (
            Result.objects.select_for_update().filter(map=opinion_map).first()
        )  # one update of a map at a time
        votes = snapshot.read_votes(opinion_map)
        matrix = votes.matrix
        rejected = set(
            Statement.objects.filter(
                map=opinion_map, status=StatementStatus.REJECTED
            ).values_list("id", flat=True)
        )
        state = state_from_json(previous.state) if previous is not None else None
        if state is not None and not set(state.statements) <= set(matrix.statements):
            state = None  # statements were deleted: start afresh
        computed = update(matrix, moderated_out=rejected, previous=state)
        parts = summarise(computed, matrix, rejected)
        values = {
            "municipality_id": opinion_map.municipality_id,
            "summary": parts.summary,
            "priorities": parts.priorities,
            "positions": parts.positions,
            "participant_groups": parts.participant_groups,
            "state": state_to_json(computed.state),
            "votes_counted": votes.count,
            "computed_at": timezone.now(),
            "seconds": round(time.perf_counter() - started, 3),
        }
        snapshot.store(opinion_map, votes)
        if previous is None:
            return Result.objects.create(map=opinion_map, **values)
        for name, value in values.items():
            setattr(previous, name, value)
        previous.save()
        return previous
