"""Deployment checks of our own, run by ``faelles check --deploy``."""

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register

PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches, deploy=True)
def shared_cache(app_configs: object, **kwargs: object) -> list[CheckMessage]:
    """Login rate limits live in the cache: a per-process cache multiplies them by
    the number of gunicorn workers, so production needs a shared one (Redis)."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in PROCESS_LOCAL_CACHES:
        return [
            Warning(
                "The default cache is local to each process, so login rate limits "
                "are counted per worker.",
                hint="Set REDIS_URL (faelles.settings.production uses it as cache).",
                id="faelles.W001",
            )
        ]
    return []
