"""Reads of the language check: the municipality's checker and entries, and the
department statistics with small groups suppressed (docs/disclosure.md)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max, QuerySet, Sum
from django.utils import timezone

from faelles.disclosure import THRESHOLD, Table, suppress
from faelles.languagecheck import Checker
from faelles.municipalities.models import Municipality

from .lexicon import checker_for
from .models import MonthlyChecks, MonthlyTerm, OwnEntry

MONTHS = 12  # the statistics page shows the last twelve months


def own_entries(*, municipality: Municipality) -> QuerySet[OwnEntry]:
    return OwnEntry.objects.filter(municipality=municipality).order_by(
        "kind", "term", "id"
    )


def checker_for_municipality(municipality: Municipality) -> Checker:
    """The shipped lexicon with the municipality's own entries; rebuilt only
    when those change (one small query a check to know)."""
    entries = own_entries(municipality=municipality)
    version = entries.aggregate(n=Count("id"), last=Max("updated_at"), top=Max("id"))
    key = (municipality.pk, version["n"], version["last"], version["top"])
    return checker_for(key, entries)


def months_back(today: date, n: int = MONTHS) -> list[date]:
    """The first day of the last ``n`` months, oldest first, this month last."""
    out = []
    year, month = today.year, today.month
    for _ in range(n):
        out.append(date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out[::-1]


@dataclass(frozen=True)
class DepartmentRow:
    name: str
    months: list[int | None]  # checks per month, None where hidden
    total: int | None


@dataclass(frozen=True)
class TermRow:
    term: str
    paradigm: str
    counts: list[int | None]  # findings per shown department (None: none found)


@dataclass(frozen=True)
class Statistics:
    months: list[date]
    rows: list[DepartmentRow]
    hidden: int  # how many figures are hidden
    departments: list[str]  # those whose terms are shown (≥ 5 checks in all)
    terms: list[TermRow]
    threshold: int = THRESHOLD


def statistics(*, municipality: Municipality, today: date | None = None) -> Statistics:
    """Checks per department and month, and terms found per department, over the
    last twelve months. No figure describes fewer than 5 checks, and none can be
    worked out from the others (complementary suppression: a department's total
    and its months); terms are shown only for a department whose checks in the
    period are shown."""
    months = months_back(today or timezone.localdate())
    keys = [m.isoformat() for m in months]
    rows = (
        MonthlyChecks.objects.filter(municipality=municipality, month__gte=months[0])
        .values_list("department_id", "department__name", "month", "checks")
        .order_by()
    )
    names: dict[str, str] = {}
    cells: dict[Hashable, int] = {}  # keys: (department, month or None)
    for department_id, name, month, checks in rows:
        names[str(department_id)] = name
        cells[(str(department_id), month.isoformat())] = checks
    if not cells:
        return Statistics(months, [], 0, [], [])
    # Each department's months and their total. No total over the departments:
    # with one, a small department's month would be the total minus the others,
    # and with two departments hiding it would hide everything.
    relations = []
    for pk in names:
        for key in keys:
            cells.setdefault((pk, key), 0)
        cells[(pk, None)] = sum(cells[(pk, key)] for key in keys)
        relations.append(((pk, None), tuple((pk, key) for key in keys)))
    published = suppress(Table(cells, tuple(relations)), exact_ranges=False).values
    order = sorted(names, key=lambda pk: (names[pk].lower(), pk))
    table = [
        DepartmentRow(
            name=names[pk],
            months=[published[(pk, k)] for k in keys],
            total=published[(pk, None)],
        )
        for pk in order
    ]
    shown = [pk for pk in order if published[(pk, None)] is not None]
    found = (
        MonthlyTerm.objects.filter(
            municipality=municipality,
            month__gte=months[0],
            department_id__in=[int(pk) for pk in shown],
        )
        .values_list("department_id", "term", "paradigm")
        .annotate(n=Sum("findings"))
        .order_by()
    )
    per_term: dict[tuple[str, str], dict[str, int]] = {}
    for department_id, term, paradigm, n in found:
        per_term.setdefault((term, paradigm), {})[str(department_id)] = n
    terms = [
        TermRow(term, paradigm, [by_dep.get(pk) for pk in shown])
        for (term, paradigm), by_dep in sorted(
            per_term.items(), key=lambda item: (-sum(item[1].values()), item[0])
        )
    ]
    return Statistics(
        months=months,
        rows=table,
        hidden=sum(1 for v in published.values() if v is None),
        departments=[names[pk] for pk in shown],
        terms=terms,
    )


@dataclass(frozen=True)
class Segment:
    text: str
    number: int | None = None  # the finding's number (1, 2, …), None between
    paradigm: str = ""


def marked(text: str, findings) -> list[Segment]:
    """The text cut into plain runs and findings, in order, for marking up."""
    out: list[Segment] = []
    at = 0
    for number, finding in enumerate(findings, 1):
        if finding.start > at:
            out.append(Segment(text[at : finding.start]))
        out.append(Segment(text[finding.start : finding.end], number, finding.paradigm))
        at = finding.end
    if at < len(text):
        out.append(Segment(text[at:]))
    return out
