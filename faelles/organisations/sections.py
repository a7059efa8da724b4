"""Sections other apps add to an organisation's page: what it offers, organises and
has started.

An app registers ``(order, template_name, context_function)`` in its
AppConfig.ready(); the context function gets the request and the organisation and
returns a dict, or None to show nothing. The organisations app (a foundation app)
so shows what features credit to an organisation without importing them.
"""

from collections.abc import Callable
from dataclasses import dataclass

SECTION_SIZE = 6  # items per section; the section links to the full list


@dataclass(frozen=True)
class OrganisationSection:
    order: int
    template_name: str
    context: Callable


_sections: list[OrganisationSection] = []


def register_organisation_section(
    order: int, template_name: str, context: Callable
) -> None:
    if any(s.template_name == template_name for s in _sections):
        return
    _sections.append(OrganisationSection(order, template_name, context))
    _sections.sort(key=lambda s: s.order)


def organisation_sections(request, organisation) -> list[tuple[str, dict]]:
    rendered = []
    for section in _sections:
        ctx = section.context(request, organisation)
        if ctx is not None:
            rendered.append((section.template_name, ctx))
    return rendered
