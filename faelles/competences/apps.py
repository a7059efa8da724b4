from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetencesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.competences"
    verbose_name = _("Kompetencer")

    def ready(self):
        from . import rules  # noqa: F401

        # No menu entry: a staff tool, reached from "Mit arbejde" (work.py).
