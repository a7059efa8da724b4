from django.apps import AppConfig
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_tables(using: str = DEFAULT_DB_ALIAS, **kwargs: object) -> None:
    """``faelles migrate`` also creates the database cache's table (the shared cache
    when there is no Redis); nothing happens when it exists or is not configured."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.core"
    verbose_name = _("Fælles kerne")

    def ready(self) -> None:
        from django.urls import register_converter

        from . import (  # noqa: F401  (they register checks and field validators)
            checks,
            one_line,
            storage,
        )
        from .params import IdConverter

        register_converter(IdConverter, "id")
        one_line.install()
        from . import pagecache

        pagecache.install()
        post_migrate.connect(create_cache_tables, sender=self)
