""" "Gør status" among the workspace's tools (faelles/core/work_sources.py)."""

from django.utils.translation import gettext_lazy as _

from faelles.core.work_sources import WorkTool

TOOLS = [
    WorkTool(
        key="status",
        label=_("Gør status"),
        description=_("alt, kommunen har sat i gang, efter tema"),
        url_name="status:overview",
        order=10,
    ),
]
