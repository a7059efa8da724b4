"""Cross-department teams' section of the learning library: the evaluations
teams chose to share when they closed (``core/library_sources.py``). An
evaluation names no one and links to nothing: the team's page is for staff,
and the library may be public."""

from django.utils.translation import gettext_lazy as _

from faelles.core.library_sources import LibrarySection

from . import selectors


def _items(municipality):
    return selectors.shared_evaluations(municipality=municipality)


SECTIONS = [
    LibrarySection(
        key="teams",
        label=_("Tværgående teams"),
        order=25,
        items=_items,
        template="teams/_library_section.html",
    )
]
