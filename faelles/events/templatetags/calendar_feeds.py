"""``{% webcal path %}``: a calendar feed address that calendar apps subscribe to."""

from django import template

from faelles.core.site import site_host

register = template.Library()


@register.simple_tag
def webcal(path: str) -> str:
    """``webcal://`` + the site's host + path: opening it asks the calendar app to
    subscribe (Apple Calendar, Outlook; Google Calendar takes the https address)."""
    if "://" in path:
        return "webcal://" + path.split("://", 1)[1]
    return f"webcal://{site_host()}{path}"
