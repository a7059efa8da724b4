"""A registry of the sections other apps add to one page (the municipality's home
page, a person's page, an organisation's page), so the page shows new features
without importing them.

An app registers ``(order, template_name, context_function)`` in its
AppConfig.ready(); the context function gets the page's arguments (the request,
and the person or organisation) and returns a dict, or None to show nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Context = dict[str, Any]


@dataclass(frozen=True)
class PageSection:
    order: int
    template_name: str
    context: Callable[..., Context | None]


class PageSections:
    """The sections registered for one page, in their order."""

    def __init__(self) -> None:
        self._sections: list[PageSection] = []

    def register(
        self, order: int, template_name: str, context: Callable[..., Context | None]
    ) -> None:
        self._sections.append(PageSection(order, template_name, context))
        self._sections.sort(key=lambda s: s.order)

    def has(self, template_name: str) -> bool:
        return any(s.template_name == template_name for s in self._sections)

    def rendered(self, *args: Any) -> list[tuple[str, Context]]:
        """(template name, context) of each section that has something to show."""
        rendered = []
        for section in self._sections:
            ctx = section.context(*args)
            if ctx is not None:
                rendered.append((section.template_name, ctx))
        return rendered
