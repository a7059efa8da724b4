"""Every write of the leaders' goals: a goal, its changes and its follow-up.
Each refuses bad input with ``ValidationError`` and changes nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta
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

from .models import CheckIn, Goal, Status


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


def _check_owner(municipality: Municipality, owner: Any) -> None:
    if owner is None:
        return
    if not Membership.objects.filter(
        user=owner, municipality=municipality, is_employee=True, user__is_active=True
    ).exists():
        raise ValidationError(
            {"owner": _("Den ansvarlige skal være medarbejder i kommunen.")},
            code="owner",
        )


def _notify_owner(goal: Goal, actor: Any) -> None:
    owner = goal.owner
    if owner is None or owner.pk == getattr(actor, "pk", None):
        return
    title, url = goal.title, goal.get_absolute_url()
    transaction.on_commit(
        lambda: notify(
            recipient=owner,
            municipality=goal.municipality,
            kind="leadership.goal_owner",
            title=lambda: _("Du er ansvarlig for målet %(title)s") % {"title": title},
            body=lambda: _(
                "Følg op på målet med jævne mellemrum: hvordan går det, og hvad har "
                "I lært?"
            ),
            url=url,
        )
    )


@transaction.atomic
def goal_create(
    *,
    municipality: Municipality,
    department: Organisation,
    actor: Any,
    title: str,
    description: str,
    success: str,
    target_date: date,
    owner: Any,
    check_in_days: int,
    now: datetime | None = None,
) -> Goal:
    """A new goal for ``department``; its first check-in is due after
    ``check_in_days``."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    if (
        department.municipality_id != municipality.pk
        or department.kind != Organisation.Kind.DEPARTMENT
    ):
        raise ValidationError(_("Enheden hører ikke til kommunens afdelinger."))
    if target_date < today:
        raise ValidationError(
            {"target_date": _("Måldatoen må ikke ligge før i dag.")},
            code="target_date",
        )
    _check_owner(municipality, owner)
    goal = Goal(
        municipality=municipality,
        department=department,
        title=_line(title),
        description=_text(description),
        success=_text(success),
        target_date=target_date,
        owner=owner,
        check_in_days=check_in_days,
        next_check_in_on=today + timedelta(days=check_in_days or 0),
        created_by=_person(actor),
        created_at=now,
    )
    goal.full_clean()
    goal.save()
    audit(
        action="leadership.goal_create",
        actor=actor,
        municipality=municipality,
        target=goal,
        now=now,
    )
    _notify_owner(goal, actor)
    return goal


@transaction.atomic
def goal_update(
    *,
    goal: Goal,
    actor: Any,
    title: str,
    description: str,
    success: str,
    target_date: date,
    owner: Any,
    check_in_days: int,
) -> Goal:
    """Change what the goal is; its history of check-ins stays as it was."""
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    _check_owner(goal.municipality, owner)
    new_owner = owner is not None and owner.pk != goal.owner_id
    goal.title = _line(title)
    goal.description = _text(description)
    goal.success = _text(success)
    goal.target_date = target_date
    goal.owner = owner
    if check_in_days != goal.check_in_days:
        since = goal.last_check_in_on or timezone.localdate(goal.created_at)
        goal.next_check_in_on = since + timedelta(days=check_in_days or 0)
    goal.check_in_days = check_in_days
    goal.full_clean()
    goal.save()
    audit(
        action="leadership.goal_update",
        actor=actor,
        municipality=goal.municipality,
        target=goal,
    )
    if new_owner:
        _notify_owner(goal, actor)
    return goal


@transaction.atomic
def check_in_record(
    *,
    goal: Goal,
    actor: Any,
    day: date,
    status: str,
    note: str,
    learned: str,
    now: datetime | None = None,
) -> CheckIn:
    """A dated follow-up of the goal. The newest check-in sets the goal's status
    and when the next one is due; an older one only joins the history."""
    now = now or timezone.now()
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    if day > timezone.localdate(now):
        raise ValidationError(
            {"date": _("Opfølgningen kan ikke dateres ud i fremtiden.")}, code="date"
        )
    if day < timezone.localdate(goal.created_at):
        raise ValidationError(
            {"date": _("Opfølgningen kan ikke ligge før målet blev sat.")},
            code="date",
        )
    if status not in Status.values:
        raise ValidationError({"status": _("Vælg en status.")}, code="status")
    check_in = CheckIn(
        goal=goal,
        date=day,
        status=status,
        note=_text(note),
        learned=_text(learned),
        author=_person(actor),
    )
    check_in.full_clean()
    check_in.save()
    if goal.last_check_in_on is None or day >= goal.last_check_in_on:
        goal.status = status
        goal.last_check_in_on = day
        goal.next_check_in_on = day + timedelta(days=goal.check_in_days)
        goal.save(
            update_fields=[
                "status",
                "last_check_in_on",
                "next_check_in_on",
                "updated_at",
            ]
        )
    audit(
        action="leadership.check_in",
        actor=actor,
        municipality=goal.municipality,
        target=goal,
        now=now,
    )
    return check_in
