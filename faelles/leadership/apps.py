from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeadershipConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.leadership"
    verbose_name = _("Ledelse")

    def ready(self) -> None:
        from faelles.organisations.sections import (
            register_leader_section,
            register_organisation_section,
        )

        from . import rules  # noqa: F401 — registers the permissions
        from .sections import department_context, goals_context

        # No menu entry: leaders reach the page from "Mit arbejde" (work.py) and
        # from their department's page.
        register_leader_section(10, "leadership/partials/_goals.html", goals_context)
        register_organisation_section(
            5, "leadership/partials/_department.html", department_context
        )
