from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.insight"
    verbose_name = _("Indsigt")

    def ready(self):
        from faelles.municipalities.navigation import register_nav

        from . import rules  # noqa: F401

        register_nav(70, "insight:dashboard", _("Indsigt"))
