"""Every write of the language check: the municipality's own entries, and the
monthly counts a check adds to. The checked text itself is never written."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.utils import timezone

from faelles.core.audit import audit
from faelles.core.services import check_fields
from faelles.languagecheck import Result
from faelles.municipalities.models import Municipality
from faelles.organisations.models import Organisation

from . import lexicon
from .models import MonthlyChecks, MonthlyTerm, OwnEntry
from .selectors import checker_for_municipality

ENTRY_FIELDS = ("kind", "term", "paradigm", "reason", "reason_en", "suggestions")


def _clean(entry: OwnEntry) -> None:
    if entry.kind == OwnEntry.Kind.NAME:  # a name has no reason or suggestions
        entry.paradigm = entry.reason = entry.reason_en = entry.suggestions = ""
        entry.compounds = False
    entry.term = " ".join(entry.term.split())
    entry.suggestions = "\n".join(entry.suggestion_list)
    entry.clean_fields()  # choices and lengths first, then what the engine needs
    lexicon.validate(entry)
    entry.full_clean()


@transaction.atomic
def entry_create(
    *,
    municipality: Municipality,
    actor: Any,
    kind: str,
    term: str,
    paradigm: str = "",
    reason: str = "",
    reason_en: str = "",
    suggestions: str = "",
    compounds: bool = False,
) -> OwnEntry:
    entry = OwnEntry(
        municipality=municipality,
        kind=kind,
        term=term,
        paradigm=paradigm,
        reason=reason,
        reason_en=reason_en,
        suggestions=suggestions,
        compounds=compounds,
    )
    _clean(entry)
    entry.save()
    audit(
        action="sprogtjek.entry_create",
        actor=actor,
        municipality=municipality,
        target=entry,
        data={"term": entry.term},
    )
    return entry


@transaction.atomic
def entry_update(*, entry: OwnEntry, actor: Any, **fields: Any) -> OwnEntry:
    check_fields(fields, {*ENTRY_FIELDS, "compounds"}, what="entry fields")
    for name, value in fields.items():
        setattr(entry, name, value)
    _clean(entry)
    entry.save()
    audit(
        action="sprogtjek.entry_update",
        actor=actor,
        municipality=entry.municipality,
        target=entry,
        data={"term": entry.term},
    )
    return entry


@transaction.atomic
def entry_delete(*, entry: OwnEntry, actor: Any) -> None:
    audit(
        action="sprogtjek.entry_delete",
        actor=actor,
        municipality=entry.municipality,
        target=entry,
        data={"term": entry.term},
    )
    entry.delete()


def _add(
    model: type[Model],
    lookup: dict[str, Any],
    field: str,
    n: int,
    defaults: dict[str, Any] | None = None,
) -> None:
    """Add ``n`` to a counter row, creating it if it is the month's first."""
    rows = model._default_manager.filter(**lookup)
    if rows.update(**{field: F(field) + n}):
        return
    try:
        with transaction.atomic():  # a savepoint: a racing first row is fine
            row = model(**lookup, **(defaults or {}), **{field: n})
            row.full_clean(validate_unique=False, validate_constraints=False)
            row.save()
    except IntegrityError:
        rows.update(**{field: F(field) + n})


@transaction.atomic
def check_record(
    *,
    municipality: Municipality,
    department: Organisation | None,
    result: Result,
    now: datetime | None = None,
) -> None:
    """Count one check for the department's month: one more check, and how often
    each term was found. Nothing about the person or the text is kept; a person
    without a department is not counted (there is no group to count them in)."""
    if department is None:
        return
    if department.municipality_id != municipality.pk:
        raise ValidationError("the department belongs to another municipality")
    today = timezone.localdate(now or timezone.now())
    month = date(today.year, today.month, 1)
    where = {"municipality": municipality, "department": department, "month": month}
    _add(MonthlyChecks, where, "checks", 1)
    found = Counter(f.term[:80] for f in result.findings)
    paradigm = {f.term[:80]: f.paradigm for f in result.findings}
    for term, n in sorted(found.items()):
        _add(
            MonthlyTerm,
            {**where, "term": term},
            "findings",
            n,
            defaults={"paradigm": paradigm[term]},
        )
    audit(action="sprogtjek.check", municipality=municipality)


def text_check(
    *,
    municipality: Municipality,
    department: Organisation | None,
    text: str,
    lang: str = "da",
) -> Result:
    """Check ``text`` with the shipped lexicon and the municipality's own entries,
    and count the check for the department's statistics."""
    result = checker_for_municipality(municipality).check(text, lang=lang)
    check_record(municipality=municipality, department=department, result=result)
    return result
