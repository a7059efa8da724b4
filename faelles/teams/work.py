"""What cross-department teams hand to employees (faelles/core/work_sources.py):
the open tasks one owns, and — for a team's leader — the volunteers waiting
for an answer."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from faelles.accounts.rules import is_employee
from faelles.core.work_sources import WorkItem, WorkSource, WorkTool

from . import selectors


def _task(task, today: date) -> WorkItem:
    return WorkItem(
        title=task.title,
        url=task.team.get_absolute_url() + "#opgaver",
        state=str(_("Åben")),
        due=task.due,
        overdue=task.due < today,
        context=task.team.title,
    )


def _volunteer(volunteer, today: date) -> WorkItem:
    return WorkItem(
        title=str(volunteer.user),
        url=volunteer.team.get_absolute_url() + "#frivillige",
        state=str(_("Venter på svar")),
        context=volunteer.team.title,
    )


SOURCES = [
    WorkSource(
        key="teams_tasks",
        label=_("Opgaver i mine teams"),
        order=65,
        applies=lambda user, m: is_employee(user, m),
        queryset=lambda user, m: selectors.open_tasks_owned(municipality=m, user=user),
        item=_task,
        help_text=_(
            "Opgaver du står for i de tværgående teams, du er med i – de "
            "forfaldne først."
        ),
    ),
    WorkSource(
        key="teams_volunteers",
        label=_("Frivillige der venter på svar"),
        order=66,
        applies=lambda user, m: is_employee(user, m),
        queryset=lambda user, m: selectors.volunteers_waiting_for(
            municipality=m, user=user
        ),
        item=_volunteer,
        help_text=_(
            "Kolleger, der har budt ind på et team, du leder. Tag imod dem, eller "
            "sig nej tak."
        ),
    ),
]

TOOLS = [
    WorkTool(
        key="teams",
        label=_("Tværgående teams"),
        description=_("teams på tværs af afdelinger med opslag, opgaver og filer"),
        url_name="teams:index",
        order=45,
        applies=lambda user, m: user.has_perm("teams.use", m),
    ),
]
