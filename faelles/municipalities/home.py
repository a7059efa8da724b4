"""Sections other apps contribute to a municipality's home page ("what is happening").

An app registers ``(order, template_name, context_function)`` in its AppConfig.ready();
the context function gets the request and returns a dict, or None to hide the section
(only for sections that do not apply to this municipality at all: a section that
applies but has nothing to show says so in words). A context with ``featured`` true
is shown at the top of the page, before the principles — an open vote, say.
Keeping this a registry (``core/page_sections.py``) lets the municipality page show
new features without importing them.
"""

from collections.abc import Callable

from faelles.core.page_sections import PageSections

_sections = PageSections()


def register_home_section(order: int, template_name: str, context: Callable) -> None:
    _sections.register(order, template_name, context)


def home_sections(request) -> tuple[list[tuple[str, dict]], list[tuple[str, dict]]]:
    """(featured, ordinary) sections, each as (template name, context)."""
    featured: list[tuple[str, dict]] = []
    ordinary: list[tuple[str, dict]] = []
    for template_name, ctx in _sections.rendered(request):
        (featured if ctx.get("featured") else ordinary).append((template_name, ctx))
    return featured, ordinary
