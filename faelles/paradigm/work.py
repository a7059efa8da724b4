"""The paradigm profile among the workspace's tools (faelles/core/work_sources.py)."""

from django.utils.translation import gettext_lazy as _

from faelles.core.work_sources import WorkTool

TOOLS = [
    WorkTool(
        key="paradigm",
        label=_("Paradigmeprofil"),
        description=_("hvor står jeres praksis mellem Kommunen 1.0, 2.0 og 3.0"),
        url_name="paradigm:index",
        order=30,
        applies=lambda user, m: user.has_perm("paradigm.use", m),
    ),
]
