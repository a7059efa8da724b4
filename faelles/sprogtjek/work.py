"""The language check among the workspace's tools (faelles/core/work_sources.py)."""

from django.utils.translation import gettext_lazy as _

from faelles.core.work_sources import WorkTool

TOOLS = [
    WorkTool(
        key="sprogtjek",
        label=_("Sprogtjek"),
        description=_("skriv til borgerne som et fællesskab, ikke som en service"),
        url_name="sprogtjek:check",
        order=20,
        applies=lambda user, m: user.has_perm("sprogtjek.check", m),
    ),
]
