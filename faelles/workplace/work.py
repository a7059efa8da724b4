"""The staff's page of staff-only spaces, as a tool in the workspace
(faelles/core/work_sources.py, docs/staff-only.md)."""

from django.utils.translation import gettext_lazy as _

from faelles.core.work_sources import WorkTool

TOOLS = [
    WorkTool(
        key="staff_only",
        label=_("Kun for medarbejdere"),
        description=_(
            "interne fællesskaber, arrangementer og prøvehandlinger, som kun "
            "kommunens medarbejdere ser"
        ),
        url_name="workplace:staff_only",
        order=5,
        applies=lambda user, m: user.has_perm("workplace.view", m),
    ),
]
