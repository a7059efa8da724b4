from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpinionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.opinions"
    verbose_name = _("Meningskort")

    def ready(self):
        from faelles.municipalities.home import register_home_section
        from faelles.municipalities.navigation import register_nav

        from . import rules  # noqa: F401
        from .views import home_context

        register_nav(56, "opinions:list", _("Meningskort"))
        register_home_section(56, "opinions/partials/_home.html", home_context)
