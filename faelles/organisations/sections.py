"""Sections other apps add to an organisation's page: what it offers, organises and
has started.

An app registers ``(order, template_name, context_function)`` in its
AppConfig.ready(); the context function gets the request and the organisation and
returns a dict, or None to show nothing. The organisations app (a foundation app)
so shows what features credit to an organisation without importing them
(``core/page_sections.py``).
"""

from collections.abc import Callable

from faelles.core.page_sections import PageSections

SECTION_SIZE = 6  # items per section; the section links to the full list

_sections = PageSections()


def register_organisation_section(
    order: int, template_name: str, context: Callable
) -> None:
    if not _sections.has(template_name):
        _sections.register(order, template_name, context)


def organisation_sections(request, organisation) -> list[tuple[str, dict]]:
    return _sections.rendered(request, organisation)
