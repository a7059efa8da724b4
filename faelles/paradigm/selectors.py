"""Reads of the paradigm self-assessment. No figure describes fewer than 5
people (``faelles.disclosure.THRESHOLD``), and nothing ever says who placed the
practice where: a person reads only their own answers."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import Count, Exists, OuterRef, QuerySet

from faelles.disclosure import THRESHOLD
from faelles.municipalities.models import Municipality
from faelles.organisations.models import Organisation

from .models import Agreement, Answer, Assessment
from .table import ROWS, STEPS, Row

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


def _agreed() -> Exists:
    return Exists(Agreement.objects.filter(assessment=OuterRef("pk")))


class Respondents(TypedDict):
    respondents: int


def rounds(
    *, municipality: Municipality
) -> QuerySet[WithAnnotations[Assessment, Respondents]]:
    """The municipality's rounds, newest first, each with how many answered."""
    return (
        Assessment.objects.filter(municipality=municipality)
        .select_related("department")
        .annotate(respondents=Count("answers__user", distinct=True))
        .order_by("-opened_at", "-id")
    )


def departments(*, municipality: Municipality) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        municipality=municipality, kind=Organisation.Kind.DEPARTMENT
    ).order_by("name", "id")


def median(steps: list[int]) -> float | None:
    """The median of steps in tenths, as a placement (1.0 … 3.0)."""
    return statistics.median(steps) / 10 if steps else None


def own_answers(*, assessment: Assessment, user: Any) -> dict[str, Answer]:
    if not getattr(user, "is_authenticated", False):
        return {}
    return {a.row: a for a in Answer.objects.filter(assessment=assessment, user=user)}


@dataclass(frozen=True)
class RowResult:
    row: Row
    counts: list[int]  # people per step, 1.0 … 3.0
    median: float


@dataclass(frozen=True)
class Results:
    respondents: int
    rows: list[RowResult]  # empty below the threshold and while the round is open
    threshold: int = THRESHOLD
    waiting_for_close: bool = False

    @property
    def shown(self) -> bool:
        return bool(self.rows)


def results(*, assessment: Assessment) -> Results:
    """Per row how many placed the practice on each step, and the median — only
    from 5 people, and only once the round is closed (while it is open, someone
    who looked before and after a colleague answered would see that colleague's
    placements); otherwise only how many have answered. Two queries, whatever the
    number of answers."""
    respondents = (
        Answer.objects.filter(assessment=assessment).values("user").distinct().count()
    )
    if respondents < THRESHOLD:
        return Results(respondents, [])
    if assessment.is_open:
        return Results(respondents, [], waiting_for_close=True)
    counts: dict[tuple[str, int], int] = {
        (row, step): n
        for row, step, n in Answer.objects.filter(assessment=assessment)
        .values_list("row", "step")
        .annotate(n=Count("id"))
        .order_by()
    }
    out = []
    for row in ROWS:
        per_step = [counts.get((row.key, step), 0) for step in STEPS]
        if sum(per_step) < THRESHOLD:  # a row someone left out: not shown
            continue
        values = [s for s, n in zip(STEPS, per_step, strict=True) for _ in range(n)]
        out.append(RowResult(row, per_step, median(values) or 0.0))
    return Results(respondents, out)


def agreements(*, assessment: Assessment) -> dict[str, Agreement]:
    return {a.row: a for a in Agreement.objects.filter(assessment=assessment)}


@dataclass(frozen=True)
class Cell:
    step: int | None  # in tenths; None: no agreed placement
    name: str = ""  # the round's title or the department's name

    @property
    def value(self) -> float | None:
        return None if self.step is None else self.step / 10


@dataclass(frozen=True)
class ProfileRow:
    row: Row
    cells: list[Cell]  # per round, oldest first


@dataclass(frozen=True)
class Profile:
    rounds: list[Assessment]  # oldest first
    rows: list[ProfileRow] = field(default_factory=list)


def profile(*, assessment: Assessment) -> Profile:
    """The agreed placements of the department's rounds up to this one, oldest
    first: how the practice has moved. Two queries."""
    earlier = list(
        Assessment.objects.filter(
            municipality_id=assessment.municipality_id,
            department_id=assessment.department_id,
            opened_at__lte=assessment.opened_at,
        )
        .filter(_agreed())
        .order_by("opened_at", "id")
    )
    if not earlier:
        return Profile([])
    steps = {
        (a.assessment_id, a.row): a.step
        for a in Agreement.objects.filter(assessment__in=earlier).only(
            "assessment_id", "row", "step"
        )
    }
    rows = [
        ProfileRow(row, [Cell(steps.get((r.pk, row.key)), r.title) for r in earlier])
        for row in ROWS
    ]
    return Profile(earlier, rows)


@dataclass(frozen=True)
class ComparisonRow:
    row: Row
    median: float | None  # across the departments shown
    cells: list[Cell]  # per department shown


@dataclass(frozen=True)
class Comparison:
    departments: list[Organisation]
    latest: list[Assessment]  # the round shown for each department
    rows: list[ComparisonRow]
    left_out: int  # departments with an agreed round of fewer than 5 people
    threshold: int = THRESHOLD


def comparison(*, municipality: Municipality) -> Comparison:
    """Per row the median of the departments' agreed placements, and each
    department's latest agreed round — only rounds 5 or more people answered.
    Three queries, whatever the number of rounds and answers."""
    agreed = (
        rounds(municipality=municipality)
        .filter(_agreed())
        .order_by("department__name", "department_id", "-opened_at", "-id")
    )
    latest: dict[int, Assessment] = {}
    small: set[int] = set()
    for r in agreed:
        if r.respondents >= THRESHOLD:
            latest.setdefault(r.department_id, r)
        else:
            small.add(r.department_id)
    chosen = list(latest.values())
    steps = {
        (a.assessment_id, a.row): a.step
        for a in Agreement.objects.filter(assessment__in=chosen).only(
            "assessment_id", "row", "step"
        )
    }
    rows = []
    for row in ROWS:
        per_department = [steps.get((r.pk, row.key)) for r in chosen]
        rows.append(
            ComparisonRow(
                row,
                median([s for s in per_department if s is not None]),
                [
                    Cell(s, r.department.name)
                    for s, r in zip(per_department, chosen, strict=True)
                ],
            )
        )
    return Comparison(
        departments=[r.department for r in chosen],
        latest=chosen,
        rows=rows,
        left_out=len(small - set(latest)),
    )
