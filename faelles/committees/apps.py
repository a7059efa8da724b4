from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitteesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.committees"
    label = "committees"
    verbose_name = _("Opgaveudvalg")

    def ready(self):
        from faelles.accounts.sections import register_person_section
        from faelles.municipalities.home import register_home_section
        from faelles.municipalities.navigation import register_nav

        from . import rules  # noqa: F401
        from .views import home_context, person_context

        register_nav(60, "committees:list", _("Opgaveudvalg"))
        register_home_section(55, "committees/partials/_home.html", home_context)
        register_person_section(55, "committees/partials/_person.html", person_context)
