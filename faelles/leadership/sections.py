"""The goals on the leaders' page and on a department's page
(``organisations/sections.py``)."""

from __future__ import annotations

from django.utils import timezone

from faelles.organisations.models import Organisation
from faelles.organisations.selectors import department_tree

from . import selectors

DEPARTMENT_GOALS_SHOWN = 10


def _rows(goals, today):
    return [
        {
            "goal": g,
            "status": g.shown_status(today),
            "late": g.is_late(today),
            "check_in_overdue": g.check_in_overdue(today),
        }
        for g in goals
    ]


def _root(tree: dict[int, int | None], departments: set[int]) -> int | None:
    """The one department the others sit under, if there is one."""
    roots = [pk for pk in departments if tree.get(pk) not in departments]
    return roots[0] if len(roots) == 1 else None


def goals_context(request, departments: set[int]) -> dict | None:
    """The leaders' page: the goals of the units, the unfinished first."""
    municipality = request.municipality
    if not departments or not request.user.has_perm(
        "leadership.view_goal", municipality
    ):
        return None
    tree = department_tree(municipality)
    # Every department (an administrator's page): the municipality's goals,
    # without an ``IN`` of hundreds of ids to build and send twice.
    goals = selectors.goals(
        municipality=municipality,
        departments=None if departments.issuperset(tree) else departments,
    )
    shown = list(goals[: selectors.GOALS_SHOWN])
    total = goals.count() if len(shown) == selectors.GOALS_SHOWN else len(shown)
    root = _root(tree, departments)
    return {
        "rows": _rows(shown, timezone.localdate()),
        "total": total,
        "more": total - len(shown),
        "new_unit": root,
        "several_units": len(departments) > 1,
    }


def department_context(request, organisation) -> dict | None:
    """A department's page: its goals, for the municipality's employees."""
    if organisation.kind != Organisation.Kind.DEPARTMENT:
        return None
    user, municipality = request.user, request.municipality
    if not user.has_perm("leadership.view_goal", municipality):
        return None
    goals = list(
        selectors.department_goals(municipality=municipality, department=organisation)[
            :DEPARTMENT_GOALS_SHOWN
        ]
    )
    leads = user.has_perm("leadership.create_goal", organisation)
    if not goals and not leads:
        return None
    return {
        "rows": _rows(goals, timezone.localdate()),
        "department": organisation,
        "may_lead": leads and user.has_perm("leadership.view_page", municipality),
    }
