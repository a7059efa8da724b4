"""The demo municipalities' strategies, and where demo content is filed in them."""

from faelles.municipalities.models import FocusArea, Municipality, Theme
from faelles.municipalities.services import theme_in_use
from faelles.municipalities.themes import DEFAULT_THEMES, ThemeSpec, seed_themes

from .content.themes import STRATEGIES


def strategy(slug: str) -> list[ThemeSpec]:
    """The municipality's themes: its own strategy, or the defaults."""
    if slug not in STRATEGIES:
        return list(DEFAULT_THEMES)
    return [
        ThemeSpec(
            key=t["key"],
            name=t["name"],
            name_en=t["name_en"],
            description=t.get("description", ""),
            description_en=t.get("description_en", ""),
            focus_areas=tuple(t.get("focus_areas", ())),
        )
        for t in STRATEGIES[slug]
    ]


def load_strategy(municipality: Municipality) -> None:
    """Give a demo municipality its strategy; safe to run again.

    A municipality with its own strategy drops the default themes nothing is
    filed under (a database migrated before the demo was loaded has them).
    """
    specs = strategy(municipality.slug)
    seed_themes(Theme, FocusArea, municipality.pk, specs)
    if municipality.slug in STRATEGIES:
        own = {spec.key for spec in specs}
        for theme in Theme.objects.filter(municipality=municipality).exclude(
            key__in=own
        ):
            if not theme_in_use(theme):
                theme.delete()


def demo_themes(municipality: Municipality) -> dict[str, Theme]:
    """{default theme key: the municipality's theme} for demo content.

    Demo content is written with the default keys; a municipality with its own
    strategy files it under the theme that ``covers`` the key.
    """
    themes = {t.key: t for t in Theme.objects.filter(municipality=municipality)}
    covers = {
        old: t["key"]
        for t in STRATEGIES.get(municipality.slug, [])
        for old in t.get("covers", ())
    }
    if not themes:
        raise ValueError(f"{municipality.slug} has no themes")
    first = next(iter(themes.values()))
    return {
        spec.key: themes.get(spec.key) or themes.get(covers.get(spec.key, "")) or first
        for spec in DEFAULT_THEMES
    }
