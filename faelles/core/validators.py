"""One-line text: names, titles, subjects.

A line break in a name ends up in an e-mail header ("Evil\\r\\nBcc: …"), where the
mail library refuses it — after the act that sent the mail was saved. Every
single-line field therefore refuses control characters (C0, DEL, C1) and the
Unicode line and paragraph separators. ``CoreConfig.ready()`` gives this validator
to every model ``CharField`` and every one-line form ``CharField`` of Fælles, and
``core/tests/test_one_line_fields.py`` fails when a field escapes it.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

FORBIDDEN_CATEGORIES = {"Cc", "Zl", "Zp"}


def has_control_characters(value: str) -> bool:
    return any(unicodedata.category(ch) in FORBIDDEN_CATEGORIES for ch in value)


@deconstructible
class OneLineValidator:
    message = _(
        "Må ikke indeholde linjeskift, tabulatorer eller andre kontroltegn – "
        "skriv det hele på én linje."
    )
    code = "control_characters"

    def __call__(self, value: object) -> None:
        if isinstance(value, str) and has_control_characters(value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OneLineValidator)

    def __hash__(self) -> int:
        return hash(OneLineValidator)


one_line = OneLineValidator()


def collapse_to_one_line(text: str) -> str:
    """``text`` with every run of whitespace and control characters as one space:
    for mail headers built from data saved before the validator existed."""
    cleaned = "".join(
        " " if unicodedata.category(ch) in FORBIDDEN_CATEGORIES else ch
        for ch in str(text)
    )
    return " ".join(cleaned.split())
