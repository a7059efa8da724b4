"""Untrusted request parameters: search words, ids and numbers from query
strings, form posts and files.

``str.isdigit()`` is not enough: it accepts digits such as "²" that ``int()``
refuses, and any number of digits, while the databases store ids as 64-bit
integers (SQLite raises ``OverflowError`` for a bigger one in a lookup). Input
that is not a valid id is treated as no id at all, so the page shows its normal
answer (nothing found, or a clear form error) instead of a server error.
"""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.db.models import Model, QuerySet

MAX_ID = 2**63 - 1
QUERY_LENGTH = 100


def search_words(value: object, *, length: int = QUERY_LENGTH) -> str:
    """Free-text search words: trimmed, at most ``length`` characters, without
    control characters (PostgreSQL refuses NUL in text and raises on it)."""
    text = str(value or "")
    text = "".join(ch for ch in text if ch.isprintable() or ch == " ")
    return text.strip()[:length]


def parse_int(value: object, *, minimum: int = 0, maximum: int = MAX_ID) -> int | None:
    """The ASCII whole number in ``value`` if it lies in [minimum, maximum]."""
    text = str(value if value is not None else "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 19:
        return None
    number = int(text)
    return number if minimum <= number <= maximum else None


def parse_id(value: object) -> int | None:
    """A database id (1 … 2⁶³−1) from text, or None."""
    return parse_int(value, minimum=1)


class IdModelMultipleChoiceField(forms.ModelMultipleChoiceField[Model]):
    """Refuses values that cannot be ids with the field's own clear message,
    before they reach an ``IN (…)`` lookup the database would choke on."""

    def _check_values(self, value: Iterable[Any]) -> QuerySet[Model]:
        key = self.to_field_name or "pk"
        if key == "pk":
            for pk in value:
                if parse_id(pk) is None:
                    raise forms.ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": pk},
                    )
        # A private method of Django's, not in the stubs.
        checked: QuerySet[Model] = super()._check_values(value)  # type: ignore[misc]
        return checked


class IdConverter:
    """``<id:pk>`` in URL patterns: a database id, 1 … 2⁶³−1.

    Django's ``<id:…>`` accepts any number of digits; a bigger number than the
    database stores would crash a lookup instead of being the 404 it is.
    """

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError(value)  # the pattern does not match: 404
        return number

    def to_url(self, value: object) -> str:
        return str(value)
