"""Reads for the leaders' page and the goals; each takes ``municipality=``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from faelles.accounts.models import User
from faelles.organisations.models import Organisation
from faelles.organisations.selectors import (
    as_tree,
    department_rows,
    department_tree,
    departments_led_by,
    descendants,
)

from .models import FINISHED, CheckIn, Goal

GOALS_SHOWN = 50  # on the leaders' page; the rest are counted


def page_departments(*, municipality, user) -> tuple[set[int], bool]:
    """The departments the person may choose on the leaders' page, and whether
    that is every department (an administrator): a leader's own department and
    every unit under it; an administrator's, all of them."""
    if user.has_perm("leadership.view_all", municipality):
        return set(department_tree(municipality)), True
    return departments_led_by(user, municipality), False


def chosen_departments(*, municipality, allowed: set[int], unit: int) -> set[int]:
    """The unit and every unit under it (the unit is among ``allowed``)."""
    return descendants(department_tree(municipality), unit) & allowed


@dataclass(eq=False)
class Choice:
    """A department in the unit picker (no model instance: an administrator's
    picker holds every department, 300 in a large municipality)."""

    pk: int
    parent_id: int | None
    name: str
    slug: str
    depth: int = 0
    indent: str = ""

    def organisation(self, municipality) -> Organisation:
        """The chosen unit, for its name and the link to its page."""
        return Organisation(
            pk=self.pk,
            municipality=municipality,
            kind=Organisation.Kind.DEPARTMENT,
            name=self.name,
            slug=self.slug,
            parent_id=self.parent_id,
        )


def department_choices(*, municipality, departments: set[int]) -> list[Choice]:
    """The departments as a tree, each with ``depth`` and ``indent`` (a dash a
    level, for a select); from :func:`department_rows` (no query of its own
    inside ``departments_read_once``)."""
    tree = as_tree(
        Choice(pk, parent, name, slug)
        for pk, parent, name, slug in department_rows(municipality)
        if pk in departments
    )
    for d in tree:
        d.indent = "– " * d.depth
    return tree


def goals(*, municipality, departments: set[int] | None) -> QuerySet[Goal]:
    """The goals of the departments (None: of every department): the
    unfinished first, by target date."""
    found = Goal.objects.filter(municipality=municipality)
    if departments is not None:
        found = found.filter(department__in=departments)
    return (
        found.select_related("department", "owner")
        .annotate(
            finished=Case(
                When(status__in=FINISHED, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by("finished", "target_date", "id")
    )


def department_goals(*, municipality, department: Organisation) -> QuerySet[Goal]:
    return goals(municipality=municipality, departments={department.pk})


def history(*, goal: Goal) -> QuerySet[CheckIn]:
    return goal.check_ins.select_related("author").order_by("-date", "-id")


def owner_choices(
    *, municipality, department: Organisation, include: list[Any]
) -> QuerySet[User]:
    """Who may own a goal of ``department``: the employees of the unit and the
    units under it, and ``include`` (the leader setting it, the present owner)."""
    units = descendants(department_tree(municipality), department.pk)
    ids = [u.pk for u in include if u is not None]
    return (
        User.objects.filter(
            Q(memberships__municipality=municipality, memberships__is_employee=True)
            & (Q(memberships__department__in=units) | Q(pk__in=ids)),
            is_active=True,
        )
        .distinct()
        .order_by("display_name", "id")
    )
