from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.dialogue"
    verbose_name = _("Høringer og debatter")

    def ready(self) -> None:
        from faelles.municipalities.home import register_home_section
        from faelles.municipalities.navigation import register_nav

        from . import rules  # noqa: F401 — registers permissions and the phases
        from .home import home_context

        register_nav(55, "dialogue:list", _("Høringer"))
        register_home_section(55, "dialogue/partials/_home.html", home_context)
