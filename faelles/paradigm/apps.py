from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParadigmConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.paradigm"
    verbose_name = _("Paradigmeprofil")

    def ready(self):
        from faelles.municipalities.navigation import register_nav

        from . import rules  # noqa: F401

        # Staff only: the menu shows it to the roles the rule lets in.
        register_nav(
            82,
            "paradigm:index",
            _("Paradigmeprofil"),
            roles=("is_employee", "is_politician", "is_administrator"),
        )
