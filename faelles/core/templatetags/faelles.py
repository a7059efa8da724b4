"""Template helpers used on every page (loaded as builtins)."""

from typing import Any

from django import template
from django.conf import settings
from django.forms import BoundField
from django.http import HttpRequest
from django.template import Context
from django.template.backends.utils import csrf_input
from django.template.defaultfilters import floatformat, urlencode
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

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
def percent(value: Any, decimals: int | None = None) -> str:
    """A share in percent as the language writes it: "60 %" in Danish, "60%"
    in English; the number localised ("12,5 %", "12.5%"), with ``decimals``
    decimals when given (``{{ p|percent:1 }}``). Empty for no value."""
    if value is None or value == "":
        return ""
    number = floatformat(value, decimals) if decimals is not None else value
    if not isinstance(number, str):
        number = number_format(number)
    return _("%(value)s %%") % {"value": number}


@register.filter
def plural_n(value: Any) -> int:
    """A count for ``{% blocktranslate count %}`` from a quantity that may be a
    fraction (hours, ``Decimal``): the whole number when it is whole, else 2 —
    Danish and English use the plural for every fraction ("1,5 timer", "1.5
    hours"), and gettext takes whole numbers only."""
    if value is None or value == "":
        return 0
    whole = int(value)
    return whole if whole == value else 2


@register.filter
def just_now(value: Any) -> bool:
    """Whether a moment is less than a minute ago (``timesince`` would say
    "0 minutes")."""
    return value is not None and (timezone.now() - value).total_seconds() < 60


@register.filter
def field_type(bound_field: BoundField) -> str:
    return type(bound_field.field.widget).__name__


@register.simple_tag(takes_context=True)
def user_tools(context: Context) -> str:
    """The language switch and the person's own links: in the portal header on wide
    screens, in the menu drawer on phones. Built once per request (every page shows
    them twice) and in Python: through the template engine they cost about 0.8 ms
    of every page."""
    request = context.get("request")
    if request is None:  # rendered outside a request: nobody to show links to
        return ""
    built = getattr(request, "_faelles_user_tools", None)
    if built is None:
        built = _user_tools(request, context.get("user"), context.get("municipality"))
        request._faelles_user_tools = built
    return built


def _user_tools(request: HttpRequest, user: Any, municipality: Any) -> str:
    user = user if user is not None else request.user
    path = request.get_full_path()
    current = get_language()
    parts = [
        format_html(
            '<form action="{}" method="post" class="faelles-language" aria-label="{}">',
            reverse("set_language"),
            _("Sprog"),
        ),
        # No form token for visitors: the page can then be cached whole
        # (accounts/views.py set_language).
        csrf_input(request) if user.is_authenticated else "",
        format_html('<input name="next" type="hidden" value="{}">', path),
    ]
    for code, _name in settings.LANGUAGES:
        parts.append(
            format_html(
                '<button type="submit" name="language" value="{}" '
                'class="button button-unstyled function-link" lang="{}"{}>{}</button>',
                code,
                code,
                mark_safe(' aria-current="true"') if code == current else "",
                "Dansk" if code == "da" else "English",
            )
        )
    parts.append("</form>")
    if user.is_authenticated:
        parts += [
            format_html(
                '<a href="{}" class="function-link">{}</a>',
                reverse("notifications:list"),
                _("Beskeder"),
            ),
            format_html(
                '<a href="{}" class="function-link">{}<span class="sr-only">: {}</span></a>',
                reverse("accounts:profile"),
                _("Mine sider"),
                str(user),
            ),
            format_html(
                '<form action="{}" method="post" class="inline-form">{}'
                '<button type="submit" class="button button-secondary">{}</button></form>',
                reverse("account_logout"),
                csrf_input(request),
                _("Log ud"),
            ),
        ]
    else:
        parts += [
            format_html(
                '<a href="{}?next={}" class="button button-secondary">{}</a>',
                reverse("account_login"),
                urlencode(path),
                _("Log ind"),
            ),
            format_html(
                '<a href="{}{}" class="function-link">{}</a>',
                reverse("account_signup"),
                f"?next={urlencode(path)}" if municipality else "",
                _("Opret profil"),
            ),
        ]
    return mark_safe("\n".join(parts))  # noqa: S308 - every part is escaped above
