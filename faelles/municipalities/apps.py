from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class MunicipalitiesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.municipalities"
    verbose_name = _("Kommuner")

    def ready(self):
        from .models import Municipality
        from .tenancy import clear_slug_cache

        post_save.connect(clear_slug_cache, sender=Municipality)
        post_delete.connect(clear_slug_cache, sender=Municipality)
