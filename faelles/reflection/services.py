"""Every write of the team reflection kit: question sets, a session and its
phases, a person's own notes, shared answers, actions, their follow-up and the
summary. Each refuses bad input with ``ValidationError`` and changes nothing."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles.accounts.models import Membership
from faelles.core.audit import audit
from faelles.municipalities.models import Municipality
from faelles.notifications.services import notify
from faelles.organisations.models import Organisation

from .builtin import BY_KEY
from .models import (
    MAX_QUESTIONS,
    PHASE_ORDER,
    QUESTION_LENGTH,
    Action,
    ActionStatus,
    FollowUp,
    Note,
    Outcome,
    Phase,
    Question,
    QuestionSet,
    Session,
)
from .selectors import follow_up


def _line(value: str | None) -> str:
    return " ".join((value or "").split())


def _text(value: str | None) -> str:
    """Free text: trailing spaces and runs of empty lines go, paragraphs stay."""
    lines = [line.rstrip() for line in (value or "").strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out)


def _person(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def clean_questions(questions: list[str]) -> list[str]:
    cleaned = [_line(q) for q in questions if _line(q)]
    if not cleaned:
        raise ValidationError(
            {"questions": _("Skriv mindst ét spørgsmål.")}, code="questions"
        )
    if len(cleaned) > MAX_QUESTIONS:
        raise ValidationError(
            {"questions": _("Højst %(n)s spørgsmål i et sæt.") % {"n": MAX_QUESTIONS}},
            code="questions",
        )
    if any(len(q) > QUESTION_LENGTH for q in cleaned):
        raise ValidationError(
            {
                "questions": _("Et spørgsmål må højst have %(n)s tegn.")
                % {"n": QUESTION_LENGTH}
            },
            code="questions",
        )
    return cleaned


# --- question sets ---------------------------------------------------------------


@transaction.atomic
def question_set_save(
    *,
    municipality: Municipality,
    actor: Any,
    title: str,
    intro: str,
    guide: str,
    questions: list[str],
    question_set: QuestionSet | None = None,
) -> QuestionSet:
    """Create the municipality's own set, or change ``question_set``. A change
    never reaches a session created before it (sessions keep a copy)."""
    created = question_set is None
    if question_set is None:
        question_set = QuestionSet(municipality=municipality, created_by=_person(actor))
    elif question_set.municipality_id != municipality.pk:
        raise ValidationError(_("Spørgsmålssættet hører til en anden kommune."))
    question_set.title = _line(title)
    question_set.intro = _text(intro)
    question_set.guide = _text(guide)
    question_set.questions = clean_questions(questions)
    question_set.full_clean()
    question_set.save()
    audit(
        action="reflection.set_create" if created else "reflection.set_update",
        actor=actor,
        municipality=municipality,
        target=question_set,
    )
    return question_set


@transaction.atomic
def question_set_delete(*, question_set: QuestionSet, actor: Any) -> None:
    audit(
        action="reflection.set_delete",
        actor=actor,
        municipality=question_set.municipality,
        data={"title": question_set.title},
    )
    question_set.delete()


# --- sessions --------------------------------------------------------------------


def _source(municipality: Municipality, source: str) -> tuple[str, str, str, list]:
    """The title, intro, guide and questions of ``"builtin:<key>"`` or
    ``"set:<id>"`` (one of the municipality's own sets)."""
    kind, _sep, key = (source or "").partition(":")
    if kind == "builtin" and key in BY_KEY:
        b = BY_KEY[key]
        return str(b.title), str(b.intro), str(b.guide), [str(q) for q in b.questions]
    if kind == "set" and key.isdigit():
        found = QuestionSet.objects.filter(municipality=municipality, pk=key).first()
        if found is not None:
            return found.title, found.intro, found.guide, list(found.questions)
    raise ValidationError({"source": _("Vælg et af spørgsmålssættene.")}, code="source")


@transaction.atomic
def session_create(
    *,
    municipality: Municipality,
    department: Organisation,
    title: str,
    day: date,
    source: str,
    actor: Any,
    now: datetime | None = None,
) -> Session:
    """Create a session for ``department`` with a copy of the set's questions;
    ``actor`` is its facilitator."""
    if (
        department.municipality_id != municipality.pk
        or department.kind != Organisation.Kind.DEPARTMENT
    ):
        raise ValidationError(
            {"department": _("Vælg et af kommunens teams.")}, code="department"
        )
    set_title, intro, guide, questions = _source(municipality, source)
    questions = clean_questions(questions)
    session = Session(
        municipality=municipality,
        department=department,
        title=_line(title),
        date=day,
        facilitator=_person(actor),
        set_title=set_title[:120],
        intro=intro,
        guide=guide,
        created_at=now or timezone.now(),
    )
    session.full_clean()
    session.save()
    Question.objects.bulk_create(
        Question(session=session, position=i, text=text)
        for i, text in enumerate(questions, 1)
    )
    audit(
        action="reflection.session_create",
        actor=actor,
        municipality=municipality,
        target=session,
        now=now,
    )
    return session


def team_members(session: Session) -> list[Any]:
    """The team's employees (active accounts), by name."""
    return [
        m.user
        for m in Membership.objects.filter(
            municipality_id=session.municipality_id,
            is_employee=True,
            department_id=session.department_id,
            user__is_active=True,
        )
        .select_related("user")
        .order_by("user__display_name", "user_id")
    ]


def _tell_team_notes_open(session: Session) -> None:
    members = team_members(session)
    url = session.get_absolute_url()
    title = session.title

    def send() -> None:
        for user in members:
            notify(
                recipient=user,
                municipality=session.municipality,
                kind="reflection.notes_open",
                title=lambda: (
                    _("Skriv dine egne noter til teamrefleksionen %(title)s")
                    % {"title": title}
                ),
                body=lambda: _(
                    "Kun du kan læse dine noter. Skriv dem, før I taler sammen."
                ),
                url=url,
                dedupe_key=f"reflection.notes_open.{session.pk}",
            )

    transaction.on_commit(send)


@transaction.atomic
def session_move(
    *, session: Session, actor: Any, forward: bool, now: datetime | None = None
) -> Session:
    """Move the session one phase on, or one back while it is not closed.
    Closing goes through ``session_close`` (it needs the summary)."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    index = session.phase_index
    if session.is_closed:
        raise ValidationError(_("Sessionen er afsluttet."))
    if forward:
        if PHASE_ORDER[index + 1] == Phase.CLOSED:
            raise ValidationError(_("Skriv opsummeringen for at afslutte sessionen."))
        target = PHASE_ORDER[index + 1]
    else:
        if index == 0:
            raise ValidationError(_("Sessionen er allerede i den første fase."))
        target = PHASE_ORDER[index - 1]
    session.phase = target
    session.full_clean()
    session.save(update_fields=["phase"])
    audit(
        action="reflection.session_phase",
        actor=actor,
        municipality=session.municipality,
        target=session,
        data={"phase": target},
        now=now,
    )
    if forward and target == Phase.INDIVIDUAL:
        _tell_team_notes_open(session)
    return session


@transaction.atomic
def session_close(
    *,
    session: Session,
    actor: Any,
    summary: str,
    share: bool,
    now: datetime | None = None,
) -> Session:
    """Close the session with its summary; share it to the learning library if
    the team chose to."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.phase != Phase.SHARED:
        raise ValidationError(_("Sessionen kan afsluttes fra fasen med fælles svar."))
    now = now or timezone.now()
    session.phase = Phase.CLOSED
    session.closed_at = now
    _summary(session, summary, share, now)
    session.full_clean()
    session.save()
    audit(
        action="reflection.session_close",
        actor=actor,
        municipality=session.municipality,
        target=session,
        data={"shared": share},
        now=now,
    )
    return session


def _summary(session: Session, summary: str, share: bool, now: datetime) -> None:
    summary = _text(summary)
    if not summary:
        raise ValidationError(
            {"summary": _("Skriv kort, hvad I talte om og aftalte.")}, code="summary"
        )
    session.summary = summary
    if share and session.summary_shared_at is None:
        session.summary_shared_at = now
    elif not share:
        session.summary_shared_at = None


@transaction.atomic
def summary_save(*, session: Session, actor: Any, summary: str, share: bool) -> Session:
    """Change a closed session's summary, or whether it is shared."""
    if not session.is_closed:
        raise ValidationError(_("Opsummeringen skrives, når sessionen afsluttes."))
    was_shared = session.summary_shared_at is not None
    _summary(session, summary, share, timezone.now())
    session.full_clean()
    session.save(update_fields=["summary", "summary_shared_at"])
    audit(
        action="reflection.summary_save",
        actor=actor,
        municipality=session.municipality,
        target=session,
        data={"shared": share, "was_shared": was_shared},
    )
    return session


# --- notes -----------------------------------------------------------------------


@transaction.atomic
def notes_save(*, session: Session, user: Any, texts: dict[int, str]) -> list[Note]:
    """Save the person's own notes: ``{question id: text}``. An empty text
    removes that note. Only in the individual phase."""
    if session.phase != Phase.INDIVIDUAL:
        raise ValidationError(_("Noterne kan kun skrives i fasen med egne noter."))
    questions = {q.pk: q for q in Question.objects.filter(session=session)}
    unknown = sorted(set(texts) - set(questions))
    if unknown:
        raise ValidationError(_("Ukendt spørgsmål."))
    existing = {
        n.question_id: n
        for n in Note.objects.filter(question__session=session, author=user)
    }
    saved, removed = [], []
    for question_id, raw in texts.items():
        text = _text(raw)
        note = existing.get(question_id)
        if not text:
            if note is not None:
                removed.append(note.pk)
            continue
        note = note or Note(question=questions[question_id], author=user)
        note.text = text
        note.full_clean(validate_unique=False, validate_constraints=False)
        saved.append(note)
    for note in saved:
        note.save()
    Note.objects.filter(pk__in=removed).delete()
    audit(action="reflection.notes_save", municipality=session.municipality)
    return saved


@transaction.atomic
def notes_share(*, session: Session, user: Any, shared: set[int]) -> int:
    """Share the person's own notes to the questions in ``shared`` (question ids)
    with the team without name; their other notes are (again) not shared.
    Only in the shared phase. Returns how many are shared."""
    if session.phase != Phase.SHARED:
        raise ValidationError(_("Noter kan deles i fasen med fælles svar."))
    own = Note.objects.filter(question__session=session, author=user)
    unknown = shared - set(own.values_list("question_id", flat=True))
    if unknown:
        raise ValidationError(_("Du kan kun dele dine egne noter."))
    own.filter(question_id__in=shared).update(shared=True)
    own.exclude(question_id__in=shared).update(shared=False)
    audit(action="reflection.notes_share", municipality=session.municipality)
    return len(shared)


# --- shared answers, actions, follow-up --------------------------------------------


def _shared_phase(session: Session) -> None:
    if session.phase != Phase.SHARED:
        raise ValidationError(_("Det kan kun gøres i fasen med fælles svar."))


@transaction.atomic
def answers_record(
    *, session: Session, actor: Any, answers: dict[int, str]
) -> list[Question]:
    """Record the team's shared answer to each question: ``{question id: text}``."""
    _shared_phase(session)
    questions = {q.pk: q for q in Question.objects.filter(session=session)}
    if set(answers) - set(questions):
        raise ValidationError(_("Ukendt spørgsmål."))
    changed = []
    for question_id, text in answers.items():
        question = questions[question_id]
        question.shared_answer = _text(text)
        question.full_clean()
        changed.append(question)
    Question.objects.bulk_update(changed, ["shared_answer"])
    audit(
        action="reflection.answers_record",
        actor=actor,
        municipality=session.municipality,
        target=session,
    )
    return changed


@transaction.atomic
def action_add(
    *, session: Session, actor: Any, text: str, owner: Any, due: date
) -> Action:
    """An agreed action with an owner from the team and a date; the owner is told."""
    _shared_phase(session)
    if owner is None or owner.pk not in {u.pk for u in team_members(session)}:
        raise ValidationError(
            {"owner": _("Vælg en ansvarlig fra teamet.")}, code="owner"
        )
    action = Action(
        municipality=session.municipality,
        session=session,
        text=_line(text),
        owner=owner,
        due=due,
    )
    action.full_clean()
    action.save()
    audit(
        action="reflection.action_add",
        actor=actor,
        municipality=session.municipality,
        target=session,
    )
    url = session.get_absolute_url()
    transaction.on_commit(
        lambda: notify(
            recipient=owner,
            municipality=session.municipality,
            kind="reflection.action_owner",
            title=lambda: (
                _("Du er ansvarlig for en handling fra %(title)s")
                % {"title": session.title}
            ),
            body=action.text,
            url=url,
        )
    )
    return action


@transaction.atomic
def action_remove(*, action: Action, actor: Any) -> None:
    _shared_phase(action.session)
    audit(
        action="reflection.action_remove",
        actor=actor,
        municipality=action.municipality,
        target=action.session,
    )
    action.delete()


STATUS_AFTER = {
    Outcome.DONE: ActionStatus.DONE,
    Outcome.CONTINUED: ActionStatus.OPEN,
    Outcome.DROPPED: ActionStatus.DROPPED,
}


@transaction.atomic
def follow_up_record(
    *,
    session: Session,
    actor: Any,
    outcomes: dict[int, tuple[str, str]],
) -> list[FollowUp]:
    """Record, for earlier actions of the team, how this session followed them
    up: ``{action id: (outcome, note)}``. Only the actions the session lists
    (see ``selectors.follow_up``), and not once it is closed."""
    if session.is_closed:
        raise ValidationError(_("Sessionen er afsluttet."))
    if not outcomes:
        raise ValidationError(_("Angiv udfaldet for mindst én handling."))
    listed = {item.action.pk: item for item in follow_up(session=session)}
    if set(outcomes) - set(listed):
        raise ValidationError(_("Handlingen hører ikke til teamets opfølgning."))
    valid = {o.value for o in Outcome}
    saved = []
    for action_id, (outcome, note) in outcomes.items():
        if outcome not in valid:
            raise ValidationError(_("Vælg udført, fortsætter eller droppet."))
        item = listed[action_id]
        record = item.this_session or FollowUp(action=item.action, session=session)
        record.outcome = outcome
        record.note = _line(note)
        record.recorded_by = _person(actor)
        record.full_clean(validate_unique=False, validate_constraints=False)
        item.action.status = STATUS_AFTER[Outcome(outcome)]
        saved.append((record, item.action))
    for record, action in saved:
        record.save()
        action.save(update_fields=["status"])
    audit(
        action="reflection.follow_up_record",
        actor=actor,
        municipality=session.municipality,
        target=session,
        data={"actions": sorted(outcomes)},
    )
    return [record for record, _action in saved]
