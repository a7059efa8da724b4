"""Staff-only communities on the staff's page "Kun for medarbejdere"
(faelles/core/work_sources.py, docs/staff-only.md)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from faelles.core.work_sources import StaffOnlySource

from .models import Community


def _members(community) -> str:
    n = community.member_count
    return ngettext("%(n)s medlem", "%(n)s medlemmer", n) % {"n": n}


STAFF_ONLY = [
    StaffOnlySource(
        key="communities",
        label=_("Fællesskaber og netværk"),
        order=10,
        queryset=lambda m: (
            Community.objects.for_municipality(m)
            .active()
            .filter(staff_only=True)
            .only("id", "municipality_id", "name", "member_count", "staff_only")
            .order_by("name", "id")
        ),
        detail=_members,
        create_url_name="communities:create",
    ),
]
