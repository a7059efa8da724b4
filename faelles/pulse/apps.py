from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PulseConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.pulse"
    verbose_name = _("Pulsmåling")

    def ready(self):
        from faelles.organisations.sections import register_leader_section

        from . import rules  # noqa: F401
        from .sections import leader_section

        # No menu entry (staff tools are reached from "Mit arbejde", work.py).
        register_leader_section(30, "pulse/_leader_section.html", leader_section)
