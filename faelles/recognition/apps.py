from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.recognition"
    verbose_name = _("Fejring")

    def ready(self):
        from faelles.accounts.sections import register_person_section
        from faelles.municipalities.home import register_home_section

        from . import rules  # noqa: F401
        from .sections import home_section, person_section

        # A home-page section rather than a menu entry: the main menu is full
        # at 1280 px.
        register_home_section(35, "recognition/partials/_home.html", home_section)
        register_person_section(
            50, "recognition/partials/_thank_person.html", person_section
        )
