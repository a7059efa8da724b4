"""A movement's amounts with their unit, in the reader's language and number format:
"1 ton CO₂" / "1 tonne of CO₂", "10.000 kilometer" / "10,000 kilometres"."""

from decimal import Decimal

from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import ngettext

register = template.Library()


def _plural_count(value) -> int:
    """ngettext needs a whole number: exactly one is singular, anything else plural."""
    return 1 if Decimal(value) == 1 else 2


def quantity_text(value, unit: str) -> str:
    amount = floatformat(value, "-1g")
    n = _plural_count(value)
    if unit == "co2":
        text = ngettext("%(n)s ton CO₂", "%(n)s ton CO₂", n)
    elif unit == "people":
        text = ngettext("%(n)s person", "%(n)s personer", n)
    elif unit == "km":
        text = ngettext("%(n)s kilometer", "%(n)s kilometer", n)
    elif unit == "hours":
        text = ngettext("%(n)s time", "%(n)s timer", n)
    elif unit == "actions":
        text = ngettext("%(n)s handling", "%(n)s handlinger", n)
    else:
        return f"{amount} {unit}"
    return text % {"n": amount}


@register.filter
def quantity(value, unit: str) -> str:
    """``{{ movement.target|quantity:movement.unit }}``"""
    return quantity_text(value, unit)


@register.filter
def amount(value) -> str:
    """A bare amount with the language's thousands separator."""
    return floatformat(value, "-1g")
