"""Every write about movements: pledges, logged actions, teams.

Totals on the movement, the pledge and the team are denormalised; each write locks
the movement row so concurrent pledges keep them exact.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles.accounts.models import User
from faelles.accounts.rules import is_staff_member
from faelles.core.audit import audit
from faelles.notifications.services import notify
from faelles.participation.models import Rung
from faelles.participation.services import record_participation

from .models import Movement, MovementAction, MovementTeam, Pledge

MILESTONES = (25, 50, 75, 100)


def _milestone(movement: Movement, what: str, before, after) -> None:
    """Tell the leader when the pledged or achieved total passes a quarter of the
    target (once per quarter: the notification is de-duplicated)."""
    if movement.leader_id is None or not movement.target:
        return
    passed = [
        m for m in MILESTONES if before * 100 < m * movement.target <= after * 100
    ]
    if not passed:
        return
    percent = passed[-1]
    values = {"title": movement.title, "percent": percent}

    def title():
        if what == "achieved":
            return _("%(title)s: I har nået %(percent)s %% af målet") % values
        return _("%(title)s: der er lovet %(percent)s %% af målet") % values

    leader, url = movement.leader, movement.get_absolute_url()
    transaction.on_commit(
        lambda: notify(
            recipient=leader,
            municipality=movement.municipality,
            kind=f"movements.{what}_milestone",
            title=title,
            url=url,
            dedupe_key=f"movement-{what}:{movement.pk}:{percent}",
        )
    )


@transaction.atomic
def movement_create(
    *,
    municipality,
    actor,
    title: str,
    description: str,
    goal: str,
    led_by: str,
    unit: str,
    target: Decimal,
    organisation=None,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> Movement:
    movement = Movement(
        municipality=municipality,
        title=title,
        description=description,
        goal=goal,
        led_by=led_by,
        leader=actor,
        organisation=organisation,
        unit=unit,
        target=target,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    movement.full_clean()
    if organisation is not None and organisation.municipality_id != municipality.pk:
        raise ValidationError(_("Foreningen hører til en anden kommune."))
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError(_("Slutdatoen ligger før startdatoen."))
    movement.save()
    audit(
        action="movements.create",
        actor=actor,
        municipality=municipality,
        target=movement,
    )
    if not is_staff_member(actor, municipality):  # staff leading is their work
        record_participation(
            municipality=municipality,
            user=actor,
            action="movements.start",
            rung=Rung.CIVIL_SOCIETY,
            source=movement,
        )
    return movement


@transaction.atomic
def team_create(
    *, movement: Movement, actor, name: str, kind: str, on_leaderboard: bool = False
) -> MovementTeam:
    team = MovementTeam(
        movement=movement, name=name.strip(), kind=kind, on_leaderboard=on_leaderboard
    )
    team.full_clean()
    team.save()
    audit(
        action="movements.team_create",
        actor=actor,
        municipality=movement.municipality,
        target=team,
    )
    return team


@transaction.atomic
def pledge_make(
    *,
    movement: Movement,
    user,
    amount: Decimal,
    text: str = "",
    team: MovementTeam | None = None,
    on_leaderboard: bool = False,
) -> Pledge:
    """Make or change a person's pledge; the movement's pledged total follows."""
    if amount is None or amount <= 0:
        raise ValidationError(_("Angiv et tal større end 0."))
    if team is not None and team.movement_id != movement.pk:
        raise ValidationError(_("Holdet hører ikke til denne bevægelse."))
    locked = Movement.objects.select_for_update().get(pk=movement.pk)
    pledge = Pledge.objects.filter(movement=movement, user=user).first()
    delta = amount - (pledge.amount if pledge else 0)
    if pledge is None:
        pledge = Pledge(movement=movement, user=user)
    old_team_id = pledge.team_id
    pledge.amount = amount
    pledge.text = text.strip()
    pledge.team = team
    pledge.on_leaderboard = on_leaderboard
    pledge.full_clean(validate_constraints=False)
    created = pledge.pk is None
    pledge.save()
    Movement.objects.filter(pk=movement.pk).update(
        pledged_total=F("pledged_total") + delta,
        participant_count=F("participant_count") + (1 if created else 0),
    )
    _milestone(locked, "pledged", locked.pledged_total, locked.pledged_total + delta)
    if not created and old_team_id != pledge.team_id and pledge.achieved:
        if old_team_id is not None:
            MovementTeam.objects.filter(pk=old_team_id).update(
                total=F("total") - pledge.achieved
            )
        if pledge.team_id is not None:
            MovementTeam.objects.filter(pk=pledge.team_id).update(
                total=F("total") + pledge.achieved
            )
    audit(
        action="movements.pledge",
        actor=user,
        municipality=movement.municipality,
        target=pledge,
        data={"amount": str(amount)},
    )
    if created:
        record_participation(
            municipality=movement.municipality,
            user=user,
            action="movements.pledge",
            rung=Rung.CIVIL_SOCIETY,
            source=movement,
        )
    movement.refresh_from_db(
        fields=["pledged_total", "achieved_total", "participant_count"]
    )
    return pledge


@transaction.atomic
def pledge_withdraw(*, movement: Movement, user) -> None:
    Movement.objects.select_for_update().filter(pk=movement.pk).first()
    pledge = Pledge.objects.filter(movement=movement, user=user).first()
    if pledge is None:
        return
    Movement.objects.filter(pk=movement.pk).update(
        pledged_total=F("pledged_total") - pledge.amount,
        participant_count=F("participant_count") - 1,
    )
    audit(
        action="movements.pledge_withdraw",
        actor=user,
        municipality=movement.municipality,
        target=movement,
    )
    pledge.delete()


@transaction.atomic
def pledge_forget(*, user: User) -> None:
    """Account deletion (``gdpr.delete_personal_data``): take back every pledge
    and logged action of the person, and what they added to the movements' and
    teams' totals. Pledging is participation, which the log does not keep; the
    deletion is audited as ``account.delete``."""
    for pledge in Pledge.objects.filter(user=user).select_related("movement"):
        movement = pledge.movement
        Movement.objects.select_for_update().filter(pk=movement.pk).first()
        achieved = (
            MovementAction.objects.filter(movement=movement, user=user).aggregate(
                s=Sum("amount")
            )["s"]
            or 0
        )
        Movement.objects.filter(pk=movement.pk).update(
            pledged_total=F("pledged_total") - pledge.amount,
            achieved_total=F("achieved_total") - achieved,
            participant_count=F("participant_count") - 1,
        )
        if pledge.team_id and pledge.achieved:
            MovementTeam.objects.filter(pk=pledge.team_id).update(
                total=F("total") - pledge.achieved
            )
    Pledge.objects.filter(user=user).delete()
    MovementAction.objects.filter(user=user).delete()


@transaction.atomic
def action_log(
    *,
    movement: Movement,
    user,
    amount: Decimal,
    description: str,
    done_on: date | None = None,
) -> MovementAction:
    """Log something done; it counts for the person, their team and the movement."""
    if amount is None or amount <= 0:
        raise ValidationError(_("Angiv et tal større end 0."))
    done_on = done_on or timezone.localdate()
    if done_on > timezone.localdate():
        raise ValidationError(_("Datoen ligger i fremtiden."))
    locked = Movement.objects.select_for_update().get(pk=movement.pk)
    pledge = Pledge.objects.filter(movement=movement, user=user).first()
    if pledge is None:
        raise ValidationError(
            _("Giv først et løfte, så tæller det, du gør, med i bevægelsen.")
        )
    action = MovementAction(
        movement=movement,
        user=user,
        team_id=pledge.team_id,
        amount=amount,
        description=description.strip(),
        done_on=done_on,
    )
    action.full_clean()
    action.save()
    Pledge.objects.filter(pk=pledge.pk).update(achieved=F("achieved") + amount)
    if pledge.team_id:
        MovementTeam.objects.filter(pk=pledge.team_id).update(total=F("total") + amount)
    Movement.objects.filter(pk=movement.pk).update(
        achieved_total=F("achieved_total") + amount
    )
    _milestone(
        locked, "achieved", locked.achieved_total, locked.achieved_total + amount
    )
    audit(
        action="movements.action",
        actor=user,
        municipality=movement.municipality,
        target=action,
        data={"amount": str(amount)},
    )
    record_participation(
        municipality=movement.municipality,
        user=user,
        action="movements.action",
        rung=Rung.CIVIL_SOCIETY,
        source=movement,
        occurred_at=timezone.now(),
    )
    return action
