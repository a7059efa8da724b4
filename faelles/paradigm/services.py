"""Every write of the paradigm self-assessment: opening and closing a round, a
person's own placements, and the placements the group agreed on."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles.core.audit import audit
from faelles.municipalities.models import Municipality
from faelles.organisations.models import Organisation

from .models import Agreement, Answer, Assessment
from .table import BY_KEY, ROW_KEYS, STEPS


def _step(value: Any) -> int:
    try:
        step = int(value)
    except (TypeError, ValueError):
        step = -1
    if step not in STEPS:
        raise ValidationError(_("Vælg en placering mellem 1,0 og 3,0."))
    return step


def _rows(given: dict[str, Any]) -> None:
    unknown = sorted(set(given) - set(ROW_KEYS))
    if unknown:
        raise ValidationError(
            _("Ukendt række i tabellen: %(rows)s.") % {"rows": ", ".join(unknown)}
        )


@transaction.atomic
def assessment_open(
    *,
    municipality: Municipality,
    department: Organisation,
    title: str,
    actor: Any,
    now: datetime | None = None,
) -> Assessment:
    """Open a round for ``department`` (a department of ``municipality``)."""
    if (
        department.municipality_id != municipality.pk
        or department.kind != Organisation.Kind.DEPARTMENT
    ):
        raise ValidationError(
            {"department": _("Vælg en af kommunens afdelinger.")}, code="department"
        )
    assessment = Assessment(
        municipality=municipality,
        department=department,
        title=" ".join((title or "").split()),
        opened_by=actor if getattr(actor, "is_authenticated", False) else None,
        opened_at=now or timezone.now(),
    )
    assessment.full_clean()
    assessment.save()
    audit(
        action="paradigm.assessment_open",
        actor=actor,
        municipality=municipality,
        target=assessment,
        now=now,
    )
    return assessment


@transaction.atomic
def assessment_close(
    *, assessment: Assessment, actor: Any, now: datetime | None = None
) -> Assessment:
    """Close the round: no one changes their own placements any more."""
    if not assessment.is_open:
        raise ValidationError(_("Runden er allerede lukket."))
    assessment.closed_at = now or timezone.now()
    assessment.full_clean()
    assessment.save(update_fields=["closed_at"])
    audit(
        action="paradigm.assessment_close",
        actor=actor,
        municipality=assessment.municipality,
        target=assessment,
        now=now,
    )
    return assessment


@transaction.atomic
def assessment_reopen(*, assessment: Assessment, actor: Any) -> Assessment:
    if assessment.is_open:
        raise ValidationError(_("Runden er allerede åben."))
    assessment.closed_at = None
    assessment.full_clean()
    assessment.save(update_fields=["closed_at"])
    audit(
        action="paradigm.assessment_reopen",
        actor=actor,
        municipality=assessment.municipality,
        target=assessment,
    )
    return assessment


@transaction.atomic
def answers_save(
    *,
    assessment: Assessment,
    user: Any,
    steps: dict[str, Any],
    notes: dict[str, str] | None = None,
) -> list[Answer]:
    """Save the person's own placement on every row (and an optional note),
    replacing their earlier ones. All rows or nothing."""
    notes = notes or {}
    _rows(steps)
    _rows(notes)
    if not assessment.is_open:
        raise ValidationError(_("Runden er lukket; placeringerne kan ikke ændres."))
    missing = [key for key in ROW_KEYS if key not in steps]
    if missing:
        raise ValidationError(_("Placér jeres praksis på alle rækker i tabellen."))
    existing = {
        a.row: a for a in Answer.objects.filter(assessment=assessment, user=user)
    }
    saved = []
    for key in ROW_KEYS:
        answer = existing.get(key) or Answer(assessment=assessment, user=user, row=key)
        answer.step = _step(steps[key])
        answer.note = " ".join((notes.get(key) or "").split())
        answer.full_clean(validate_unique=False, validate_constraints=False)
        saved.append(answer)
    for answer in saved:
        answer.save()
    audit(action="paradigm.answers_save", municipality=assessment.municipality)
    return saved


@transaction.atomic
def agreement_record(
    *,
    assessment: Assessment,
    actor: Any,
    agreed: dict[str, tuple[Any, str]],
) -> list[Agreement]:
    """Record the placements the group agreed on: ``{row: (step, reason)}``.
    Rows not given keep what was recorded before (or stay without agreement)."""
    _rows(agreed)
    if not agreed:
        raise ValidationError(_("Angiv en fælles placering for mindst én række."))
    existing = {a.row: a for a in Agreement.objects.filter(assessment=assessment)}
    saved = []
    for key in ROW_KEYS:
        if key not in agreed:
            continue
        step, reason = agreed[key]
        reason = " ".join((reason or "").split())
        if not reason:
            raise ValidationError(
                _("Skriv kort, hvorfor I placerer jer her (%(row)s).")
                % {"row": BY_KEY[key].label}
            )
        agreement = existing.get(key) or Agreement(assessment=assessment, row=key)
        agreement.step = _step(step)
        agreement.reason = reason
        agreement.recorded_by = (
            actor if getattr(actor, "is_authenticated", False) else None
        )
        agreement.full_clean(validate_unique=False, validate_constraints=False)
        saved.append(agreement)
    for agreement in saved:
        agreement.save()
    audit(
        action="paradigm.agreement_record",
        actor=actor,
        municipality=assessment.municipality,
        target=assessment,
        data={"rows": [a.row for a in saved]},
    )
    return saved
