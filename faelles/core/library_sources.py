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

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from faelles.core.discovery import collected, ordered_entries


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


@cache
def _all_sections() -> tuple[LibrarySection, ...]:
    return ordered_entries(collected("library", "SECTIONS"), "library sections")


def library_sections() -> tuple[LibrarySection, ...]:
    """Every app's library sections, in page order."""
    return _all_sections()


def filled_sections(municipality: Any) -> list[FilledSection]:
    """Each section with its rows for ``municipality``."""
    return [
        FilledSection(section, list(section.items(municipality)))
        for section in library_sections()
    ]
