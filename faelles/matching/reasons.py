"""Human-readable reasons, one per score part that contributed.

A reason is structured (``code`` + ``params``) so the web UI can render it itself,
and carries ready Danish and English sentences for everything else (CLI, e-mails).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from faelles.matching import records, taxonomy


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    """The score part it explains: text, category, distance, availability, …"""
    params: dict[str, Any]
    text_da: str
    text_en: str
    contribution: float = 0.0

    def text(self, language: str = "da") -> str:
        return self.text_en if language == "en" else self.text_da


@dataclass(frozen=True, slots=True)
class Match:
    id: str
    score: float
    parts: dict[str, float]
    """Every score part that contributed (> 0); they add up to ``score``."""
    reasons: list[Reason] = field(default_factory=list)

    def texts(self, language: str = "da") -> list[str]:
        return [r.text(language) for r in self.reasons]


def _join(items: list[str], word: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def text_reason(
    terms_da: list[str],
    terms_en: list[str],
    value: float,
    linked_da: Sequence[tuple[str, str]] = (),
    linked_en: Sequence[tuple[str, str]] = (),
) -> Reason:
    """Shared words ("Begge nævner KOL og gåtur") and related ones, the query's
    word first ("ensom passer til besøgsven")."""
    da: list[str] = []
    en: list[str] = []
    if terms_da:
        da.append(f"Begge nævner {_join(terms_da, 'og')}")
        en.append(f"Both mention {_join(terms_en, 'and')}")
    if linked_da:
        da.append(_join([f"{a} passer til {b}" for a, b in linked_da], "og"))
        en.append(_join([f"{a} fits {b}" for a, b in linked_en], "and"))
    text_da = "; ".join(da)
    text_en = "; ".join(en)
    return Reason(
        "text",
        {
            "terms": terms_da,
            "terms_en": terms_en,
            "linked": [list(p) for p in linked_da],
            "linked_en": [list(p) for p in linked_en],
        },
        text_da[:1].upper() + text_da[1:],
        text_en[:1].upper() + text_en[1:],
        value,
    )


_RELATION = {
    "exact": ("Samme kategori", "Same category"),
    "related": ("Beslægtet kategori", "Related category"),
    "same_root": ("Samme område", "Same area"),
}


def category_reason(slug: str, relation: str, inferred: bool, value: float) -> Reason:
    da, en = _RELATION[relation]
    text_da = f"{da}: {taxonomy.path_label(slug, 'da')}"
    text_en = f"{en}: {taxonomy.path_label(slug, 'en')}"
    if inferred:
        text_da += " (ud fra teksten)"
        text_en += " (from the text)"
    params = {"category": slug, "relation": relation, "inferred": inferred}
    return Reason("category", params, text_da, text_en, value)


def distance_reason(km: float, value: float) -> Reason:
    if km < 1:
        da, en = "Under 1 km væk", "Less than 1 km away"
    else:
        n = round(km)
        da, en = f"{n} km væk", f"{n} km away"
    return Reason("distance", {"km": round(km, 1)}, da, en, value)


def availability_reason(slots: list[str], value: float) -> Reason:
    first_da = [records.slot_label(s, "da") for s in slots[:2]]
    first_en = [records.slot_label(s, "en") for s in slots[:2]]
    if len(slots) > 2:
        rest = len(slots) - 1
        da = f"{first_da[0]} og {rest} andre tidspunkter passer begge"
        en = f"{first_en[0]} and {rest} other times suit both"
    else:
        lowered = [first_da[0], *(s[0].lower() + s[1:] for s in first_da[1:])]
        da = f"{_join(lowered, 'og')} passer begge"
        en = f"{_join(first_en, 'and')} {'suit' if len(first_en) > 1 else 'suits'} both"
    return Reason("availability", {"slots": slots}, da, en, value)


def commitment_reason(commitment: str, value: float) -> Reason:
    da, en = records.COMMITMENTS[commitment]
    return Reason(
        "commitment",
        {"commitment": commitment},
        f"Begge ønsker: {da.lower() if commitment != 'long_term_1to1' else da}",
        f"Both want: {en.lower()}",
        value,
    )


def freshness_reason(days: int, value: float) -> Reason:
    if days <= 0:
        da, en = "Oprettet i dag", "Posted today"
    elif days == 1:
        da, en = "Oprettet i går", "Posted yesterday"
    else:
        da, en = f"Oprettet for {days} dage siden", f"Posted {days} days ago"
    return Reason("freshness", {"days": days}, da, en, value)


def flag_reason(code: str, value: float) -> Reason:
    da, en = {
        "newcomer": ("Ny på Fælles", "New on Fælles"),
        "underserved": (
            "Fra et område med få aktive på Fælles",
            "From an area with few active people on Fælles",
        ),
        "reciprocity": ("Giver også selv på Fælles", "Also gives on Fælles"),
    }[code]
    return Reason(code, {}, da, en, value)
