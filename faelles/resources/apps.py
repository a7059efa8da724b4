from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.resources"
    verbose_name = _("Ressourcer og behov")

    def ready(self) -> None:
        from faelles.accounts.sections import register_person_section
        from faelles.municipalities.home import register_home_section
        from faelles.municipalities.navigation import register_nav
        from faelles.organisations.sections import register_organisation_section

        from . import rules  # noqa: F401
        from .home import home_context, organisation_context, person_context

        register_nav(10, "resources:list", _("Ressourcer og behov"))
        register_home_section(10, "resources/partials/_home.html", home_context)
        register_organisation_section(
            10, "resources/partials/_organisation.html", organisation_context
        )
        register_person_section(
            10, "resources/partials/_person_matches.html", person_context
        )
