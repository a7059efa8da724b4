"""The team reflection kit's section of the learning library: the summaries
teams chose to share (``core/library_sources.py``). A summary names no one and
links to nothing private: the session itself stays the team's."""

from django.utils.translation import gettext_lazy as _

from faelles.core.library_sources import LibrarySection

from . import selectors


def _items(municipality):
    return selectors.shared_summaries(municipality=municipality)


SECTIONS = [
    LibrarySection(
        key="reflection",
        label=_("Teamrefleksioner"),
        order=20,
        items=_items,
        template="reflection/_library_section.html",
    )
]
