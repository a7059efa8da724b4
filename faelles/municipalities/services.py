from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from faelles.core.audit import audit
from faelles.core.services import model_update

from .models import FocusArea, Municipality, Principle, Theme
from .themes import DEFAULT_THEMES, ThemeSpec, seed_themes

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
        "residence_codes",
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


# --- The municipality's own strategy: themes and focus areas ----------------

#: What an administrator may set on a theme or a focus area (the key only once).
THEME_FIELDS = ("name", "name_en", "description", "description_en", "is_active")


@transaction.atomic
def municipality_create(
    *,
    slug: str,
    name: str,
    programme_name: str,
    actor=None,
    themes: Sequence[ThemeSpec] | None = None,
    **fields: Any,
) -> Municipality:
    """A new municipality, with its strategy's themes (the defaults unless given)."""
    municipality = Municipality(
        slug=slug, name=name, programme_name=programme_name, **fields
    )
    municipality.full_clean()
    municipality.save()
    seed_themes(
        Theme,
        FocusArea,
        municipality.pk,
        DEFAULT_THEMES if themes is None else themes,
    )
    audit(
        action="municipality.create",
        actor=actor,
        municipality=municipality,
        target=municipality,
    )
    return municipality


def themes_ensure_defaults(*, municipality: Municipality) -> None:
    """Give a municipality made without the service (factories) its defaults."""
    seed_themes(Theme, FocusArea, municipality.pk, DEFAULT_THEMES)


def _next_position(queryset) -> int:
    last = queryset.order_by("-position").values_list("position", flat=True).first()
    return (last or 0) + 1


@transaction.atomic
def theme_create(
    *,
    municipality: Municipality,
    actor,
    key: str,
    name: str,
    name_en: str = "",
    description: str = "",
    description_en: str = "",
) -> Theme:
    theme = Theme(
        municipality=municipality,
        key=key,
        name=name,
        name_en=name_en,
        description=description,
        description_en=description_en,
        position=_next_position(Theme.objects.filter(municipality=municipality)),
    )
    theme.full_clean()
    theme.save()
    audit(
        action="municipality.theme_create",
        actor=actor,
        municipality=municipality,
        target=theme,
        data={"key": key},
    )
    return theme


@transaction.atomic
def theme_update(*, theme: Theme, actor, fields: dict[str, Any]) -> Theme:
    """Change a theme's names, description or whether it is active (not its key)."""
    unknown = set(fields) - set(THEME_FIELDS)
    if unknown:
        raise ValueError(f"not theme fields: {sorted(unknown)}")
    return model_update(
        theme, fields=fields, actor=actor, action="municipality.theme_update"
    )


@transaction.atomic
def theme_reorder(
    *, municipality: Municipality, actor, theme_ids: Sequence[int]
) -> None:
    """Put the municipality's themes in the given order; all of them, each once."""
    existing = set(
        Theme.objects.filter(municipality=municipality).values_list("pk", flat=True)
    )
    if len(theme_ids) != len(set(theme_ids)) or set(theme_ids) != existing:
        raise ValidationError(
            _("Rækkefølgen skal nævne hvert af kommunens temaer én gang.")
        )
    themes = {t.pk: t for t in Theme.objects.filter(pk__in=theme_ids)}
    for position, pk in enumerate(theme_ids, 1):
        themes[pk].position = position
    Theme.objects.bulk_update(themes.values(), ["position"])
    audit(
        action="municipality.theme_reorder",
        actor=actor,
        municipality=municipality,
        target=municipality,
    )


@transaction.atomic
def theme_move(*, theme: Theme, actor, up: bool) -> None:
    """Swap a theme with its neighbour above (``up``) or below."""
    ids = list(
        Theme.objects.filter(municipality_id=theme.municipality_id)
        .order_by("position", "id")
        .values_list("pk", flat=True)
    )
    i = ids.index(theme.pk)
    j = i - 1 if up else i + 1
    if 0 <= j < len(ids):
        ids[i], ids[j] = ids[j], ids[i]
    theme_reorder(municipality=theme.municipality, actor=actor, theme_ids=ids)


def _pointing_at(model) -> list:
    """Every foreign key to ``model`` (hidden ``related_name="+"`` ones too)."""
    return [
        f
        for f in model._meta.get_fields(include_hidden=True)
        if f.auto_created and not f.concrete and (f.one_to_many or f.one_to_one)
    ]


def theme_in_use(theme: Theme) -> bool:
    """Whether anything is filed under the theme or one of its focus areas.

    Read from the model graph, so the ground floor never imports the features
    that point here, and a new feature's foreign key counts without a change.
    """
    areas = list(theme.focus_areas.all())
    for model, objects in ((Theme, [theme]), (FocusArea, areas)):
        for relation in _pointing_at(model):
            related = relation.related_model
            if related in (Theme, FocusArea) or not objects:
                continue
            lookup = {f"{relation.field.name}__in": objects}
            if related._default_manager.filter(**lookup).exists():
                return True
    return False


@transaction.atomic
def theme_delete(*, theme: Theme, actor) -> None:
    """Delete a theme nothing is filed under; a theme in use can only be
    deactivated, so nothing loses its place in the strategy."""
    theme = Theme.objects.select_for_update().get(pk=theme.pk)
    if theme_in_use(theme):
        raise ValidationError(
            _(
                "Temaet “%(name)s” er i brug og kan ikke slettes. "
                "Gør det inaktivt i stedet."
            )
            % {"name": theme.name}
        )
    audit(
        action="municipality.theme_delete",
        actor=actor,
        municipality=theme.municipality,
        target=theme.municipality,
        data={"key": theme.key, "name": theme.name},
    )
    try:
        theme.delete()
    except ProtectedError as exc:  # written between the check and the delete
        raise ValidationError(
            _("Temaet “%(name)s” er i brug og kan ikke slettes.") % {"name": theme.name}
        ) from exc


@transaction.atomic
def focus_area_create(
    *,
    theme: Theme,
    actor,
    key: str,
    name: str,
    name_en: str = "",
    description: str = "",
    description_en: str = "",
) -> FocusArea:
    area = FocusArea(
        municipality_id=theme.municipality_id,
        theme=theme,
        key=key,
        name=name,
        name_en=name_en,
        description=description,
        description_en=description_en,
        position=_next_position(theme.focus_areas.all()),
    )
    area.full_clean()
    area.save()
    audit(
        action="municipality.focus_area_create",
        actor=actor,
        municipality=theme.municipality,
        target=area,
        data={"key": key, "theme": theme.key},
    )
    return area


@transaction.atomic
def focus_area_update(*, area: FocusArea, actor, fields: dict[str, Any]) -> FocusArea:
    unknown = set(fields) - set(THEME_FIELDS)
    if unknown:
        raise ValueError(f"not focus area fields: {sorted(unknown)}")
    return model_update(
        area, fields=fields, actor=actor, action="municipality.focus_area_update"
    )
