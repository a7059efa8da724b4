"""Finding what each app contributes: ``faelles/<app>/<name>.py`` modules.

The registries that need no ``AppConfig.ready()`` call — the status page's
sources (``status.py``), the workspace's (``work.py``), the learning library's
sections (``library.py``), the newspaper's (``newspaper_section.py``) and personal
data (``gdpr.py``) — find their modules here, in the order Django lists the apps.
A module that is missing is skipped; one that fails to import fails loudly.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from types import ModuleType
from typing import Any, Protocol, TypeVar

from django.apps import apps


def app_modules(name: str) -> Iterator[tuple[str, ModuleType]]:
    """``(app label, module)`` for every Fælles app that has ``<app>/<name>.py``."""
    for config in apps.get_app_configs():
        if not config.name.startswith("faelles."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.{name}":
                raise
            continue
        yield config.label, module


class _Entry(Protocol):
    key: str
    order: int


E = TypeVar("E", bound=_Entry)


def ordered_entries(entries: Iterable[E], what: str) -> tuple[E, ...]:
    """Entries in (order, key) order; two with one key are a programming error."""
    found = list(entries)
    keys = [entry.key for entry in found]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"two {what} share a key: {duplicates}")
    return tuple(sorted(found, key=lambda entry: (entry.order, entry.key)))


def collected(name: str, attribute: str) -> list[Any]:
    """Every app's ``<name>.<attribute>`` list, joined (a module may leave the
    attribute out: a ``work.py`` with tools and no sources)."""
    return [
        entry
        for _label, module in app_modules(name)
        for entry in getattr(module, attribute, ())
    ]
