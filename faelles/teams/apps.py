from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.teams"
    verbose_name = _("Tværgående teams")

    def ready(self):
        from faelles.organisations.sections import register_leader_section

        from . import rules  # noqa: F401
        from .leaders import leader_section

        # No menu entry of its own: staff reach the teams from "Mit arbejde".
        register_leader_section(40, "teams/_leader_section.html", leader_section)
