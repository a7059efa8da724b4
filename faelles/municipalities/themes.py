"""The municipality's own strategy: the one API for filing things under a theme.

A feature files its objects under the municipality's themes (docs/themes.md)::

    theme = models.ForeignKey(
        "municipalities.Theme", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("tema"),
    )

and offers the choice in its form with :func:`theme_field` (and
:func:`focus_area_field`); a list filters with ``?theme=<key>`` through
:func:`theme_key` and shows the select with :func:`theme_options`.
``on_delete=PROTECT`` is what makes a theme in use impossible to delete
(``services.theme_delete`` turns the refusal into a clear message).

The defaults below are the themes the platform had hard-coded before
municipalities defined their own (initiatives, communities and budget
categories, merged by key), so a new municipality starts with them and old
``?theme=<key>`` addresses keep working.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import FocusArea, Theme


@dataclass(frozen=True)
class ThemeSpec:
    key: str
    name: str
    name_en: str
    description: str = ""
    description_en: str = ""
    # (key, name, name_en) of the theme's focus areas
    focus_areas: tuple[tuple[str, str, str], ...] = ()


#: A new municipality's themes: every key the old hard-coded lists used.
DEFAULT_THEMES: tuple[ThemeSpec, ...] = (
    ThemeSpec("health", "Sundhed og trivsel", "Health and well-being"),
    ThemeSpec("children", "Børn og unge", "Children and young people"),
    ThemeSpec("family", "Familie og børn", "Family and children"),
    ThemeSpec("elderly", "Ældre", "Older people"),
    ThemeSpec("learning", "Læring, skole og sprog", "Learning, school and language"),
    ThemeSpec("work", "Arbejde og hverdag", "Work and everyday life"),
    ThemeSpec("neighbours", "Naboskab og fællesskab", "Neighbours and community"),
    ThemeSpec("talk", "Samtale og netværk", "Conversation and networks"),
    ThemeSpec("community", "Mødesteder", "Meeting places"),
    ThemeSpec("culture", "Kultur og fritid", "Culture and leisure"),
    ThemeSpec("craft", "Håndværk og gør-det-selv", "Crafts and do-it-yourself"),
    ThemeSpec("movement", "Bevægelse og friluftsliv", "Exercise and outdoor life"),
    ThemeSpec("play", "Leg og legepladser", "Play and playgrounds"),
    ThemeSpec("nature", "Natur og grønne områder", "Nature and green spaces"),
    ThemeSpec(
        "climate", "Klima og grøn omstilling", "Climate and the green transition"
    ),
    ThemeSpec("city", "By og landskab", "Town and landscape"),
    ThemeSpec("mobility", "Trafik og transport", "Traffic and transport"),
    ThemeSpec("traffic", "Stier og trafiksikkerhed", "Paths and road safety"),
    ThemeSpec("safety", "Tryghed og belysning", "Safety and lighting"),
)


def seed_themes(
    theme_model, focus_area_model, municipality_id: int, specs: Sequence[ThemeSpec]
) -> dict[str, int]:
    """Make sure the municipality has a theme for every spec; {key: theme id}.

    Takes the model classes so migrations can pass their historical models.
    Existing themes (by key) are kept as they are; missing ones are added after
    them. This is also the data migrations' mapping of an old hard-coded value
    to the new theme: the old value is the key.
    """
    existing = dict(
        theme_model.objects.filter(municipality_id=municipality_id).values_list(
            "key", "id"
        )
    )
    last = (
        theme_model.objects.filter(municipality_id=municipality_id)
        .order_by("-position")
        .values_list("position", flat=True)
        .first()
        or 0
    )
    for spec in specs:
        if spec.key in existing:
            continue
        last += 1
        theme = theme_model.objects.create(
            municipality_id=municipality_id,
            key=spec.key,
            name=spec.name,
            name_en=spec.name_en,
            description=spec.description,
            description_en=spec.description_en,
            position=last,
        )
        existing[spec.key] = theme.id
        focus_area_model.objects.bulk_create(
            focus_area_model(
                municipality_id=municipality_id,
                theme_id=theme.id,
                key=key,
                name=name,
                name_en=name_en,
                position=i,
            )
            for i, (key, name, name_en) in enumerate(spec.focus_areas, 1)
        )
    return existing


def map_old_values(
    theme_model, focus_area_model, municipality_id: int, values: Iterable[str]
) -> dict[str, int]:
    """{old hard-coded value: theme id} for one municipality, for data migrations.

    An old value is a default theme's key; a value that is no default (data
    written outside the old choices) becomes a theme of its own, named by its
    value, rather than being lost. Blank values are not mapped (no theme).
    """
    values = {v for v in values if v}
    specs = list(DEFAULT_THEMES)
    known = {spec.key for spec in specs}
    specs += [ThemeSpec(v[:40], v, v) for v in sorted(values - known)]
    ids = seed_themes(theme_model, focus_area_model, municipality_id, specs)
    return {v: ids[v[:40]] for v in values}


_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


def map_theme_texts(
    theme_model, focus_area_model, municipality_id: int, texts: Iterable[str]
) -> dict[str, int]:
    """{free-text theme: theme id} for one municipality, for data migrations.

    Where a theme was typed as text (task committees, their recommendations),
    the text names one of the municipality's themes: the one whose key, Danish
    or English name is the same text (ignoring case and surrounding spaces).
    A text that names none becomes a theme of its own, named by the text, so
    nothing typed is lost. Blank texts are not mapped (no theme).
    """
    from django.utils.text import slugify

    texts = {t for t in texts if t and t.strip()}
    themes = list(
        theme_model.objects.filter(municipality_id=municipality_id).order_by(
            "position", "id"
        )
    )
    found: dict[str, int] = {}
    for theme in themes:  # names first, then keys: a name is what people typed
        for label in (theme.name, theme.name_en):
            if label:
                found.setdefault(label.strip().casefold(), theme.id)
    for theme in themes:
        found.setdefault(theme.key.casefold(), theme.id)
    keys = {theme.key for theme in themes}
    last = max((theme.position for theme in themes), default=0)
    mapped = {}
    for text in sorted(texts):
        wanted = text.strip().casefold()
        if wanted not in found:
            danish = text.lower().translate(_DANISH_LETTERS)
            base = slugify(danish)[:34].strip("-") or "tema"
            key, n = base, 1
            while key in keys:
                n += 1
                key = f"{base}-{n}"
            last += 1
            found[wanted] = theme_model.objects.create(
                municipality_id=municipality_id,
                key=key,
                name=text.strip()[:120],
                position=last,
            ).id
            keys.add(key)
        mapped[text] = found[wanted]
    return mapped


def settle_deferred_checks(schema_editor) -> None:
    """Run PostgreSQL's deferred foreign-key checks now, for data migrations.

    Django's foreign keys are DEFERRABLE INITIALLY DEFERRED; rows written by a
    RunPython step leave pending trigger events, and PostgreSQL then refuses
    the same migration's ALTER TABLE ("pending trigger events"). Checking them
    at once and deferring again keeps data and schema steps in one migration.
    """
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")


# --- Reading themes in views and forms --------------------------------------

_KEY = re.compile(r"[-a-zA-Z0-9_]{1,40}")


def municipality_themes(municipality) -> list:
    """All the municipality's themes in order, read once per municipality object
    (``request.municipality`` lives for one request), so a page that filters and
    labels by theme reads them in one query."""
    cached = getattr(municipality, "_faelles_themes", None)
    if cached is None:
        cached = list(
            Theme.objects.filter(municipality=municipality).order_by("position", "id")
        )
        municipality._faelles_themes = cached
    return cached


def themes_version(municipality) -> str:
    """Changes whenever the municipality's themes do: a key part for caches of
    anything that shows them (the communities' search form)."""
    seen = repr(
        [
            (t.pk, t.key, t.name, t.name_en, t.position, t.is_active)
            for t in municipality_themes(municipality)
        ]
    )
    return f"{municipality.pk}-{hashlib.sha256(seen.encode()).hexdigest()[:12]}"


def active_themes(municipality) -> list:
    return [t for t in municipality_themes(municipality) if t.is_active]


class ThemeChoiceField(forms.ModelChoiceField):
    """One of the municipality's active themes, posted by its key."""

    default_error_messages = {
        "invalid_choice": _(
            "Vælg et af kommunens temaer. Det valgte tema findes ikke her."
        ),
    }


class ThemeMultipleChoiceField(forms.ModelMultipleChoiceField):
    default_error_messages = {
        "invalid_choice": _(
            "Vælg blandt kommunens temaer. “%(value)s” findes ikke her."
        ),
        "invalid_pk_value": _("“%(pk)s” er ikke et tema."),
    }


class FocusAreaChoiceField(forms.ModelChoiceField):
    default_error_messages = {
        "invalid_choice": _(
            "Vælg et af kommunens indsatsområder. Det valgte findes ikke her."
        ),
    }

    def label_from_instance(self, obj) -> str:
        return f"{obj.theme.name_local}: {obj.name_local}"


def theme_field(
    municipality,
    *,
    required: bool = True,
    multiple: bool = False,
    label=None,
    current: Iterable = (),
    **kwargs,
) -> forms.Field:
    """The form field for choosing the municipality's theme(s).

    Only this municipality's active themes are offered (plus ``current``, the
    themes the object already has, so an inactive one is not lost on edit);
    anything else posted is refused with a clear message. Values are keys.
    """
    current_ids = [t.pk for t in current if t is not None]
    queryset = Theme.objects.filter(municipality=municipality).order_by(
        "position", "id"
    )
    if current_ids:
        queryset = queryset.filter(Q(is_active=True) | Q(pk__in=current_ids))
    else:
        queryset = queryset.filter(is_active=True)
    if multiple:
        return ThemeMultipleChoiceField(
            queryset=queryset,
            to_field_name="key",
            required=required,
            label=label if label is not None else _("Temaer"),
            **kwargs,
        )
    return ThemeChoiceField(
        queryset=queryset,
        to_field_name="key",
        required=required,
        label=label if label is not None else _("Tema"),
        empty_label=_("Vælg tema") if required else _("Intet tema"),
        **kwargs,
    )


def focus_area_field(municipality, *, label=None, current=None, **kwargs):
    """An optional focus area (indsatsområde) of one of the municipality's themes."""
    condition = Q(is_active=True, theme__is_active=True)
    if current is not None:
        condition |= Q(pk=current.pk)
    queryset = (
        FocusArea.objects.filter(municipality=municipality)
        .filter(condition)
        .select_related("theme")
        .order_by("theme__position", "theme_id", "position", "id")
    )
    return FocusAreaChoiceField(
        queryset=queryset,
        to_field_name="key",
        required=False,
        label=label if label is not None else _("Indsatsområde"),
        empty_label=_("Intet indsatsområde"),
        **kwargs,
    )


def check_theme(municipality, theme, focus_area=None) -> None:
    """Refuse, in a service, a theme or focus area of another municipality."""
    if theme is not None and theme.municipality_id != municipality.pk:
        raise ValidationError({"theme": _("Temaet hører ikke til kommunen.")})
    if focus_area is not None:
        if focus_area.municipality_id != municipality.pk:
            raise ValidationError(
                {"focus_area": _("Indsatsområdet hører ikke til kommunen.")}
            )
        if theme is not None and focus_area.theme_id != theme.pk:
            raise ValidationError(
                {"focus_area": _("Indsatsområdet hører ikke under det valgte tema.")}
            )


def theme_options(municipality) -> list[tuple[str, str]]:
    """(key, label in the reader's language) of the active themes, for filters."""
    return [(t.key, t.name_local) for t in active_themes(municipality)]


def resolve_themes(municipality, items: Iterable) -> list[Theme]:
    """Themes given as Theme objects or keys, checked to be the municipality's.

    For services: a key that is not the municipality's, or another
    municipality's theme, is refused with a clear message (never filed).
    """
    items = list(items)
    keys = {item for item in items if isinstance(item, str)}
    by_key = {
        t.key: t for t in Theme.objects.filter(municipality=municipality, key__in=keys)
    }
    themes = []
    for item in items:
        theme = by_key.get(item) if isinstance(item, str) else item
        if theme is None:
            raise ValidationError(
                {
                    "themes": _("Temaet “%(key)s” findes ikke i kommunen.")
                    % {"key": item}
                }
            )
        check_theme(municipality, theme)
        if theme not in themes:
            themes.append(theme)
    return themes


def resolve_focus_area(municipality, item) -> FocusArea | None:
    """A focus area given as an object or a key (or None), checked as above."""
    if item is None or item == "":
        return None
    if isinstance(item, str):
        area = FocusArea.objects.filter(municipality=municipality, key=item).first()
        if area is None:
            raise ValidationError(
                {
                    "focus_area": _("Indsatsområdet “%(key)s” findes ikke i kommunen.")
                    % {"key": item}
                }
            )
        return area
    check_theme(municipality, None, item)
    return item


def theme_key(value) -> str:
    """A ``?theme=`` value as a key to look up, or "" when it cannot be one."""
    return value if isinstance(value, str) and _KEY.fullmatch(value) else ""


def theme_labels(municipality) -> dict[int, str]:
    """{theme id: name in the reader's language}, inactive themes included."""
    return {t.pk: t.name_local for t in municipality_themes(municipality)}
