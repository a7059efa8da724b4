from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.core"
    verbose_name = _("Fælles kerne")

    def ready(self):
        from django.urls import register_converter

        from . import (
            checks,  # noqa: F401  (registers the deployment checks)
            one_line,
        )
        from .params import IdConverter

        register_converter(IdConverter, "id")
        one_line.install()
