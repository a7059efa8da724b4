from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from faelles.core.audit import audit

from .models import Municipality, Principle

#: The settings a municipality's administrators may change.
SETTINGS_FIELDS = frozenset(
    {
        "name",
        "programme_name",
        "programme_name_en",
        "programme_text",
        "programme_text_en",
        "contact_email",
        "contact_phone",
        "address",
        "website",
        "primary_colour",
        "accent_colour",
        "logo",
        "initiative_intake",
    }
)


#: What a principle holds besides its municipality.
PRINCIPLE_FIELDS = ("position", "title", "title_en", "text", "text_en")


@dataclass(frozen=True)
class PrincipleChange:
    """One principle to add (``pk`` None), change or (``delete``) remove."""

    pk: int | None = None
    position: int = 0
    title: str = ""
    title_en: str = ""
    text: str = ""
    text_en: str = ""
    delete: bool = False


@transaction.atomic
def municipality_update_settings(
    *,
    municipality: Municipality,
    actor,
    fields: dict[str, Any],
    principles: Sequence[PrincipleChange] = (),
) -> Municipality:
    """Change the settings and the principles together, or neither.

    ``fields`` holds only what changes; a ``logo`` of False removes the logo.
    """
    unknown = set(fields) - SETTINGS_FIELDS
    if unknown:
        raise ValueError(f"not settings: {sorted(unknown)}")
    municipality = Municipality.objects.select_for_update().get(pk=municipality.pk)
    for name, value in fields.items():
        # As a ModelForm assigns: a file field keeps its file for None, clears for False.
        field = Municipality._meta.get_field(name)
        assert isinstance(field, models.Field)
        field.save_form_data(municipality, value)
    municipality.full_clean()
    municipality.save()
    existing = {p.pk: p for p in municipality.principles.all()}
    for change in principles:
        if change.pk is not None and change.pk not in existing:
            raise ValidationError(_("Princippet findes ikke."))
        if change.delete:
            if change.pk is not None:
                existing[change.pk].delete()
            continue
        principle = (
            existing[change.pk]
            if change.pk is not None
            else Principle(municipality=municipality)
        )
        for name in PRINCIPLE_FIELDS:
            setattr(principle, name, getattr(change, name))
        principle.full_clean()
        principle.save()
    audit(
        action="municipality.settings",
        actor=actor,
        municipality=municipality,
        target=municipality,
        data={"changed": sorted(fields)},
    )
    return municipality
