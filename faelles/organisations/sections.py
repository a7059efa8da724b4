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


# --- the leader's page: sections about the units a leader leads ----------------
#
# The leaders' page (``/<slug>/leder/``, docs/leaders.md) shows, for the units a
# leader leads, what other apps know about them: the unit's goals, its pulse, its
# trials and its ad-hoc teams. Each app registers ``(order, template_name,
# context_function)``; the context function gets the request and the set of
# department ids the page is about (a leader's own department and every unit
# under it, or the one unit chosen) and returns a dict, or None to show nothing.
# Whatever a section shows must respect the app's own rules for the person.

_leader_sections = PageSections()


def register_leader_section(order: int, template_name: str, context: Callable) -> None:
    if not _leader_sections.has(template_name):
        _leader_sections.register(order, template_name, context)


def leader_sections(request, departments: set[int]) -> list[tuple[str, dict]]:
    return _leader_sections.rendered(request, departments)
