"""Matches waiting for an employee, in the workspace (faelles/core/work_sources.py)."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from faelles.core.work_sources import WorkItem, WorkSource
from faelles.municipalities.tenancy import tenant_reverse

from . import selectors


def _item(proposal, today: date) -> WorkItem:
    return WorkItem(
        title=f"{proposal.need.title} ↔ {proposal.offer.title}",
        url=proposal.get_absolute_url(),
        state=proposal.get_status_display(),
        due=proposal.created_at.date(),
    )


SOURCES = [
    WorkSource(
        key="resources_queue",
        label=_("Forslag til match, der venter på formidling"),
        order=40,
        applies=lambda user, m: user.has_perm("resources.facilitate", m),
        queryset=lambda user, m: selectors.facilitation_queue(municipality=m),
        item=_item,
        more_url=lambda m: tenant_reverse("resources:queue", m),
        help_text=_(
            "Borgere har foreslået, at et behov og et tilbud passer sammen; en "
            "medarbejder tager kontakt (datoen er den dag, forslaget kom)."
        ),
    ),
]
