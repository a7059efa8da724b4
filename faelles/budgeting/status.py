"""Budget projects being built on the status page (``faelles.core.status_sources``;
docs/status.md): the funded projects of rounds whose result is published."""

from datetime import date

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from faelles.core.status_sources import (
    NEVER,
    StatusFilter,
    StatusItem,
    StatusSource,
    as_date,
)

from .models import Project
from .phases import ROUND_PHASES

WITH_RESULTS = ROUND_PHASES.keys_permitting("results")


def projects(municipality, f: StatusFilter):
    if f.department is not None:
        return None  # a budget project has no owning department
    qs = Project.objects.filter(
        municipality=municipality, is_funded=True, round__phase__in=WITH_RESULTS
    ).annotate(last_update=Max("updates__created_at"))
    if f.theme is not None:
        qs = qs.filter(theme=f.theme)
    if f.focus_area is not None:
        qs = qs.filter(focus_area=f.focus_area)
    if f.person is not None:
        qs = qs.filter(proposed_by=f.person)
    return qs.select_related("round", "theme", "focus_area")


def project_item(project, today: date) -> StatusItem:
    return StatusItem(
        kind="projects",
        title=project.title,
        url=project.get_absolute_url(),
        state=str(project.get_implementation_status_display()),
        owner=project.round.title,
        theme=project.theme.name_local if project.theme else "",
        focus_area=project.focus_area.name_local if project.focus_area else "",
        updated=as_date(project.last_update or project.round.voting_end),
        context=project.area,
    )


SOURCES = [
    StatusSource(
        key="projects",
        label=_("Borgerbudgetprojekter der bliver til virkelighed"),
        order=50,
        queryset=projects,
        overdue=lambda today: NEVER,
        item=project_item,
        theme_path="theme",
        order_by=("-round__voting_end", "title", "pk"),
        depends_on=(
            "budgeting.BudgetRound",
            "budgeting.Project",
            "budgeting.ProjectUpdate",
        ),
    ),
]
