from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.communities"
    verbose_name = _("Fællesskaber")

    def ready(self):
        from faelles.core.visibility import register_private_parent
        from faelles.municipalities.home import register_home_section
        from faelles.municipalities.navigation import register_nav
        from faelles.organisations.sections import register_organisation_section

        from . import rules  # noqa: F401
        from .home import home_context, organisation_context
        from .models import Community

        register_private_parent(
            "communities.Community",
            hidden=lambda user, municipality: Community.objects.hidden_from(
                user, municipality
            ),
            perm="communities.view_community",
        )
        register_nav(30, "communities:list", _("Fællesskaber"))
        register_nav(45, "movements:list", _("Bevægelser"))
        register_home_section(30, "communities/partials/_home.html", home_context)
        register_organisation_section(
            40, "communities/partials/_organisation.html", organisation_context
        )
