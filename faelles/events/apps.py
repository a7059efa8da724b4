from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.events"
    verbose_name = _("Arrangementer")

    def ready(self):
        from faelles.core.visibility import register_private_parent
        from faelles.municipalities.home import register_home_section
        from faelles.municipalities.navigation import register_nav
        from faelles.organisations.sections import register_organisation_section

        from . import rules  # noqa: F401
        from .home import home_context, organisation_context
        from .models import Event

        # A staff-only event hides itself and its registrations from anyone who
        # is not the municipality's staff (docs/staff-only.md).
        register_private_parent(
            "events.Event",
            hidden=lambda user, municipality: Event.objects.hidden_from(
                user, municipality
            ),
            perm="events.view_event",
        )

        register_nav(40, "events:list", _("Arrangementer"))
        register_home_section(40, "events/partials/_home.html", home_context)
        register_organisation_section(
            30, "events/partials/_organisation.html", organisation_context
        )
