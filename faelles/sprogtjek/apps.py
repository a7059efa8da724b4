from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SprogtjekConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.sprogtjek"
    verbose_name = _("Sprogtjek")

    def ready(self):
        from faelles.municipalities.navigation import register_nav

        from . import rules  # noqa: F401

        # In the menu for politicians; employees and administrators reach it from
        # their workspace ("Mit arbejde"), which keeps their menu short.
        register_nav(80, "sprogtjek:check", _("Sprogtjek"), roles=("is_politician",))
