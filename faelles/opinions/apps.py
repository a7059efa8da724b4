from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpinionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.opinions"
    verbose_name = _("Meningskort")

    def ready(self):
        from faelles.municipalities.home import register_home_section

        from . import rules  # noqa: F401
        from .views import home_context

        # No entry of its own in the main menu (ten entries wrap to three lines
        # at 1280 px): the hearings page and the home page lead to the maps.
        register_home_section(56, "opinions/partials/_home.html", home_context)
