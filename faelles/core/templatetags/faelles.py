"""Template helpers used on every page (loaded as builtins)."""

from typing import Any

from django import template
from django.forms import BoundField
from django.template import Context
from django.urls import reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def murl(context: Context, viewname: str, *args: Any, **kwargs: Any) -> str:
    """Reverse a URL inside the current municipality: ``{% murl 'organisations:detail' slug=o.slug %}``."""
    municipality = kwargs.pop("municipality", None) or context.get("municipality")
    if municipality is None:
        request = context.get("request")
        municipality = getattr(request, "municipality", None)
    if municipality is None:
        raise ValueError(f"{{% murl {viewname!r} %}} outside a municipality")
    return reverse(
        viewname,
        args=args or None,
        kwargs={"municipality_slug": municipality.slug, **kwargs},
    )


@register.filter
def field_type(bound_field: BoundField) -> str:
    return type(bound_field.field.widget).__name__
