from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.budgeting"
    verbose_name = _("Borgerbudget")

    def ready(self):
        from faelles.municipalities.home import register_home_section
        from faelles.municipalities.navigation import register_nav

        from . import rules  # noqa: F401
        from .views import home_context

        register_nav(50, "budgeting:list", _("Borgerbudget"))
        register_home_section(50, "budgeting/partials/_home.html", home_context)
