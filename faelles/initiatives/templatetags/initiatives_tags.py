"""Template helpers for the initiatives pages."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def library_link_shown(context) -> bool:
    """Whether the menu offers the learning library.

    Anonymous visitors see the link (logging in may open it); a signed-in person
    who is not a member sees it only when the library is shared publicly, so the
    menu never leads to a refusal.
    """
    request = context["request"]
    if not request.user.is_authenticated:
        return True
    from faelles.initiatives.library_views import library_readable

    return library_readable(request)
