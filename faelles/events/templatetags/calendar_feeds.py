"""``{% webcal path %}``: a calendar feed address that calendar apps subscribe to."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def webcal(context, path: str) -> str:
    """``webcal://`` + host + path: opening it asks the calendar app to subscribe
    (Apple Calendar, Outlook; Google Calendar takes the https address)."""
    if "://" in path:
        return "webcal://" + path.split("://", 1)[1]
    request = context.get("request")
    host = request.get_host() if request is not None else "localhost"
    return f"webcal://{host}{path}"
