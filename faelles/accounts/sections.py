"""Sections other apps add to a person's page in a municipality.

An app registers ``(order, template_name, context_function)`` in its
AppConfig.ready(); the context function gets the request and the person and returns
a dict, or None to show nothing. As with the home page's sections, the person's
page shows new features without importing them.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PersonSection:
    order: int
    template_name: str
    context: Callable


_sections: list[PersonSection] = []


def register_person_section(order: int, template_name: str, context: Callable) -> None:
    _sections.append(PersonSection(order, template_name, context))
    _sections.sort(key=lambda s: s.order)


def person_sections(request, person) -> list[tuple[str, dict]]:
    rendered = []
    for section in _sections:
        ctx = section.context(request, person)
        if ctx is not None:
            rendered.append((section.template_name, ctx))
    return rendered
