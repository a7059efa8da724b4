"""A team's agreed actions in the owner's workspace (faelles/core/work_sources.py)."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from faelles.accounts.rules import is_employee
from faelles.core.work_sources import WorkItem, WorkSource, WorkTool

from .models import Action, ActionStatus


def _actions(user, municipality):
    return (
        Action.objects.filter(
            municipality=municipality, owner=user, status=ActionStatus.OPEN
        )
        .select_related("session")
        .order_by("due", "id")
    )


def _item(action, today: date) -> WorkItem:
    return WorkItem(
        title=action.text,
        url=action.session.get_absolute_url(),
        state=action.get_status_display(),
        due=action.due,
        overdue=action.due < today,
        context=action.session.title,
    )


SOURCES = [
    WorkSource(
        key="reflection_actions",
        label=_("Handlinger fra teamrefleksion"),
        order=60,
        applies=lambda user, m: is_employee(user, m),
        queryset=_actions,
        item=_item,
        help_text=_(
            "Det, teamet aftalte, og som du står for; det følges op på næste møde."
        ),
    ),
]

TOOLS = [
    WorkTool(
        key="reflection",
        label=_("Teamrefleksion"),
        description=_("et møde om jeres praksis med aftalte handlinger"),
        url_name="reflection:index",
        order=40,
        applies=lambda user, m: user.has_perm("reflection.use", m),
    ),
]
