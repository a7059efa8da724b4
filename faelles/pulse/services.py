"""Every write of the pulse and "sig fra".

Answering and raising a concern are written with care for anonymity
(docs/pulse.md, "Anonymity"): the answer and the receipt are two rows with
nothing in common but the round; neither is audited, no participation act is
recorded, and nothing is notified. A concern is stored without the person; the
weekly limit is counted under a keyed hash of person and week.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles.accounts.selectors import membership_for
from faelles.core.audit import audit
from faelles.organisations.selectors import department_tree

from . import results as results_engine
from .instrument import ITEM_KEYS, VALUES
from .models import Concern, ConcernQuota, ConcernStatus, Receipt, Response, Round

CONCERNS_PER_WEEK = 3
MIN_CONCERN_DEPARTMENT = 5  # employees a concern's department must have


# --- rounds -------------------------------------------------------------------


@transaction.atomic
def round_create(
    *,
    municipality,
    actor: Any,
    title: str,
    opens_on: date,
    closes_on: date,
    today: date | None = None,
) -> Round:
    """A round for every employee with a department, who are told at once (in
    the background, after commit) and find it in their workspace while open."""
    today = today or timezone.localdate()
    if closes_on < opens_on:
        raise ValidationError(
            {"closes_on": _("Slutdatoen skal ligge på eller efter startdatoen.")}
        )
    if closes_on < today:
        raise ValidationError({"closes_on": _("Slutdatoen er allerede passeret.")})
    overlapping = Round.objects.filter(
        municipality=municipality,
        closed_on__isnull=True,
        opens_on__lte=closes_on,
        closes_on__gte=opens_on,
    )
    if overlapping.exists():
        raise ValidationError(
            _("Der er allerede en pulsmåling i den periode. Vælg andre datoer.")
        )
    round_ = Round(
        municipality=municipality,
        title=title.strip(),
        opens_on=opens_on,
        closes_on=closes_on,
        created_by=actor,
    )
    round_.full_clean()
    round_.save()
    audit(
        action="pulse.round_create",
        actor=actor,
        municipality=municipality,
        target=round_,
    )
    if closes_on >= timezone.localdate():  # not for history (the demo's)
        _announce_after_commit(round_)
    return round_


def _announce_after_commit(round_: Round) -> None:
    from .tasks import announce_round

    transaction.on_commit(lambda: announce_round.enqueue(round_.pk))


@transaction.atomic
def round_close(*, round_: Round, actor: Any, today: date | None = None) -> Round:
    """Close an open round before its last day; its results are computed now."""
    today = today or timezone.localdate()
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if round_.is_closed(today):
        raise ValidationError(_("Pulsmålingen er allerede lukket."))
    round_.closed_on = max(today, round_.opens_on)
    round_.save(update_fields=["closed_on"])
    audit(
        action="pulse.round_close",
        actor=actor,
        municipality=round_.municipality,
        target=round_,
    )
    return round_results(round_=round_, today=today)


def round_results(*, round_: Round, today: date | None = None) -> Round:
    """The round's stored results, computed (once) if it is closed and has none.

    The department tree is the one of the moment of computing; later changes
    to the tree do not change a published round.
    """
    today = today or timezone.localdate()
    if round_.results is not None or not round_.is_closed(today):
        return round_
    with transaction.atomic():
        locked = Round.objects.select_for_update().get(pk=round_.pk)
        if locked.results is None:
            responses = Response.objects.filter(round=locked).values_list(
                "department_id", "answers"
            )
            locked.results = results_engine.compute(
                department_tree(locked.municipality), responses.iterator()
            )
            locked.save(update_fields=["results"])
    round_.results = locked.results
    return round_


# --- answering ----------------------------------------------------------------


def _clean_answers(answers: Mapping[str, Any]) -> dict[str, int]:
    if set(answers) != ITEM_KEYS:
        raise ValidationError(_("Svar på alle spørgsmål, før du sender."))
    cleaned = {}
    for key, value in answers.items():
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = 0
        if number not in VALUES:
            raise ValidationError(
                _("Vælg et af svarene på skalaen for hvert spørgsmål.")
            )
        cleaned[key] = number
    return cleaned


@transaction.atomic
def response_submit(
    *,
    round_: Round,
    user: Any,
    answers: Mapping[str, Any],
    today: date | None = None,
) -> None:
    """Store an answer and a receipt, with nothing that links them.

    Returns nothing: the caller must not hold on to the response. An answer
    cannot be changed afterwards (that would need a link; docs/pulse.md).
    """
    today = today or timezone.localdate()
    membership = membership_for(user, round_.municipality)
    if membership is None or not membership.is_employee or not membership.department_id:
        raise ValidationError(
            _("Kun medarbejdere, der er tilknyttet en afdeling, kan svare.")
        )
    if not round_.is_open(today):
        raise ValidationError(_("Pulsmålingen er ikke åben for svar."))
    cleaned = _clean_answers(answers)
    try:
        with transaction.atomic():
            Receipt.objects.create(round=round_, user=user)
    except IntegrityError:
        raise ValidationError(
            _("Du har allerede svaret på denne pulsmåling.")
        ) from None
    response = Response(
        municipality=round_.municipality,
        round=round_,
        department_id=membership.department_id,
        answers=cleaned,
    )
    response.full_clean()
    response.save(force_insert=True)
    # Not audited, not recorded as participation, not notified: see docs/pulse.md.


# --- "sig fra" ----------------------------------------------------------------


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def quota_key(*, user: Any, municipality, week: date) -> str:
    """A keyed hash of person, municipality and week: the limit's row says
    nobody's name to someone holding only the database."""
    message = f"{user.pk}:{municipality.pk}:{week.isoformat()}".encode()
    secret = f"faelles.pulse.quota:{settings.SECRET_KEY}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def concern_departments(*, municipality) -> QuerySet[Any]:
    """Departments a concern may be about: those with at least 5 employees in
    them and their units (a smaller one would point at someone)."""
    from faelles.accounts.models import Membership
    from faelles.organisations.models import Organisation
    from faelles.organisations.selectors import descendants

    tree = department_tree(municipality)
    staff: dict[int, int] = {}
    for department_id in Membership.objects.filter(
        municipality=municipality, is_employee=True, department__isnull=False
    ).values_list("department_id", flat=True):
        staff[department_id] = staff.get(department_id, 0) + 1
    big = {
        pk
        for pk in tree
        if sum(staff.get(d, 0) for d in descendants(tree, pk)) >= MIN_CONCERN_DEPARTMENT
    }
    return Organisation.objects.filter(municipality=municipality, pk__in=big).order_by(
        "name", "id"
    )


@transaction.atomic
def concern_raise(
    *,
    municipality,
    user: Any,
    title: str,
    body: str,
    department=None,
    today: date | None = None,
) -> Concern:
    """Raise a concern without name; at most ``CONCERNS_PER_WEEK`` a week."""
    today = today or timezone.localdate()
    membership = membership_for(user, municipality)
    if membership is None or not membership.is_employee:
        raise ValidationError(_("Kun kommunens medarbejdere kan sige fra her."))
    if (
        department is not None
        and not concern_departments(municipality=municipality)
        .filter(pk=department.pk)
        .exists()
    ):
        raise ValidationError(
            {
                "department": _(
                    "Vælg en afdeling med mindst 5 medarbejdere, eller ingen."
                )
            }
        )
    week = _monday(today)
    ConcernQuota.objects.filter(municipality=municipality, week__lt=week).delete()
    quota, _created = ConcernQuota.objects.select_for_update().get_or_create(
        key=quota_key(user=user, municipality=municipality, week=week),
        defaults={"municipality": municipality, "week": week},
    )
    if quota.count >= CONCERNS_PER_WEEK:
        raise ValidationError(
            _("Du kan sige fra højst %(n)s gange om ugen. Prøv igen i næste uge.")
            % {"n": CONCERNS_PER_WEEK}
        )
    concern = Concern(
        municipality=municipality,
        department=department,
        title=title.strip(),
        body=body.strip(),
        month=today.replace(day=1),
    )
    concern.full_clean()
    concern.save(force_insert=True)
    quota.count += 1
    quota.save(update_fields=["count"])
    # Not audited (the log would name the person). Leadership finds it in their
    # workspace; no notification is sent at the moment it is raised.
    return concern


@transaction.atomic
def concern_answer(*, concern: Concern, actor: Any, answer: str) -> Concern:
    """Leadership's public answer (may be edited; the newest is shown)."""
    concern = Concern.objects.select_for_update().get(pk=concern.pk)
    if concern.status == ConcernStatus.HIDDEN:
        raise ValidationError(_("En skjult henvendelse kan ikke besvares."))
    concern.answer = answer.strip()
    if not concern.answer:
        raise ValidationError({"answer": _("Skriv ledelsens svar.")})
    concern.status = ConcernStatus.ANSWERED
    concern.answered_by = actor
    concern.answered_at = timezone.now()
    concern.full_clean()
    concern.save()
    audit(
        action="pulse.concern_answer",
        actor=actor,
        municipality=concern.municipality,
        target=concern,
    )
    return concern


@transaction.atomic
def concern_hide(*, concern: Concern, actor: Any, reason: str) -> Concern:
    """Hide abusive content; the reason is kept and shown to leadership."""
    concern = Concern.objects.select_for_update().get(pk=concern.pk)
    concern.hidden_reason = reason.strip()
    if not concern.hidden_reason:
        raise ValidationError(
            {"hidden_reason": _("Skriv, hvorfor henvendelsen skjules.")}
        )
    concern.status = ConcernStatus.HIDDEN
    concern.full_clean()
    concern.save()
    audit(
        action="pulse.concern_hide",
        actor=actor,
        municipality=concern.municipality,
        target=concern,
        data={"reason": concern.hidden_reason},
    )
    return concern
