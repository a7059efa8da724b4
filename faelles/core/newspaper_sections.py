"""Sections other apps add to the community newspaper (fællesskabsavis).

The newspaper lives in ``faelles/initiatives`` and imports no other feature
app. An app that has something for the edition defines ``SECTIONS`` in
``faelles/<app>/newspaper_section.py``: a list of :class:`NewspaperSection`,
found by :func:`rendered_sections` the way ``status.py`` modules are found
(``core/status_sources.py``).

A section renders to HTML inside the edition, so the edition's identity — a
hash of its HTML, which keys the cached PDF — changes whenever a section's
content does. A section shows only what anyone may read on the site (the PDF
is public within the municipality), and says nothing when it has nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from faelles.core.discovery import collected, ordered_entries

MODULE = "newspaper_section"


@dataclass(frozen=True)
class NewspaperSection:
    key: str
    order: int
    template_name: str
    # (municipality, start, end) -> the template's context, or None for nothing
    context: Callable[[Any, date, date], dict[str, Any] | None]


@cache
def newspaper_sections() -> tuple[NewspaperSection, ...]:
    return ordered_entries(collected(MODULE, "SECTIONS"), "newspaper sections")


def rendered_sections(*, municipality: Any, start: date, end: date) -> list[SafeString]:
    """Every app's section for the edition, as HTML, in order."""
    rendered = []
    for section in newspaper_sections():
        context = section.context(municipality, start, end)
        if context is None:
            continue
        html = render_to_string(
            section.template_name, {"municipality": municipality, **context}
        )
        rendered.append(mark_safe(html))  # noqa: S308 (rendered by our template)
    return rendered
