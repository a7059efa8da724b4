"""Reads for the pulse and "sig fra"; every one takes ``municipality=``.

Results are read only from a closed round's stored, suppressed results
(``Round.results``): no page counts answers itself, and what a person may see
is a subset of the published cells (hiding more never undoes suppression).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
)
from django.db.models.fields.json import KeyTransform
from django.utils.translation import gettext as _

from faelles.accounts.selectors import membership_for
from faelles.organisations.models import Organisation
from faelles.organisations.selectors import departments_led_by

from . import results as R
from .instrument import SCALES
from .models import Concern, ConcernStatus, Receipt, Round


def rounds(*, municipality) -> QuerySet[Round]:
    return Round.objects.filter(municipality=municipality).order_by("-opens_on", "-id")


def open_rounds(*, municipality, today: date) -> QuerySet[Round]:
    return (
        Round.objects.filter(
            municipality=municipality,
            closed_on__isnull=True,
            opens_on__lte=today,
            closes_on__gte=today,
        )
        .defer("results")
        .order_by("closes_on", "id")
    )


def closed_rounds(*, municipality, today: date) -> QuerySet[Round]:
    """Closed rounds, oldest first (the order of a trend)."""
    return Round.objects.filter(
        Q(closed_on__isnull=False) | Q(closes_on__lt=today),
        municipality=municipality,
    ).order_by("opens_on", "id")


def closed_rounds_without_results(*, municipality, today: date) -> QuerySet[Round]:
    """Closed rounds, oldest first, without their stored results (about 40 KB
    of JSON a round at 300 units: a page reads only the cells it shows), each
    with ``has_results``."""
    return (
        closed_rounds(municipality=municipality, today=today)
        .defer("results")
        .annotate(
            has_results=ExpressionWrapper(
                Q(results__isnull=False), output_field=BooleanField()
            )
        )
    )


def rounds_waiting_for(*, user, municipality, today: date) -> QuerySet[Round]:
    """Open rounds the person may answer and has not."""
    membership = membership_for(user, municipality)
    if membership is None or not membership.is_employee or not membership.department_id:
        return Round.objects.none()
    return open_rounds(municipality=municipality, today=today).exclude(
        Exists(Receipt.objects.filter(round=OuterRef("pk"), user=user))
    )


def has_answered(*, user, round_: Round) -> bool:
    return Receipt.objects.filter(round=round_, user=user).exists()


# --- who sees which results ------------------------------------------------------


@dataclass
class Scope:
    """The results a person may see: the municipality as a whole, and the
    subtrees of ``departments`` (``None``: every department)."""

    departments: set[int] | None
    own: int | None = None  # the person's own unit

    def allows(self, pk: int) -> bool:
        return self.departments is None or pk in self.departments


def scope_for(*, user, municipality) -> Scope:
    if user.has_perm("pulse.see_all", municipality):
        membership = membership_for(user, municipality)
        return Scope(None, membership.department_id if membership else None)
    membership = membership_for(user, municipality)
    own = membership.department_id if membership else None
    visible = set(departments_led_by(user, municipality))
    if own:
        visible.add(own)
    return Scope(visible, own)


def shown(value: float | None) -> str:
    """A score as the pages show it: whole points, rounded half up; "–" hidden.
    (Formatted here, not with ``floatformat`` per cell: a table of 300 units.)"""
    return "–" if value is None else str(int(value + 0.5))


@dataclass
class Row:
    key: str
    label: str
    depth: int
    n: int | None
    scores: list[float | None]
    department_id: int | None = None
    own_staff: bool = False  # the people placed directly in a department with units

    @property
    def shown_scores(self) -> list[str]:
        return [shown(v) for v in self.scores]


@dataclass
class Table:
    round: Round
    rows: list[Row]
    scales: list[Any] = field(default_factory=list)


def _names(municipality, ids) -> dict[int, str]:
    return dict(
        Organisation.objects.filter(municipality=municipality, pk__in=ids).values_list(
            "pk", "name"
        )
    )


def _cell_row(results: dict, key: str, label: str, depth: int, **extra) -> Row:
    cell = results["cells"].get(key, {"n": None, "scores": {}})
    return Row(
        key=key,
        label=label,
        depth=depth,
        n=cell["n"],
        scores=[cell["scores"].get(s.key) for s in SCALES],
        **extra,
    )


def result_table(*, municipality, round_: Round, scope: Scope, names=None) -> Table:
    """The round's published results that the scope allows, in tree order: the
    municipality, then each visible unit (with, for a department with units,
    a row for the people placed directly in it)."""
    results = round_.results or {"tree": {}, "cells": {}}
    tree = {int(k): v for k, v in results["tree"].items()}
    names = names if names is not None else _names(municipality, tree)
    children: dict[int | None, list[int]] = {}
    for pk, parent in tree.items():
        children.setdefault(parent if parent in tree else None, []).append(pk)
    rows = [_cell_row(results, R.ALL, _("Hele kommunen"), 0)]

    def walk(parent: int | None, depth: int) -> None:
        kids = sorted(children.get(parent, []), key=lambda pk: (names.get(pk, ""), pk))
        for pk in kids:
            if pk not in names:
                continue  # deleted since
            if scope.allows(pk):
                rows.append(
                    _cell_row(results, R.sub(pk), names[pk], depth, department_id=pk)
                )
                if children.get(pk):
                    rows.append(
                        _cell_row(
                            results,
                            R.own(pk),
                            _("%(name)s: kun afdelingens egne medarbejdere")
                            % {"name": names[pk]},
                            depth + 1,
                            department_id=pk,
                            own_staff=True,
                        )
                    )
            walk(pk, depth + 1)

    walk(None, 1)
    return Table(round=round_, rows=rows, scales=list(SCALES))


@dataclass
class TrendPoint:
    round: Round
    n: int | None
    scores: list[float | None]

    @property
    def shown_scores(self) -> list[str]:
        return [shown(v) for v in self.scores]


def trend(*, rounds_: list[Round], key: str) -> list[TrendPoint]:
    """One cell (``all`` or ``sub:<id>``) over the closed rounds."""
    points = []
    for round_ in rounds_:
        cell = (round_.results or {}).get("cells", {}).get(key)
        if cell is None:
            points.append(TrendPoint(round_, None, [None] * len(SCALES)))
            continue
        points.append(
            TrendPoint(round_, cell["n"], [cell["scores"].get(s.key) for s in SCALES])
        )
    return points


def trend_in_database(*, rounds_: list[Round], key: str) -> list[TrendPoint]:
    """``trend`` for rounds loaded without their results: the one cell of each
    round is read from the stored JSON by the database, in one query."""
    cells = dict(
        Round.objects.filter(pk__in=[r.pk for r in rounds_])
        .annotate(cell=KeyTransform(key, KeyTransform("cells", "results")))
        .values_list("pk", "cell")
    )
    points = []
    for round_ in rounds_:
        cell = cells.get(round_.pk)
        if not isinstance(cell, dict):
            points.append(TrendPoint(round_, None, [None] * len(SCALES)))
            continue
        points.append(
            TrendPoint(round_, cell["n"], [cell["scores"].get(s.key) for s in SCALES])
        )
    return points


def in_some_tree(*, rounds_: list[Round], department_id: int) -> bool:
    """Whether the department was in the tree of one of these rounds' results."""
    return Round.objects.filter(
        pk__in=[r.pk for r in rounds_], results__tree__has_key=str(department_id)
    ).exists()


def department_names(*, municipality, ids) -> dict[int, str]:
    return _names(municipality, ids)


# --- "sig fra" -------------------------------------------------------------------


def answered_concerns(*, municipality) -> QuerySet[Concern]:
    return (
        Concern.objects.filter(municipality=municipality, status=ConcernStatus.ANSWERED)
        .select_related("department")
        .order_by("-answered_at", "-month")
    )


def concerns_to_answer(*, user, municipality) -> QuerySet[Concern]:
    """Open concerns this person answers: all for an administrator, those about
    the departments a leader leads for a leader."""
    qs = Concern.objects.filter(
        municipality=municipality, status=ConcernStatus.OPEN
    ).select_related("department")
    if not user.has_perm("pulse.see_all", municipality):
        led = departments_led_by(user, municipality)
        if not led:
            return Concern.objects.none()
        qs = qs.filter(department__in=led)
    return qs.order_by("month", "title")


def hidden_concerns(*, user, municipality) -> QuerySet[Concern]:
    qs = Concern.objects.filter(
        municipality=municipality, status=ConcernStatus.HIDDEN
    ).select_related("department")
    if not user.has_perm("pulse.see_all", municipality):
        led = departments_led_by(user, municipality)
        if not led:
            return Concern.objects.none()
        qs = qs.filter(department__in=led)
    return qs.order_by("-month", "title")
