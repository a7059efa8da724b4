"""Sections other apps contribute to a municipality's home page ("what is happening").

An app registers ``(order, template_name, context_function)`` in its AppConfig.ready();
the context function gets the request and returns a dict, or None to hide the section
(only for sections that do not apply to this municipality at all: a section that
applies but has nothing to show says so in words). A context with ``featured`` true
is shown at the top of the page, before the principles — an open vote, say.
Keeping this a registry lets the municipality page show new features without
importing them.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class HomeSection:
    order: int
    template_name: str
    context: Callable


_sections: list[HomeSection] = []


def register_home_section(order: int, template_name: str, context: Callable) -> None:
    _sections.append(HomeSection(order, template_name, context))
    _sections.sort(key=lambda s: s.order)


def home_sections(request) -> tuple[list[tuple[str, dict]], list[tuple[str, dict]]]:
    """(featured, ordinary) sections, each as (template name, context)."""
    featured: list[tuple[str, dict]] = []
    ordinary: list[tuple[str, dict]] = []
    for section in _sections:
        ctx = section.context(request)
        if ctx is None:
            continue
        (featured if ctx.get("featured") else ordinary).append(
            (section.template_name, ctx)
        )
    return featured, ordinary
