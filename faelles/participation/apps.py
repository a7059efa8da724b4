from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    """The activity ladder (aktivitetsstigen): on the ground floor, below the features."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.participation"
