from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReflectionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.reflection"
    verbose_name = _("Teamrefleksion")

    def ready(self):
        from . import rules  # noqa: F401

        # No menu entry of its own (the staff menu is full): the language
        # check's page and the paradigm profile lead here.
