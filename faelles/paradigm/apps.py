from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParadigmConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.paradigm"
    verbose_name = _("Paradigmeprofil")

    def ready(self):
        from . import rules  # noqa: F401

        # No menu entry of its own: the staff menu already wraps onto a third line
        # at 1280 px. The language check's page leads here (both are issue 16's
        # learning tools, for the same staff).
