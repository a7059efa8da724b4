"""Sections other apps add to a person's page in a municipality.

An app registers ``(order, template_name, context_function)`` in its
AppConfig.ready(); the context function gets the request and the person and returns
a dict, or None to show nothing. As with the home page's sections, the person's
page shows new features without importing them (``core/page_sections.py``).
"""

from collections.abc import Callable

from faelles.core.page_sections import PageSections

_sections = PageSections()


def register_person_section(order: int, template_name: str, context: Callable) -> None:
    _sections.register(order, template_name, context)


def person_sections(request, person) -> list[tuple[str, dict]]:
    return _sections.rendered(request, person)
