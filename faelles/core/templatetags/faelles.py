"""Template helpers used on every page (loaded as builtins)."""

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def murl(context, viewname: str, *args, **kwargs) -> str:
    """Reverse a URL inside the current municipality: ``{% murl 'organisations:detail' slug=o.slug %}``."""
    municipality = kwargs.pop("municipality", None) or context.get("municipality")
    if municipality is None:
        request = context.get("request")
        municipality = getattr(request, "municipality", None)
    return reverse(
        viewname,
        args=args or None,
        kwargs={"municipality_slug": municipality.slug, **kwargs},
    )


@register.filter
def field_type(bound_field) -> str:
    return bound_field.field.widget.__class__.__name__
