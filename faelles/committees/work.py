"""Follow-up owned by an employee, in the workspace (faelles/core/work_sources.py).

The same people the rule ``committees.update_action`` lets report progress: the
person responsible, and the employees of the owning department when no one is
named. Overdue actions first, then by due date.
"""

from datetime import date

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from faelles.accounts.rules import is_employee
from faelles.accounts.selectors import membership_for
from faelles.core.work_sources import WorkItem, WorkSource

from .models import FollowUpAction


def _actions(user, municipality):
    membership = membership_for(user, municipality)
    mine = Q(responsible=user)
    if membership is not None and membership.is_employee and membership.department_id:
        mine |= Q(owner_id=membership.department_id, responsible__isnull=True)
    today = timezone.localdate()
    return (
        FollowUpAction.objects.filter(municipality=municipality)
        .open()
        .filter(mine)
        .select_related("recommendation__committee")
        .annotate(
            late=Case(
                When(due_date__lt=today, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("late", "due_date", "id")
    )


def _item(action, today: date) -> WorkItem:
    return WorkItem(
        title=action.title,
        url=action.get_absolute_url(),
        state=f"{action.get_status_display()} ({action.progress} %)",
        due=action.due_date,
        overdue=action.is_overdue(today),
        context=action.recommendation.committee.title,
    )


SOURCES = [
    WorkSource(
        key="committees_follow_up",
        label=_("Opfølgning på opgaveudvalg, som du står for"),
        order=50,
        applies=lambda user, m: is_employee(user, m),
        queryset=_actions,
        item=_item,
        help_text=_(
            "Handlinger efter byrådets beslutninger, hvor du er ansvarlig, eller "
            "som din afdeling ejer uden en navngiven ansvarlig."
        ),
    ),
]
