"""Every write of cross-department teams: creating and changing a team, the
open call and its answers, the team's space (messages, files, tasks) and
closing with an evaluation. Each refuses bad input with ``ValidationError``
and changes nothing."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles.accounts.selectors import membership_for
from faelles.core.audit import audit
from faelles.core.files import document_content_type
from faelles.core.services import check_fields
from faelles.municipalities.models import Municipality
from faelles.notifications.services import notify

from .models import (
    Again,
    Post,
    State,
    Task,
    Team,
    TeamFile,
    TeamMember,
    Volunteer,
    VolunteerStatus,
)

EDITABLE = ("title", "purpose", "task", "call_text", "end_date")


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


def _employee(user: Any, municipality: Municipality, field: str | None = None):
    membership = membership_for(user, municipality)
    if membership is None or not membership.is_employee:
        message = _("Kun kommunens medarbejdere kan være med i et tværgående team.")
        raise ValidationError({field: message} if field else message, code="employee")
    return membership


def _not_closed(team: Team) -> None:
    if team.state == State.CLOSED:
        raise ValidationError(_("Teamet er afsluttet."), code="closed")


def _is_member(team: Team, user: Any) -> bool:
    return TeamMember.objects.filter(team=team, user=user).exists()


def _check_link(municipality: Municipality, initiative: Any, follow_up: Any) -> None:
    if initiative is not None and follow_up is not None:
        raise ValidationError(
            _("Vælg enten et initiativ eller en opfølgning – ikke begge."),
            code="link",
        )
    for name, obj in (("initiative", initiative), ("follow_up", follow_up)):
        if obj is not None and obj.municipality_id != municipality.pk:
            raise ValidationError({name: _("Vælg en af kommunens egne.")}, code=name)


# --- the team ----------------------------------------------------------------------


@transaction.atomic
def team_create(
    *,
    municipality: Municipality,
    actor: Any,
    title: str,
    purpose: str,
    end_date: date,
    start_date: date | None = None,
    initiative: Any = None,
    follow_up: Any = None,
    task: str = "",
    call_text: str = "",
    now: datetime | None = None,
) -> Team:
    """A team owned by the creator's department, with the creator as its
    leader and first member; its call for volunteers is open."""
    membership = _employee(actor, municipality)
    if membership.department_id is None:
        raise ValidationError(
            _(
                "Du er ikke tilknyttet en afdeling. Bed en administrator om at "
                "sætte din afdeling på din profil i kommunen."
            ),
            code="department",
        )
    now = now or timezone.now()
    start_date = start_date or timezone.localdate(now)
    if end_date < start_date:
        raise ValidationError(
            {"end_date": _("Slutdatoen skal ligge efter starten.")}, code="end_date"
        )
    _check_link(municipality, initiative, follow_up)
    team = Team(
        municipality=municipality,
        title=_line(title),
        purpose=_text(purpose),
        initiative=initiative,
        follow_up=follow_up,
        task=_line(task),
        call_text=_line(call_text),
        department_id=membership.department_id,
        leader=actor,
        start_date=start_date,
        end_date=end_date,
        created_at=now,
        updated_at=now,
    )
    if not (team.initiative or team.follow_up or team.task):
        raise ValidationError(
            {
                "task": _(
                    "Skriv hvilken opgave teamet løser, eller vælg et initiativ "
                    "eller en opfølgning."
                )
            },
            code="task",
        )
    team.full_clean()
    team.save()
    TeamMember.objects.create(
        team=team, user=actor, department_id=membership.department_id, joined_at=now
    )
    audit(
        action="teams.team_create",
        actor=actor,
        municipality=municipality,
        target=team,
        now=now,
    )
    return team


@transaction.atomic
def team_update(
    *, team: Team, actor: Any, fields: dict[str, Any], now: datetime | None = None
) -> Team:
    check_fields(fields, EDITABLE)
    _not_closed(team)
    team = Team.objects.select_for_update().get(pk=team.pk)
    for name, value in fields.items():
        if name in ("title", "task", "call_text"):
            value = _line(value)
        elif name == "purpose":
            value = _text(value)
        setattr(team, name, value)
    if team.end_date < team.start_date:
        raise ValidationError(
            {"end_date": _("Slutdatoen skal ligge efter starten.")}, code="end_date"
        )
    if not (team.initiative_id or team.follow_up_id or team.task):
        raise ValidationError(
            {"task": _("Skriv hvilken opgave teamet løser.")}, code="task"
        )
    team.updated_at = now or timezone.now()
    team.full_clean()
    team.save()
    audit(
        action="teams.team_update",
        actor=actor,
        municipality=team.municipality,
        target=team,
    )
    return team


@transaction.atomic
def team_start(*, team: Team, actor: Any, now: datetime | None = None) -> Team:
    """From forming to active: the team has begun its work. The call may stay
    open."""
    if team.state != State.FORMING:
        raise ValidationError(_("Teamet er allerede i gang."), code="state")
    team.state = State.ACTIVE
    team.updated_at = now or timezone.now()
    team.save(update_fields=["state", "updated_at"])
    audit(
        action="teams.team_start",
        actor=actor,
        municipality=team.municipality,
        target=team,
        now=now,
    )
    return team


@transaction.atomic
def call_set(*, team: Team, actor: Any, is_open: bool) -> Team:
    _not_closed(team)
    team.call_open = is_open
    team.updated_at = timezone.now()
    team.save(update_fields=["call_open", "updated_at"])
    audit(
        action="teams.call_open" if is_open else "teams.call_close",
        actor=actor,
        municipality=team.municipality,
        target=team,
    )
    return team


@transaction.atomic
def team_close(
    *,
    team: Team,
    actor: Any,
    worked: str,
    did_not_work: str,
    again: str,
    share: bool,
    now: datetime | None = None,
) -> Team:
    """Close the team with its evaluation, shared to the learning library if
    ``share``. Volunteers still waiting are told the team has closed."""
    _not_closed(team)
    now = now or timezone.now()
    worked, did_not_work = _text(worked), _text(did_not_work)
    errors: dict[str, str] = {}
    if not worked:
        errors["worked"] = _("Skriv kort, hvad der virkede.")
    if not did_not_work:
        errors["did_not_work"] = _("Skriv kort, hvad der ikke virkede.")
    if again not in Again.values:
        errors["again"] = _("Svar på, om I ville gøre det igen.")
    if errors:
        raise ValidationError(errors, code="evaluation")
    team.state = State.CLOSED
    team.call_open = False
    team.worked = worked
    team.did_not_work = did_not_work
    team.again = again
    team.closed_at = now
    team.updated_at = now
    team.evaluation_shared_at = now if share else None
    team.full_clean()
    team.save()
    waiting = list(
        team.volunteers.filter(status=VolunteerStatus.PENDING).select_related("user")
    )
    Volunteer.objects.filter(pk__in=[v.pk for v in waiting]).update(
        status=VolunteerStatus.DECLINED, answered_at=now
    )
    audit(
        action="teams.team_close",
        actor=actor,
        municipality=team.municipality,
        target=team,
        now=now,
    )
    url, title = team.get_absolute_url(), team.title

    def send() -> None:
        for volunteer in waiting:
            notify(
                recipient=volunteer.user,
                municipality=team.municipality,
                kind="teams.answer",
                title=lambda: _("Teamet %(title)s er afsluttet") % {"title": title},
                body=lambda: _("Tak fordi du bød ind. Teamet nåede at slutte."),
                url=url,
            )

    transaction.on_commit(send)
    return team


# --- the open call --------------------------------------------------------------------


@transaction.atomic
def volunteer_offer(
    *, team: Team, user: Any, motivation: str, now: datetime | None = None
) -> Volunteer:
    """An employee volunteers ("Jeg byder ind"); the leader is told. One who
    was declined earlier may offer again."""
    _employee(user, team.municipality)
    if not team.takes_volunteers:
        raise ValidationError(_("Teamet søger ikke frivillige lige nu."), code="call")
    if _is_member(team, user):
        raise ValidationError(_("Du er allerede med i teamet."), code="member")
    motivation = _text(motivation)
    if not motivation:
        raise ValidationError(
            {"motivation": _("Skriv kort, hvad du kan bidrage med.")},
            code="motivation",
        )
    now = now or timezone.now()
    volunteer = Volunteer.objects.filter(team=team, user=user).first()
    if volunteer is not None and volunteer.status == VolunteerStatus.PENDING:
        raise ValidationError(
            _("Du har allerede budt ind. Teamlederen svarer dig."), code="pending"
        )
    if volunteer is None:
        volunteer = Volunteer(team=team, user=user)
    volunteer.motivation = motivation
    volunteer.status = VolunteerStatus.PENDING
    volunteer.answer = ""
    volunteer.answered_at = None
    volunteer.created_at = now
    volunteer.full_clean()
    volunteer.save()
    audit(
        action="teams.volunteer",
        actor=user,
        municipality=team.municipality,
        target=team,
    )
    leader, url, title = team.leader, team.get_absolute_url(), team.title
    name = str(user)
    transaction.on_commit(
        lambda: notify(
            recipient=leader,
            municipality=team.municipality,
            kind="teams.volunteer",
            title=lambda: (
                _("%(name)s byder ind på teamet %(title)s")
                % {"name": name, "title": title}
            ),
            body=motivation,
            url=url + "#frivillige",
        )
    )
    return volunteer


@transaction.atomic
def volunteer_answer(
    *,
    volunteer: Volunteer,
    actor: Any,
    accept: bool,
    answer: str = "",
    now: datetime | None = None,
) -> Volunteer:
    """The leader accepts (the volunteer becomes a member, with their
    department) or declines; the volunteer is told either way."""
    team = volunteer.team
    _not_closed(team)
    volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    if volunteer.status != VolunteerStatus.PENDING:
        raise ValidationError(_("Der er allerede svaret."), code="answered")
    now = now or timezone.now()
    volunteer.status = VolunteerStatus.ACCEPTED if accept else VolunteerStatus.DECLINED
    volunteer.answer = _line(answer)
    volunteer.answered_at = now
    volunteer.full_clean()
    volunteer.save()
    if accept:
        membership = membership_for(volunteer.user, team.municipality)
        TeamMember.objects.get_or_create(
            team=team,
            user=volunteer.user,
            defaults={
                "department_id": membership.department_id if membership else None,
                "joined_at": now,
            },
        )
    audit(
        action="teams.volunteer_accept" if accept else "teams.volunteer_decline",
        actor=actor,
        municipality=team.municipality,
        target=team,
        now=now,
    )
    recipient, url, title = volunteer.user, team.get_absolute_url(), team.title
    text = volunteer.answer

    def heading() -> str:
        if accept:
            return _("Du er med i teamet %(title)s") % {"title": title}
        return _("Teamet %(title)s har ikke plads denne gang") % {"title": title}

    def send() -> None:
        notify(
            recipient=recipient,
            municipality=team.municipality,
            kind="teams.answer",
            title=heading,
            body=text,
            url=url,
        )

    transaction.on_commit(send)
    return volunteer


@transaction.atomic
def member_leave(*, team: Team, user: Any) -> None:
    _not_closed(team)
    if team.leader_id == user.pk:
        raise ValidationError(
            _("Teamlederen kan ikke forlade teamet. Afslut det i stedet."),
            code="leader",
        )
    deleted, _rows = TeamMember.objects.filter(team=team, user=user).delete()
    if not deleted:
        raise ValidationError(_("Du er ikke med i teamet."), code="member")
    Volunteer.objects.filter(team=team, user=user).delete()
    audit(
        action="teams.member_leave",
        actor=user,
        municipality=team.municipality,
        target=team,
    )


# --- the team's space ---------------------------------------------------------------


@transaction.atomic
def post_create(
    *, team: Team, author: Any, body: str, now: datetime | None = None
) -> Post:
    _not_closed(team)
    post = Post(
        team=team, author=author, body=_text(body), created_at=now or timezone.now()
    )
    if not post.body:
        raise ValidationError({"body": _("Skriv en besked.")}, code="body")
    post.full_clean()
    post.save()
    audit(
        action="teams.post",
        actor=author,
        municipality=team.municipality,
        target=team,
    )
    return post


@transaction.atomic
def file_upload(
    *, team: Team, actor: Any, title: str, upload: Any, now: datetime | None = None
) -> TeamFile:
    _not_closed(team)
    content_type = document_content_type(upload)
    shared = TeamFile(
        team=team,
        uploaded_by=actor,
        title=_line(title) or upload.name,
        file=upload,
        content_type=content_type,
        size=upload.size,
        created_at=now or timezone.now(),
    )
    shared.title = shared.title[:150]
    shared.full_clean()
    shared.save()
    audit(
        action="teams.file_upload",
        actor=actor,
        municipality=team.municipality,
        target=team,
    )
    return shared


@transaction.atomic
def task_add(
    *,
    team: Team,
    actor: Any,
    title: str,
    owner: Any,
    due: date,
    now: datetime | None = None,
) -> Task:
    """A task owned by one of the team's members, who is told."""
    _not_closed(team)
    if owner is None or not _is_member(team, owner):
        raise ValidationError(
            {"owner": _("Vælg en af teamets medlemmer.")}, code="owner"
        )
    task = Task(
        municipality=team.municipality,
        team=team,
        title=_line(title),
        owner=owner,
        due=due,
        created_at=now or timezone.now(),
    )
    task.full_clean()
    task.save()
    audit(
        action="teams.task_add",
        actor=actor,
        municipality=team.municipality,
        target=team,
        now=now,
    )
    if owner.pk != getattr(actor, "pk", None):
        url, team_title, text = team.get_absolute_url(), team.title, task.title
        transaction.on_commit(
            lambda: notify(
                recipient=owner,
                municipality=team.municipality,
                kind="teams.task",
                title=lambda: (
                    _("Du har fået en opgave i teamet %(title)s")
                    % {"title": team_title}
                ),
                body=text,
                url=url + "#opgaver",
            )
        )
    return task


@transaction.atomic
def task_set_done(
    *, task: Task, actor: Any, done: bool, now: datetime | None = None
) -> Task:
    _not_closed(task.team)
    task.done = done
    task.done_at = (now or timezone.now()) if done else None
    task.save(update_fields=["done", "done_at"])
    audit(
        action="teams.task_done" if done else "teams.task_reopen",
        actor=actor,
        municipality=task.municipality,
        target=task.team,
        now=now,
    )
    return task
