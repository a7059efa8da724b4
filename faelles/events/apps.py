from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.events"
    verbose_name = _("Arrangementer")

    def ready(self):
        from faelles.municipalities.home import register_home_section
        from faelles.municipalities.navigation import register_nav
        from faelles.organisations.sections import register_organisation_section

        from . import rules  # noqa: F401
        from .home import home_context, organisation_context

        register_nav(40, "events:list", _("Arrangementer"))
        register_home_section(40, "events/partials/_home.html", home_context)
        register_organisation_section(
            30, "events/partials/_organisation.html", organisation_context
        )
