"""Private files: a storage that no URL serves.

Files shared inside a community (and anything else that only some people may
read) are kept in ``STORAGES["private"]`` — by default a directory beside, not
inside, ``MEDIA_ROOT`` (``FAELLES_PRIVATE_MEDIA_ROOT``, ``var/private``). Neither
Django's debug media route nor nginx's ``/media/`` alias can reach it, whatever
the configuration; only views that check permission read the file and stream it.
"""

from pathlib import Path
from typing import Any, cast

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register
from django.core.files.storage import Storage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class PrivateStorage(LazyObject[Storage]):
    """``STORAGES["private"]``, looked up when first used and again after the
    setting changes — as Django's ``default_storage`` is."""

    #: The storage, or ``empty`` until it is first used (and after a reset).
    _wrapped: object

    def _setup(self) -> None:
        self._wrapped = storages["private"]


private = PrivateStorage()


@receiver(setting_changed)
def _storages_changed(*, setting: str, **kwargs: Any) -> None:
    if setting in {"STORAGES", "MEDIA_ROOT"}:
        private._wrapped = empty


def private_storage() -> Storage:
    """For ``FileField(storage=private_storage)`` (a callable, so migrations
    refer to it rather than to one configured instance)."""
    # A lazy proxy for the configured storage, as ``default_storage`` is.
    return cast(Storage, private)


def _location() -> Path | None:
    options = settings.STORAGES.get("private", {}).get("OPTIONS", {})
    location = options.get("location")
    return Path(location).resolve() if location else None


@register(Tags.security)
def private_files_are_not_media(
    app_configs: object, **kwargs: object
) -> list[CheckMessage]:
    """A private location inside ``MEDIA_ROOT`` would be served at ``/media/``."""
    if "private" not in settings.STORAGES:
        return [
            Error(
                'STORAGES has no "private" entry for files only some people may read.',
                id="faelles.E002",
            )
        ]
    location = _location()
    media = Path(settings.MEDIA_ROOT).resolve()
    if location is not None and (location == media or location.is_relative_to(media)):
        return [
            Error(
                "Private files are stored inside MEDIA_ROOT, which is served publicly.",
                hint="Set FAELLES_PRIVATE_MEDIA_ROOT outside MEDIA_ROOT.",
                id="faelles.E003",
            )
        ]
    return []
