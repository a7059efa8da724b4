from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.initiatives"
    verbose_name = _("Initiativer og prøvehandlinger")

    def ready(self) -> None:
        from faelles.core.visibility import register_private_parent
        from faelles.municipalities.home import register_home_section
        from faelles.municipalities.navigation import register_nav
        from faelles.organisations.sections import (
            register_leader_section,
            register_organisation_section,
        )

        from . import rules  # noqa: F401 — registers the permissions
        from .home import home_context, organisation_context
        from .models import Initiative

        # An internal initiative hides itself, its trial, comments, supports,
        # events and stories from anyone who is not staff (docs/staff-only.md).
        register_private_parent(
            "initiatives.Initiative",
            hidden=lambda user, municipality: Initiative.objects.hidden_from(
                user, municipality
            ),
            perm="initiatives.view_initiative",
        )
        from .leader import leader_context

        register_nav(20, "initiatives:list", _("Initiativer"))
        register_home_section(20, "initiatives/partials/_home.html", home_context)
        register_organisation_section(
            20, "initiatives/partials/_organisation.html", organisation_context
        )
        register_leader_section(30, "initiatives/partials/_leader.html", leader_context)
