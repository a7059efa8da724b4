"""Statements waiting for moderation, in the workspace (core/work_sources.py)."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from faelles.core.work_sources import WorkItem, WorkSource
from faelles.municipalities.tenancy import tenant_reverse

from .models import Statement, StatementStatus


def _pending(user, municipality):
    return (
        Statement.objects.filter(
            municipality=municipality, status=StatementStatus.PENDING
        )
        .select_related("map")
        .order_by("id")
    )


def _item(statement, today: date) -> WorkItem:
    return WorkItem(
        title=statement.text,
        url=tenant_reverse(
            "opinions:moderation", statement.municipality_id, pk=statement.map_id
        ),
        state=statement.get_status_display(),
        context=statement.map.title,
    )


SOURCES = [
    WorkSource(
        key="opinions_pending",
        label=_("Udsagn på meningskort, der venter på moderation"),
        order=72,
        applies=lambda user, m: user.has_perm("opinions.moderate", m),
        queryset=_pending,
        item=_item,
    ),
]
