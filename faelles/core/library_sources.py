"""The sections other apps add to the learning library (læringsbank).

The library page lives in ``faelles/initiatives`` (evaluated trials). Other
apps share what they have learned there too — a team's reflection summary, for
one — without ``initiatives`` importing them: each defines ``SECTIONS`` in
``faelles/<app>/library.py``, a list of :class:`LibrarySection`, found by
:func:`library_sections` the way ``status.py`` modules are found
(``core/status_sources.py``).

A section lists only what its owners chose to share to the library, and says so:
the library may be public (a municipality setting), so whatever a section shows
may be read by anyone who can read the library.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.apps import apps


@dataclass(frozen=True)
class LibrarySection:
    key: str
    label: Any  # lazy text: the section's heading
    order: int
    # municipality -> the rows shown (a bounded list; one or two queries)
    items: Callable[[Any], Any]
    # the template that renders the rows (gets ``section`` and ``items``)
    template: str


@dataclass(frozen=True)
class FilledSection:
    section: LibrarySection
    items: Any


def _library_modules() -> Iterator[Any]:
    for config in apps.get_app_configs():
        if not config.name.startswith("faelles."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.library")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.library":
                raise
            continue
        yield module


@cache
def _all_sections() -> tuple[LibrarySection, ...]:
    found = [section for module in _library_modules() for section in module.SECTIONS]
    keys = [section.key for section in found]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"two library sections share a key: {duplicates}")
    return tuple(sorted(found, key=lambda section: (section.order, section.key)))


def library_sections() -> tuple[LibrarySection, ...]:
    """Every app's library sections, in page order."""
    return _all_sections()


def filled_sections(municipality: Any) -> list[FilledSection]:
    """Each section with its rows for ``municipality``."""
    return [
        FilledSection(section, list(section.items(municipality)))
        for section in library_sections()
    ]
