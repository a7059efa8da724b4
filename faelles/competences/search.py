"""A profile's search terms, and a search's, by the matching engine's Danish
analysis (``faelles.matching.text``): Snowball stems, stop words, compounds and
the vocabulary's concepts — the same analysis as matching, so "kan tale
arabisk" finds "arabisk" and "diabetesforening" finds "diabetes".

Only what the person shares with the employees becomes a term. A language is
indexed as ``l:<code>`` (the filter) and by its Danish name (the text search).
"""

from __future__ import annotations

from django.utils import translation

from faelles.accounts.models import LANGUAGE_CHOICES
from faelles.matching.text import default_analyzer

from .models import Profile

LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)
MAX_QUERY_TERMS = 30
# A word of the search counts more than a concept it belongs to ("arabisk" is
# also in the concept "tolk": an interpreter in Polish should come after).
WORD_WEIGHT = 2
CONCEPT_WEIGHT = 1


def text_terms(text: str) -> set[str]:
    return {t for t in default_analyzer().analyse(text).terms if len(t) <= 80}


def language_name(code: str) -> str:
    with translation.override("da"):
        return str(LANGUAGE_NAMES.get(code, code))


def profile_terms(profile: Profile) -> set[str]:
    """The terms of everything the profile shares with the employees."""
    parts: list[str] = []
    terms: set[str] = set()
    if profile.shared_skills:
        parts.append(profile.skills)
        parts.extend(profile.tags)
    if profile.shared_languages:
        parts.extend(language_name(code) for code in profile.languages)
        terms.update(f"l:{code}" for code in profile.languages)
    if profile.shared_experience:
        parts.append(profile.experience)
    if profile.shared_networks:
        parts.append(profile.networks)
    if parts:
        terms |= text_terms("\n".join(parts))
    return terms


def query_terms(text: str) -> dict[str, int]:
    """A search's terms with their weight; empty when it holds only stop words."""
    found = sorted(text_terms(text[:500]))[:MAX_QUERY_TERMS]
    return {t: WORD_WEIGHT if t.startswith("w:") else CONCEPT_WEIGHT for t in found}
