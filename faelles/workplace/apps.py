from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkplaceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.workplace"
    verbose_name = _("Mit arbejde")

    def ready(self):
        from faelles.municipalities.navigation import register_nav

        from . import rules  # noqa: F401

        # Staff only, with the number of things waiting (loaded after the page by
        # htmx from workplace:count); the staff tools (language
        # check, paradigm profile, team reflection) are reached from the workspace.
        register_nav(
            5,
            "workplace:index",
            _("Mit arbejde"),
            roles=("is_employee", "is_administrator"),
            count_url="workplace:count",
        )
