"""``{% leader_section template_name section %}``: one section of the leaders'
page, given its context both as ``section`` and as its own names.

The sections registered for the page (``organisations/sections.py``) were
written both ways: the goals and the initiatives read ``section.rows``, the
pulse and the teams ``pulse_rows`` and ``teams``. ``{% include … with
section=section %}`` gave the latter nothing, so the page showed no teams and
an empty pulse table."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag(takes_context=True)
def leader_section(
    context: template.Context, template_name: str, section: dict[str, Any]
) -> SafeString:
    assert context.template is not None  # a tag renders inside a template
    found = context.template.engine.get_template(template_name)
    with context.push(section=section, **section):
        return found.render(context)
