"""``{% main_nav %}``: the main menu's entries (``navigation.main_nav_html``)."""

from django import template

from faelles.municipalities.navigation import main_nav_html

register = template.Library()


@register.simple_tag(takes_context=True)
def main_nav(context, fetch_counts: bool = False) -> str:
    """The menu's ``<li>`` entries; ``fetch_counts`` loads the numbers (the
    header), without it each number has a place that the header's answer fills
    (the drawer)."""
    return main_nav_html(
        context.get("request"),
        context["municipality"],
        context.get("nav_items", []),
        fetch_counts=fetch_counts,
    )
