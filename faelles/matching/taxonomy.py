"""The category taxonomy for resources and needs, as plain data.

Slugs are stable identifiers (stored in the database and in JSON records), so never
rename one; add a new slug and retire the old one instead. A slug's parent is written
out explicitly rather than derived from the dots, so the tree stays readable here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True, slots=True)
class Category:
    slug: str
    label_da: str
    label_en: str
    parent: str | None = None

    def label(self, language: str = "da") -> str:
        return self.label_en if language == "en" else self.label_da


def _c(slug: str, da: str, en: str, parent: str | None = None) -> Category:
    return Category(slug, da, en, parent)


_ROWS: tuple[Category, ...] = (
    _c("health", "Sundhed", "Health"),
    _c("health.chronic", "Kronisk sygdom", "Chronic illness", "health"),
    _c("health.chronic.copd", "KOL", "COPD", "health.chronic"),
    _c("health.chronic.diabetes", "Diabetes", "Diabetes", "health.chronic"),
    _c("health.chronic.heart", "Hjertesygdom", "Heart disease", "health.chronic"),
    _c("health.chronic.cancer", "Kræft", "Cancer", "health.chronic"),
    _c("health.chronic.pain", "Kroniske smerter", "Chronic pain", "health.chronic"),
    _c("health.mental", "Mental sundhed", "Mental health", "health"),
    _c(
        "health.mental.anxiety",
        "Angst og depression",
        "Anxiety and depression",
        "health.mental",
    ),
    _c("health.mental.stress", "Stress", "Stress", "health.mental"),
    _c("health.rehab", "Genoptræning og rehabilitering", "Rehabilitation", "health"),
    _c("health.dementia", "Demens", "Dementia", "health"),
    _c("health.disability", "Handicap", "Disability", "health"),
    _c("health.addiction", "Misbrug", "Addiction", "health"),
    _c("health.grief", "Sorg", "Grief", "health"),
    _c("elderly", "Ældre", "Elderly people"),
    _c("elderly.visiting", "Besøgsven", "Visiting friend", "elderly"),
    _c("elderly.loneliness", "Ensomhed", "Loneliness", "elderly"),
    _c("elderly.practical", "Praktisk hjælp", "Practical help", "elderly"),
    _c("elderly.digital", "Digital hjælp", "Digital help", "elderly"),
    _c("elderly.nursing_home", "Plejehjem", "Nursing home", "elderly"),
    _c("youth", "Børn og unge", "Children and young people"),
    _c("youth.homework", "Lektiehjælp", "Homework help", "youth"),
    _c("youth.mentor", "Mentor", "Mentoring", "youth"),
    _c("youth.leisure", "Fritidstilbud", "Leisure activities", "youth"),
    _c("youth.vulnerable", "Udsatte unge", "Vulnerable young people", "youth"),
    _c("youth.school", "Skole og uddannelse", "School and education", "youth"),
    _c("families", "Familier", "Families"),
    _c("families.parents", "Forældrenetværk", "Parent networks", "families"),
    _c("families.new_parents", "Nye forældre", "New parents", "families"),
    _c("families.single", "Enlige forsørgere", "Single parents", "families"),
    _c("families.grandparents", "Bedsteforældre", "Grandparents", "families"),
    _c("integration", "Integration og sprog", "Integration and language"),
    _c("integration.danish", "Dansktræning", "Danish practice", "integration"),
    _c("integration.guide", "Kulturguide", "Culture guide", "integration"),
    _c(
        "integration.paperwork",
        "Hjælp med breve og systemet",
        "Help with letters and the system",
        "integration",
    ),
    _c("employment", "Beskæftigelse", "Employment"),
    _c("employment.jobsearch", "Jobsøgning", "Job search", "employment"),
    _c(
        "employment.network",
        "Netværk og praktik",
        "Network and internships",
        "employment",
    ),
    _c("employment.entrepreneur", "Iværksætteri", "Entrepreneurship", "employment"),
    _c("nature", "Natur og miljø", "Nature and environment"),
    _c("nature.green", "Grønne områder og haver", "Green spaces and gardens", "nature"),
    _c("nature.climate", "Klima og genbrug", "Climate and reuse", "nature"),
    _c("nature.cleanup", "Affaldsindsamling", "Litter picking", "nature"),
    _c("nature.animals", "Dyr", "Animals", "nature"),
    _c("culture", "Kultur og fritid", "Culture and leisure"),
    _c("culture.music", "Musik", "Music", "culture"),
    _c("culture.crafts", "Kreativitet og håndværk", "Arts and crafts", "culture"),
    _c(
        "culture.food",
        "Madlavning og spisefællesskab",
        "Cooking and shared meals",
        "culture",
    ),
    _c(
        "culture.reading",
        "Læsning og fortælling",
        "Reading and storytelling",
        "culture",
    ),
    _c("culture.events", "Arrangementer og fester", "Events and festivals", "culture"),
    _c("local", "Lokalområdet", "Local area"),
    _c("local.neighbours", "Naboskab", "Neighbourliness", "local"),
    _c("local.transport", "Transport og kørsel", "Transport and driving", "local"),
    _c("local.repair", "Reparation og værksted", "Repairs and workshop", "local"),
    _c("local.rooms", "Lokaler og mødesteder", "Rooms and meeting places", "local"),
    _c("local.safety", "Tryghed", "Safety", "local"),
    _c("sport", "Idræt og bevægelse", "Sport and exercise"),
    _c("sport.walking", "Gåture", "Walking", "sport"),
    _c("sport.football", "Fodbold", "Football", "sport"),
    _c(
        "sport.swimming",
        "Svømning og vinterbadning",
        "Swimming and winter bathing",
        "sport",
    ),
    _c("sport.exercise", "Motion og træning", "Exercise and training", "sport"),
    _c("sport.cycling", "Cykling", "Cycling", "sport"),
    _c("digital", "Digitalt", "Digital"),
    _c("digital.it_help", "IT-hjælp", "IT help", "digital"),
    _c("digital.mitid", "MitID og digital post", "MitID and digital mail", "digital"),
)

CATEGORIES: dict[str, Category] = {c.slug: c for c in _ROWS}
"""Every category by slug, in display order (parents before children)."""

ROOTS: tuple[str, ...] = tuple(c.slug for c in _ROWS if c.parent is None)


def get(slug: str) -> Category:
    """Return the category for ``slug``; ``KeyError`` names the unknown slug."""
    try:
        return CATEGORIES[slug]
    except KeyError:
        raise KeyError(f"unknown category slug: {slug!r}") from None


def ancestors(slug: str) -> list[str]:
    """Slugs of the parents of ``slug``, nearest first (excluding ``slug``)."""
    out: list[str] = []
    parent = get(slug).parent
    while parent is not None:
        out.append(parent)
        parent = CATEGORIES[parent].parent
    return out


def root(slug: str) -> str:
    chain = ancestors(slug)
    return chain[-1] if chain else slug


def path_label(slug: str, language: str = "da") -> str:
    """``"Sundhed › Kronisk sygdom"`` — the label with its ancestors, root first."""
    chain = [slug, *ancestors(slug)]
    return " › ".join(CATEGORIES[s].label(language) for s in reversed(chain))


@cache
def choices(language: str = "da") -> tuple[tuple[str, str], ...]:
    """``(slug, label)`` pairs for a form field, children indented under parents."""
    out = []
    for cat in _ROWS:
        depth = len(ancestors(cat.slug))
        out.append((cat.slug, "\u2003" * depth + cat.label(language)))
    return tuple(out)


def _check() -> None:
    for cat in _ROWS:
        if cat.parent is not None and cat.parent not in CATEGORIES:
            raise ValueError(f"{cat.slug}: unknown parent {cat.parent}")
    if len(ROOTS) > 32:
        raise ValueError("at most 32 root categories (the index uses a 32-bit mask)")


_check()
