"""Initiatives in the employee's workspace (faelles/core/work_sources.py)."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from faelles.core.work_sources import StaffOnlySource, WorkItem, WorkSource
from faelles.municipalities.tenancy import tenant_reverse

from . import selectors
from .models import Initiative


def _item(initiative, today: date) -> WorkItem:
    return WorkItem(
        title=initiative.title,
        url=initiative.get_absolute_url(),
        state=initiative.get_state_display(),
    )


def _awaiting(initiative, today: date) -> WorkItem:
    return WorkItem(
        title=initiative.title,
        url=initiative.get_absolute_url(),
        state=initiative.get_state_display(),
        due=initiative.created_at.date(),
        overdue=True,
    )


SOURCES = [
    WorkSource(
        key="initiatives_mine",
        label=_("Initiativer jeg faciliterer eller er med i"),
        order=10,
        applies=lambda user, m: user.has_perm("initiatives.view_worklist", m),
        queryset=lambda user, m: selectors.worklist(municipality=m, user=user),
        item=_item,
        more_url=lambda m: tenant_reverse("initiatives:worklist", m),
        help_text=_("Åbne initiativer, hvor du er facilitator eller på holdet."),
    ),
    WorkSource(
        key="initiatives_unassigned",
        label=_("Initiativer uden facilitator"),
        order=20,
        applies=lambda user, m: user.has_perm("initiatives.assign_facilitator", m),
        queryset=lambda user, m: selectors.unassigned(municipality=m),
        item=_item,
        more_url=lambda m: tenant_reverse("initiatives:worklist", m),
        help_text=_("Nye initiativer, som ingen medarbejder har taget endnu."),
    ),
    WorkSource(
        key="initiatives_awaiting_response",
        label=_("Initiativer, der venter på kommunens svar"),
        order=30,
        applies=lambda user, m: user.has_perm("initiatives.view_overdue", m),
        queryset=lambda user, m: selectors.awaiting_response(municipality=m),
        item=_awaiting,
        more_url=lambda m: tenant_reverse("initiatives:awaiting_response", m),
        help_text=_(
            "Initiativer, der har ventet længere end kommunens svarfrist "
            "(datoen er den dag, de blev foreslået)."
        ),
    ),
]


def _state(initiative) -> str:
    return str(initiative.get_state_display())


# Internal initiatives and trials on the staff's page "Kun for medarbejdere"
# (docs/staff-only.md); withdrawn ones are left out, as on the list.
STAFF_ONLY = [
    StaffOnlySource(
        key="initiatives",
        label=_("Initiativer og prøvehandlinger"),
        order=30,
        queryset=lambda m: (
            Initiative.objects.for_municipality(m)
            .visible()
            .filter(staff_only=True)
            .only("id", "municipality_id", "title", "state", "staff_only")
            .order_by("-id")
        ),
        detail=_state,
        create_url_name="initiatives:create",
    ),
]
