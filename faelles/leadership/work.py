"""Goals whose follow-up is due, in the owner's workspace, and the leaders'
page as a tool (faelles/core/work_sources.py)."""

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from faelles.accounts.rules import is_employee
from faelles.core.work_sources import WorkItem, WorkSource, WorkTool

from .models import Goal


def _overdue(user, municipality):
    return (
        Goal.objects.filter(municipality=municipality, owner=user)
        .check_in_overdue(timezone.localdate())
        .select_related("department")
        .order_by("next_check_in_on", "id")
    )


def _item(goal, today: date) -> WorkItem:
    return WorkItem(
        title=goal.title,
        url=goal.get_absolute_url(),
        state=goal.shown_status(today),
        due=goal.next_check_in_on,
        overdue=goal.next_check_in_on < today,
        context=goal.department.name,
    )


SOURCES = [
    WorkSource(
        key="leadership_check_ins",
        label=_("Mål, der venter på opfølgning"),
        order=55,
        applies=lambda user, m: is_employee(user, m),
        queryset=_overdue,
        item=_item,
        help_text=_(
            "Mål for Kommunen 3.0, du er ansvarlig for: skriv, hvordan det går, og "
            "hvad I har lært."
        ),
    ),
]

TOOLS = [
    WorkTool(
        key="leadership",
        label=_("Ledelse"),
        description=_("enhedernes mål for Kommunen 3.0, prøvehandlinger og trivsel"),
        url_name="leadership:page",
        order=5,
        applies=lambda user, m: user.has_perm("leadership.view_page", m),
    ),
]
