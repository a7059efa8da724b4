"""Sections other apps contribute to a municipality's home page ("what is happening").

An app registers ``(order, template_name, context_function)`` in its AppConfig.ready();
the context function gets the request and returns a dict, or None to hide the section.
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


def home_sections(request) -> list[tuple[str, dict]]:
    rendered = []
    for section in _sections:
        ctx = section.context(request)
        if ctx is not None:
            rendered.append((section.template_name, ctx))
    return rendered
