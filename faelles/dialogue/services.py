"""Every write about hearings and debates (docs/dialogue.md).

Keyword-only, atomic, validated with ``full_clean()`` and audited. Comments and
reactions are a person's participation (recorded on the activity ladder, not in
the audit log); moderation and the municipality's work are audited. Services
take ``now`` so the demo can replay a hearing and tests run on a frozen clock;
what the phase permits is asked at that time (``phases.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles.accounts.selectors import membership_for
from faelles.core.audit import audit
from faelles.core.files import document_content_type
from faelles.core.phases import permits
from faelles.municipalities.models import FocusArea, Theme
from faelles.municipalities.themes import (
    check_theme,
    resolve_focus_area,
    resolve_themes,
)
from faelles.notifications.services import notify
from faelles.participation.models import Rung
from faelles.participation.services import record_participation

from .models import (
    AgeBand,
    Answer,
    Appeal,
    Attachment,
    AuthorRole,
    Comment,
    Hearing,
    Kind,
    Paragraph,
    Participant,
    Reaction,
    Report,
    Section,
)

# The activity ladder: taking part in a hearing before a decision is taking part
# in the municipality's leadership (docs/activity-ladder.md).
DIALOGUE_ACTIONS: dict[str, Rung] = {
    "dialogue.comment": Rung.LEADERSHIP,
    "dialogue.react": Rung.LEADERSHIP,
}

HEARING_FIELDS = (
    "kind",
    "title",
    "question",
    "theme",
    "focus_area",
    "announced_at",
    "opens_at",
    "closes_at",
    "initiative",
    "budget_round",
    "committee",
)


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


# --- the draft ----------------------------------------------------------------


@dataclass(frozen=True)
class DraftSection:
    heading: str
    paragraphs: tuple[str, ...]


_HEADING = re.compile(r"^#\s+(.*\S)\s*$")


def parse_draft(text: str) -> list[DraftSection]:
    """Sections from plain text: a line starting with ``#`` is a heading, blank
    lines separate paragraphs. Text before the first heading is a section
    without a heading."""
    sections: list[DraftSection] = []
    heading: str | None = None
    paragraphs: list[str] = []
    lines: list[str] = []

    def end_paragraph() -> None:
        if lines:
            paragraphs.append(" ".join(line.strip() for line in lines))
            lines.clear()

    def end_section() -> None:
        end_paragraph()
        if heading is not None or paragraphs:
            sections.append(DraftSection(heading or "", tuple(paragraphs)))
        paragraphs.clear()

    for raw in text.replace("\r\n", "\n").split("\n"):
        match = _HEADING.match(raw)
        if match:
            end_section()
            heading = match.group(1)
        elif raw.strip():
            lines.append(raw)
        else:
            end_paragraph()
    end_section()
    return sections


def draft_text(hearing: Hearing) -> str:
    """The hearing's sections as the text ``parse_draft`` reads (for editing)."""
    parts = []
    for section in hearing.sections.prefetch_related("paragraphs"):
        if section.heading:
            parts.append(f"# {section.heading}")
        parts.extend(p.text for p in section.paragraphs.all())
    return "\n\n".join(parts)


def _write_draft(hearing: Hearing, text: str) -> None:
    hearing.sections.all().delete()
    for s_pos, parsed in enumerate(parse_draft(text), 1):
        section = Section(hearing=hearing, position=s_pos, heading=parsed.heading)
        section.full_clean()
        section.save()
        for p_pos, body in enumerate(parsed.paragraphs, 1):
            paragraph = Paragraph(section=section, position=p_pos, text=body)
            paragraph.full_clean()
            paragraph.save()


def _check_links(hearing: Hearing) -> None:
    for field in ("initiative", "budget_round", "committee"):
        linked = getattr(hearing, field)
        if linked is not None and linked.municipality_id != hearing.municipality_id:
            raise ValidationError({field: _("Det hører til en anden kommune.")})


def _resolve_themes(municipality, data: dict) -> None:
    """A theme and focus area given as objects or keys become the municipality's
    own (docs/themes.md); another municipality's, or an unknown key, is refused."""
    if "theme" in data:
        value = data["theme"]
        data["theme"] = (
            None if value in (None, "") else resolve_themes(municipality, [value])[0]
        )
    if "focus_area" in data:
        data["focus_area"] = resolve_focus_area(municipality, data["focus_area"])


def _check_theme(hearing: Hearing) -> None:
    """A focus area without a theme files the hearing under the area's theme."""
    municipality = hearing.municipality
    if hearing.focus_area is not None and hearing.theme is None:
        check_theme(municipality, None, hearing.focus_area)
        hearing.theme = hearing.focus_area.theme
    check_theme(municipality, hearing.theme, hearing.focus_area)


# --- hearings -----------------------------------------------------------------


@transaction.atomic
def hearing_create(
    *,
    municipality,
    actor,
    title: str,
    question: str,
    announced_at: datetime,
    opens_at: datetime,
    closes_at: datetime,
    kind: str = Kind.HEARING,
    draft: str = "",
    initiative=None,
    budget_round=None,
    committee=None,
    theme: Theme | str | None = None,
    focus_area: FocusArea | str | None = None,
    now: datetime | None = None,
) -> Hearing:
    """A hearing or debate, filed under ``theme`` (and ``focus_area``) of the
    municipality's strategy; one asking for input to a task committee is filed
    under the committee's theme unless it names its own."""
    filed = {"theme": theme, "focus_area": focus_area}
    _resolve_themes(municipality, filed)
    hearing = Hearing(
        municipality=municipality,
        kind=kind,
        title=title.strip(),
        question=question.strip(),
        announced_at=announced_at,
        opens_at=opens_at,
        closes_at=closes_at,
        initiative=initiative,
        budget_round=budget_round,
        committee=committee,
        created_by=actor,
        created_at=_now(now),
        **filed,
    )
    hearing.full_clean()
    _check_links(hearing)
    if hearing.theme is None and hearing.focus_area is None and committee is not None:
        hearing.theme_id = committee.theme_id
        hearing.focus_area_id = committee.focus_area_id
    _check_theme(hearing)
    hearing.save()
    _write_draft(hearing, draft)
    audit(
        action="dialogue.hearing_create",
        actor=actor,
        municipality=municipality,
        target=hearing,
        now=now,
    )
    return hearing


@transaction.atomic
def hearing_update(
    *,
    hearing: Hearing,
    actor,
    data: dict,
    draft: str | None = None,
    now: datetime | None = None,
) -> Hearing:
    """Change the fields in ``data`` (names from ``HEARING_FIELDS``) and, before
    the hearing opens, the draft. Dates that have passed stay as they were."""
    now = _now(now)
    hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
    unknown = set(data) - set(HEARING_FIELDS)
    if unknown:
        raise ValueError(f"not a hearing field: {', '.join(sorted(unknown))}")
    opened = hearing.opens_at <= now
    data = dict(data)
    if opened and "opens_at" in data:
        # A form shows minutes: the same minute is the same date.
        if abs(data["opens_at"] - hearing.opens_at) >= timedelta(minutes=1):
            raise ValidationError(
                {"opens_at": _("Høringen er åbnet; datoen kan ikke flyttes.")}
            )
        del data["opens_at"]
    _resolve_themes(hearing.municipality, data)
    if draft is not None and opened and draft.strip() != draft_text(hearing).strip():
        raise ValidationError(
            {
                "draft": _(
                    "Teksten kan ikke ændres, når høringen er åbnet: kommentarerne "
                    "peger på dens afsnit."
                )
            }
        )
    for name, value in data.items():
        setattr(hearing, name, value.strip() if isinstance(value, str) else value)
    hearing.full_clean()
    _check_links(hearing)
    _check_theme(hearing)
    hearing.save()
    if draft is not None and not opened:
        _write_draft(hearing, draft)
    audit(
        action="dialogue.hearing_update",
        actor=actor,
        municipality=hearing.municipality,
        target=hearing,
        data={"fields": sorted(data)},
    )
    return hearing


@transaction.atomic
def attachment_add(*, hearing: Hearing, actor, title: str, upload) -> Attachment:
    content_type = document_content_type(upload)
    attachment = Attachment(
        hearing=hearing,
        title=title.strip() or upload.name,
        file=upload,
        content_type=content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    attachment.full_clean()
    attachment.save()
    audit(
        action="dialogue.attachment_add",
        actor=actor,
        municipality=hearing.municipality,
        target=hearing,
    )
    return attachment


# --- taking part ----------------------------------------------------------------


def _require_phase(hearing: Hearing, action: str, now: datetime, message: str):
    if not permits(hearing, action, now=now):
        raise ValidationError(message)


def _require_member(hearing: Hearing, user):
    membership = membership_for(user, hearing.municipality)
    if membership is None:
        raise ValidationError(_("Du skal være medlem af kommunen for at deltage."))
    return membership


def _participant(
    hearing: Hearing,
    user,
    now: datetime,
    *,
    postcode: str | None = None,
    age_band: str | None = None,
) -> Participant:
    """The person's row in the hearing: made at their first act; what they say
    about area and age (both optional) replaces what was there."""
    participant = Participant.objects.filter(hearing=hearing, user=user).first()
    if participant is None:
        participant = Participant(
            hearing=hearing,
            user=user,
            postcode=user.postcode if postcode is None else postcode,
            first_at=now,
        )
    if postcode is not None:
        participant.postcode = postcode.strip()
    if age_band is not None:
        participant.age_band = age_band
    participant.full_clean(validate_constraints=False)
    participant.save()
    return participant


def _role(membership) -> tuple[str, str]:
    """The badge a comment gets: politicians and employees speak in their role."""
    if membership.is_politician:
        return AuthorRole.POLITICIAN, membership.party
    if membership.is_employee or membership.is_administrator:
        return AuthorRole.EMPLOYEE, membership.job_title
    return AuthorRole.CITIZEN, ""


@transaction.atomic
def comment_create(
    *,
    hearing: Hearing,
    author,
    body: str,
    paragraph: Paragraph | None = None,
    parent: Comment | None = None,
    postcode: str | None = None,
    age_band: str | None = None,
    now: datetime | None = None,
) -> Comment:
    """A comment on the question or a paragraph, or a reply (threads are two
    levels deep: a reply to a reply joins its thread)."""
    now = _now(now)
    membership = _require_member(hearing, author)
    _require_phase(
        hearing,
        "comment",
        now,
        _("Høringen er ikke åben for kommentarer."),
    )
    if paragraph is not None and paragraph.section.hearing_id != hearing.pk:
        raise ValidationError(_("Afsnittet hører ikke til høringen."))
    if parent is not None:
        if parent.hearing_id != hearing.pk:
            raise ValidationError(_("Svaret hører ikke til høringen."))
        if parent.parent is not None:
            parent = parent.parent
        paragraph = parent.paragraph
    if age_band is not None and age_band not in {"", *AgeBand.values}:
        raise ValidationError({"age_band": _("Vælg en aldersgruppe fra listen.")})
    role, detail = _role(membership)
    comment = Comment(
        hearing=hearing,
        paragraph=paragraph,
        parent=parent,
        author=author,
        body=body.strip(),
        author_role=role,
        author_role_detail=detail,
        created_at=now,
    )
    comment.full_clean()
    comment.save()
    Hearing.objects.filter(pk=hearing.pk).update(comment_count=F("comment_count") + 1)
    hearing.comment_count += 1
    if role == AuthorRole.CITIZEN:
        # A politician's or employee's answer is their work, not participation.
        _participant(hearing, author, now, postcode=postcode, age_band=age_band)
        record_participation(
            municipality=hearing.municipality,
            user=author,
            action="dialogue.comment",
            rung=DIALOGUE_ACTIONS["dialogue.comment"],
            source=hearing,
            occurred_at=now,
        )
    audit(
        action="dialogue.comment",
        actor=author,
        municipality=hearing.municipality,
        target=comment,
    )
    if parent is not None and parent.author_id and parent.author_id != author.pk:
        _notify_reply(comment, parent)
    return comment


def _notify_reply(comment: Comment, parent: Comment) -> None:
    hearing = comment.hearing
    url = f"{hearing.get_absolute_url()}#kommentar-{comment.pk}"

    def title() -> str:
        return _("Svar på din kommentar i %(title)s") % {"title": hearing.title}

    recipient = parent.author
    transaction.on_commit(
        lambda: notify(
            recipient=recipient,
            municipality=hearing.municipality,
            kind="dialogue.reply",
            title=title,
            body=comment.body[:300],
            url=url,
        )
    )


@transaction.atomic
def reaction_set(
    *, comment: Comment, user, kind: str, now: datetime | None = None
) -> Reaction | None:
    """React to a comment: one reaction per person; the same reaction again
    takes it back (``None``), another one replaces it."""
    now = _now(now)
    hearing = comment.hearing
    _require_member(hearing, user)
    _require_phase(hearing, "react", now, _("Høringen er ikke åben for reaktioner."))
    if comment.is_hidden:
        raise ValidationError(_("Kommentaren er skjult."))
    if kind not in Reaction.Kind.values:
        raise ValidationError(_("Vælg en af reaktionerne."))
    existing = (
        Reaction.objects.select_for_update().filter(comment=comment, user=user).first()
    )
    if existing is not None and existing.kind == kind:
        existing.delete()
        reaction = None
    elif existing is not None:
        existing.kind = kind
        existing.full_clean()
        existing.save(update_fields=["kind"])
        reaction = existing
    else:
        reaction = Reaction(comment=comment, user=user, kind=kind, created_at=now)
        reaction.full_clean()
        reaction.save()
        _participant(hearing, user, now)
        record_participation(
            municipality=hearing.municipality,
            user=user,
            action="dialogue.react",
            rung=DIALOGUE_ACTIONS["dialogue.react"],
            source=hearing,
            occurred_at=now,
        )
    audit(
        action="dialogue.react",
        actor=user,
        municipality=hearing.municipality,
        target=comment,
    )
    return reaction


# --- moderation -------------------------------------------------------------------


@transaction.atomic
def comment_report(
    *, comment: Comment, reporter, reason: str, now: datetime | None = None
) -> Report:
    now = _now(now)
    hearing = comment.hearing
    _require_member(hearing, reporter)
    _require_phase(hearing, "report", now, _("Høringen kan ikke ses endnu."))
    if comment.author_id == reporter.pk:
        raise ValidationError(_("Du kan ikke anmelde din egen kommentar."))
    if comment.is_hidden:
        raise ValidationError(_("Kommentaren er allerede skjult."))
    if Report.objects.filter(comment=comment, reporter=reporter).exists():
        raise ValidationError(_("Du har allerede anmeldt kommentaren."))
    report = Report(
        comment=comment, reporter=reporter, reason=reason.strip(), created_at=now
    )
    report.full_clean()
    report.save()
    audit(
        action="dialogue.comment_report",
        actor=reporter,
        municipality=hearing.municipality,
        target=comment,
    )
    return report


def _lock(comment: Comment) -> Comment:
    return (
        Comment.objects.select_for_update().select_related("hearing").get(pk=comment.pk)
    )


@transaction.atomic
def comment_hide(
    *, comment: Comment, moderator, reason: str, now: datetime | None = None
) -> Comment:
    """Hide a comment; the reason is shown in its place, and the author is told
    and may appeal."""
    now = _now(now)
    comment = _lock(comment)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Skriv hvorfor kommentaren skjules.")})
    if comment.is_hidden:
        raise ValidationError(_("Kommentaren er allerede skjult."))
    comment.is_hidden = True
    comment.hidden_reason = reason
    comment.hidden_by = moderator
    comment.hidden_at = now
    comment.full_clean()
    comment.save()
    comment.reports.filter(handled_at__isnull=True).update(handled_at=now)
    hearing = comment.hearing
    audit(
        action="dialogue.comment_hide",
        actor=moderator,
        municipality=hearing.municipality,
        target=comment,
        data={"reason": reason},
        now=now,
    )
    if comment.author_id:
        author = comment.author
        url = f"{hearing.get_absolute_url()}#kommentar-{comment.pk}"

        def title() -> str:
            return _("Din kommentar i %(title)s er skjult") % {"title": hearing.title}

        def body() -> str:
            return _("Begrundelse: %(reason)s. Du kan klage over afgørelsen.") % {
                "reason": reason
            }

        transaction.on_commit(
            lambda: notify(
                recipient=author,
                municipality=hearing.municipality,
                kind="dialogue.hidden",
                title=title,
                body=body,
                url=url,
            )
        )
    return comment


def _restore(comment: Comment) -> None:
    comment.is_hidden = False
    comment.hidden_reason = ""
    comment.hidden_by = None
    comment.hidden_at = None
    comment.full_clean()
    comment.save()


@transaction.atomic
def comment_restore(*, comment: Comment, moderator, now: datetime | None = None):
    """Show a hidden comment again (a moderator's own second thought)."""
    now = _now(now)
    comment = _lock(comment)
    if not comment.is_hidden:
        raise ValidationError(_("Kommentaren er ikke skjult."))
    _restore(comment)
    comment.appeals.filter(decided_at__isnull=True).update(
        decided_at=now, decided_by=moderator, outcome=Appeal.Outcome.RESTORED
    )
    audit(
        action="dialogue.comment_restore",
        actor=moderator,
        municipality=comment.hearing.municipality,
        target=comment,
        now=now,
    )
    return comment


@transaction.atomic
def comment_dismiss_reports(
    *, comment: Comment, moderator, now: datetime | None = None
) -> int:
    """The reports were unfounded: the comment stays; the queue forgets them."""
    now = _now(now)
    handled = comment.reports.filter(handled_at__isnull=True).update(handled_at=now)
    audit(
        action="dialogue.reports_dismiss",
        actor=moderator,
        municipality=comment.hearing.municipality,
        target=comment,
        now=now,
    )
    return handled


@transaction.atomic
def appeal_create(
    *, comment: Comment, author, text: str, now: datetime | None = None
) -> Appeal:
    now = _now(now)
    comment = _lock(comment)
    if comment.author_id != author.pk:
        raise ValidationError(_("Kun den, der skrev kommentaren, kan klage."))
    if not comment.is_hidden:
        raise ValidationError(_("Kommentaren er ikke skjult."))
    if comment.appeals.filter(decided_at__isnull=True).exists():
        raise ValidationError(_("Din klage er allerede sendt og afventer svar."))
    if comment.appeals.filter(decided_at__gte=comment.hidden_at).exists():
        raise ValidationError(_("Der er allerede truffet afgørelse om din klage."))
    appeal = Appeal(comment=comment, author=author, text=text.strip(), created_at=now)
    appeal.full_clean()
    appeal.save()
    audit(
        action="dialogue.appeal",
        actor=author,
        municipality=comment.hearing.municipality,
        target=comment,
        now=now,
    )
    return appeal


@transaction.atomic
def appeal_decide(
    *,
    appeal: Appeal,
    moderator,
    restore: bool,
    decision: str,
    now: datetime | None = None,
) -> Appeal:
    """Decide an appeal: show the comment again, or keep it hidden. Either way
    the author is told why."""
    now = _now(now)
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if appeal.decided_at is not None:
        raise ValidationError(_("Klagen er allerede afgjort."))
    decision = decision.strip()
    if not decision:
        raise ValidationError({"decision": _("Skriv en begrundelse for afgørelsen.")})
    comment = _lock(appeal.comment)
    if restore and comment.is_hidden:
        _restore(comment)
    appeal.outcome = Appeal.Outcome.RESTORED if restore else Appeal.Outcome.UPHELD
    appeal.decision = decision
    appeal.decided_by = moderator
    appeal.decided_at = now
    appeal.full_clean()
    appeal.save()
    hearing = comment.hearing
    audit(
        action="dialogue.appeal_decide",
        actor=moderator,
        municipality=hearing.municipality,
        target=comment,
        data={"outcome": appeal.outcome},
        now=now,
    )
    author = appeal.author
    url = f"{hearing.get_absolute_url()}#kommentar-{comment.pk}"
    outcome = appeal.outcome

    def title() -> str:
        if outcome == Appeal.Outcome.RESTORED:
            return _("Din kommentar i %(title)s vises igen") % {"title": hearing.title}
        return _("Din kommentar i %(title)s forbliver skjult") % {
            "title": hearing.title
        }

    transaction.on_commit(
        lambda: notify(
            recipient=author,
            municipality=hearing.municipality,
            kind="dialogue.appeal",
            title=title,
            body=decision,
            url=url,
        )
    )
    return appeal


# --- the municipality's answer ------------------------------------------------------


@transaction.atomic
def answer_save(
    *,
    hearing: Hearing,
    actor,
    heard: str,
    changed: str,
    not_changed: str,
    now: datetime | None = None,
) -> Answer:
    """Write or change the answer; it is public only once published."""
    now = _now(now)
    hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
    _require_phase(
        hearing,
        "answer",
        now,
        _("Svaret skrives, når høringen er lukket, og før det er offentliggjort."),
    )
    answer = Answer.objects.filter(hearing=hearing).first() or Answer(hearing=hearing)
    answer.heard = heard.strip()
    answer.changed = changed.strip()
    answer.not_changed = not_changed.strip()
    answer.written_by = actor
    answer.updated_at = now
    answer.full_clean()
    answer.save()
    audit(
        action="dialogue.answer_save",
        actor=actor,
        municipality=hearing.municipality,
        target=hearing,
        now=now,
    )
    return answer


@transaction.atomic
def answer_publish(*, hearing: Hearing, actor, now: datetime | None = None) -> Answer:
    """Publish the answer: the hearing moves to *answered*, and everyone who took
    part is told (after the transaction commits)."""
    now = _now(now)
    hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
    _require_phase(
        hearing, "answer", now, _("Svaret kan offentliggøres, når høringen er lukket.")
    )
    answer = Answer.objects.filter(hearing=hearing).first()
    if answer is None or not answer.heard:
        raise ValidationError(_("Skriv svaret, før det offentliggøres."))
    answer.published_at = now
    answer.save(update_fields=["published_at"])
    hearing.answered_at = now
    hearing.full_clean()
    hearing.save(update_fields=["answered_at"])
    audit(
        action="dialogue.answer_publish",
        actor=actor,
        municipality=hearing.municipality,
        target=hearing,
        now=now,
    )
    participant_ids = list(
        Participant.objects.filter(hearing=hearing).values_list("user_id", flat=True)
    )
    transaction.on_commit(lambda: _notify_answer(hearing, participant_ids))
    return answer


def _notify_answer(hearing: Hearing, user_ids: list[int]) -> None:
    from faelles.accounts.models import User

    url = f"{hearing.get_absolute_url()}#svar"

    def title() -> str:
        return _("Kommunen har svaret på %(title)s") % {"title": hearing.title}

    def body() -> str:
        return _("Læs hvad kommunen hørte, og hvad det ændrede.")

    for user in User.objects.filter(pk__in=user_ids, is_active=True).iterator():
        notify(
            recipient=user,
            municipality=hearing.municipality,
            kind="dialogue.answer",
            title=title,
            body=body,
            url=url,
            dedupe_key=f"dialogue.answer:{hearing.pk}",
        )
