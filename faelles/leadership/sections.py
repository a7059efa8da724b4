"""The goals on the leaders' page and on a department's page
(``organisations/sections.py``)."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from django.db.models import Count, QuerySet, Window
from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from faelles.municipalities.tenancy import tenant_reverse
from faelles.organisations.models import Organisation
from faelles.organisations.selectors import covers_every_department, department_tree

from . import selectors
from .models import FINISHED, Goal, Status

DEPARTMENT_GOALS_SHOWN = 10

# What a row shows: read as values, not as a Goal, its unit and its owner each
# (150 model instances for the 50 goals of a leaders' page).
_FIELDS = (
    "pk",
    "title",
    "status",
    "target_date",
    "next_check_in_on",
    "last_check_in_on",
    "department__name",
    "owner__display_name",
)


def _goal_url(municipality) -> tuple[str, str]:
    """The address of a goal around its id: one ``reverse`` for the list."""
    marker = "987654321"
    url = tenant_reverse("leadership:goal", municipality, pk=int(marker))
    before, _marker, after = url.partition(marker)
    return before, after


def goal_items(
    goals: QuerySet[Goal], *, limit: int, municipality, today: date, show_unit: bool
) -> tuple[list[str], int]:
    """The ``<li>`` of the first ``limit`` goals, written in one pass
    (``_goal_rows.html`` wraps them): the template and its four translations a
    row cost more than reading the goals. Escaped as the template would. And
    how many goals there are. Two queries however many there are."""
    before, after = _goal_url(municipality)
    labels = {s.value: str(s.label) for s in Status}
    delayed = labels[Status.DELAYED]
    overdue_text = _("opfølgning forfalden")  # not inside the f-string: extracted
    overdue = f"<strong>{escape(overdue_text)}</strong>"
    target, owner, followed = (
        _("måldato %(date)s"),
        _("ansvarlig: %(name)s"),
        _("fulgt op %(date)s"),
    )
    dates: dict[date, str] = {}  # goals share dates: each formatted once

    def day(value: date) -> str:
        if value not in dates:
            dates[value] = escape(date_filter(value, "DATE_FORMAT"))
        return dates[value]

    # The goals are sorted and sliced in their own table, with their number
    # counted by the same query (a window over the rows it sorts anyway); only
    # the rows shown are then read with their unit and owner: in one query,
    # PostgreSQL joined every account to every goal before sorting (3.7 → 1 ms
    # at 907 goals and 10,000 accounts).
    picked = list(goals.values_list("pk", Window(Count("pk")))[:limit])
    total = picked[0][1] if picked else 0
    by_pk = {
        g["pk"]: g
        for g in Goal.objects.filter(pk__in=[pk for pk, _n in picked]).values(*_FIELDS)
    }
    items = []
    for g in (by_pk[pk] for pk, _n in picked if pk in by_pk):
        finished = g["status"] in FINISHED
        late = not finished and g["target_date"] < today
        status = escape(delayed if late else labels.get(g["status"], g["status"]))
        parts = [escape(g["department__name"])] if show_unit else []
        parts.append(f"<strong>{status}</strong>" if late else status)
        parts.append(target % {"date": day(g["target_date"])})
        if g["owner__display_name"] is not None:
            parts.append(owner % {"name": escape(g["owner__display_name"])})
        if not finished and g["next_check_in_on"] < today:
            parts.append(overdue)
        elif g["last_check_in_on"]:
            parts.append(followed % {"date": day(g["last_check_in_on"])})
        items.append(
            f'<li><a href="{before}{g["pk"]}{after}">{escape(g["title"])}</a>\n'
            f'  <br><span class="small-text">{" · ".join(parts)}</span></li>\n'
        )
    return items, total


def _html(items: list[str]) -> SafeString:
    return mark_safe("".join(items))  # noqa: S308 - every part is escaped


def _root(tree: dict[int, int | None], departments: set[int]) -> int | None:
    """The one department the others sit under, if there is one."""
    roots = [pk for pk in departments if tree.get(pk) not in departments]
    return roots[0] if len(roots) == 1 else None


def goals_context(request, departments: set[int]) -> dict[str, Any] | None:
    """The leaders' page: the goals of the units, the unfinished first."""
    municipality = request.municipality
    if not departments or not request.user.has_perm(
        "leadership.view_goal", municipality
    ):
        return None
    # Every department (an administrator's page): the municipality's goals,
    # without an ``IN`` of hundreds of ids to build and send twice.
    goals = selectors.goals(
        municipality=municipality,
        departments=None
        if covers_every_department(municipality, departments)
        else departments,
    )
    shown, total = goal_items(
        goals,
        limit=selectors.GOALS_SHOWN,
        municipality=municipality,
        today=timezone.localdate(),
        show_unit=len(departments) > 1,
    )
    return {
        "rows": _html(shown),
        "total": total,
        "more": total - len(shown),
        "new_unit": _root(department_tree(municipality), departments),
        "several_units": len(departments) > 1,
    }


def department_context(request, organisation) -> dict[str, Any] | None:
    """A department's page: its goals, for the municipality's employees."""
    if organisation.kind != Organisation.Kind.DEPARTMENT:
        return None
    user, municipality = request.user, request.municipality
    if not user.has_perm("leadership.view_goal", municipality):
        return None
    items, _total = goal_items(
        selectors.department_goals(municipality=municipality, department=organisation),
        limit=DEPARTMENT_GOALS_SHOWN,
        municipality=municipality,
        today=timezone.localdate(),
        show_unit=False,
    )
    leads = user.has_perm("leadership.create_goal", organisation)
    if not items and not leads:
        return None
    return {
        "rows": _html(items),
        "department": organisation,
        "may_lead": leads and user.has_perm("leadership.view_page", municipality),
    }
