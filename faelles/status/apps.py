from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatusConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.status"
    verbose_name = _("Gør status")

    def ready(self):
        from faelles.core.status_sources import connect_invalidation

        connect_invalidation()
