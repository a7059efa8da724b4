"""The plain record that both offers and needs are described by.

An offer and a need have the same shape: what one side ``requires`` the other must
``has``. Parsing from JSON-like dicts lives here so the CLI and the web app reject
bad input with the same clear messages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from faelles.matching import taxonomy

KINDS: dict[str, tuple[str, str]] = {
    "skill": ("Kompetence", "Skill"),
    "lived_experience": ("Levet erfaring", "Lived experience"),
    "time": ("Tid og hænder", "Time and hands"),
    "place": ("Sted eller lokale", "Place or room"),
    "equipment": ("Udstyr", "Equipment"),
    "knowledge": ("Viden og netværk", "Knowledge and network"),
}
MODES: dict[str, tuple[str, str]] = {
    "in_person": ("Fysisk fremmøde", "In person"),
    "online": ("Online", "Online"),
    "phone": ("Telefon", "Phone"),
}
COMMITMENTS: dict[str, tuple[str, str]] = {
    "one_off": ("En enkelt gang", "One-off"),
    "recurring": ("Fast aftale", "Recurring"),
    "long_term_1to1": ("Længerevarende 1:1-forløb", "Long-term one-to-one"),
    "group": ("Gruppe", "Group"),
}
DAYS: dict[str, tuple[str, str]] = {
    "mon": ("Mandag", "Monday"),
    "tue": ("Tirsdag", "Tuesday"),
    "wed": ("Onsdag", "Wednesday"),
    "thu": ("Torsdag", "Thursday"),
    "fri": ("Fredag", "Friday"),
    "sat": ("Lørdag", "Saturday"),
    "sun": ("Søndag", "Sunday"),
}
PARTS_OF_DAY: dict[str, tuple[str, str]] = {
    "morning": ("formiddag", "morning"),
    "afternoon": ("eftermiddag", "afternoon"),
    "evening": ("aften", "evening"),
}
SLOTS: tuple[str, ...] = tuple(f"{d}-{p}" for d in DAYS for p in PARTS_OF_DAY)
"""All 21 weekly slots; a slot's bit in an availability mask is its index here."""


class RecordError(ValueError):
    """A record that cannot be matched; the message says which field and why."""


@dataclass(frozen=True, slots=True)
class Record:
    """An offer or a need. Only ``id``, ``title`` and ``text`` are required."""

    id: str
    title: str
    text: str
    kind: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    mode: tuple[str, ...] = ()
    postcode: str | None = None
    radius_km: float | None = None
    availability: tuple[str, ...] = ()
    available_from: dt.date | None = None
    available_until: dt.date | None = None
    commitment: str | None = None
    capacity: int | None = None
    requires: tuple[str, ...] = ()
    has: tuple[str, ...] = ()
    min_age: int | None = None
    age: int | None = None
    languages: tuple[str, ...] = ()
    created: dt.date | None = None
    newcomer: bool = False
    previous_collaborations: int | None = None
    underserved: bool = False
    also_gives: bool = False
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def is_newcomer(self) -> bool:
        return self.newcomer or self.previous_collaborations == 0

    @classmethod
    def from_dict(cls, data: Any) -> Record:
        """Validate a JSON object; raise ``RecordError`` with a readable message."""
        if not isinstance(data, dict):
            raise RecordError("a record must be a JSON object")
        known = set(cls.__slots__) - {"extra"}
        rid = data.get("id")
        if isinstance(rid, int) and not isinstance(rid, bool):
            rid = str(rid)
        if not isinstance(rid, str) or not rid.strip():
            raise RecordError("'id' is required and must be a non-empty string")
        where = f"record {rid!r}"
        title = _text(data, "title", where)
        text = _text(data, "text", where)
        if not (title.strip() or text.strip()):
            raise RecordError(f"{where}: 'title' or 'text' must contain words")
        start = _date(data, "available_from", where)
        end = _date(data, "available_until", where)
        if start and end and end < start:
            raise RecordError(f"{where}: 'available_until' is before 'available_from'")
        return cls(
            id=rid,
            title=title,
            text=text,
            kind=_choices(data, "kind", KINDS, where),
            categories=_categories(data, where),
            mode=_choices(data, "mode", MODES, where),
            postcode=_postcode(data, where),
            radius_km=_number(data, "radius_km", where, minimum=0),
            availability=_availability(data, where),
            available_from=start,
            available_until=end,
            commitment=_one_of(data, "commitment", COMMITMENTS, where),
            capacity=_int(data, "capacity", where),
            requires=_tokens(data, "requires", where),
            has=_tokens(data, "has", where),
            min_age=_int(data, "min_age", where),
            age=_int(data, "age", where),
            languages=_tokens(data, "languages", where),
            created=_date(data, "created", where),
            newcomer=_bool(data, "newcomer", where),
            previous_collaborations=_int(data, "previous_collaborations", where),
            underserved=_bool(data, "underserved", where),
            also_gives=_bool(data, "also_gives", where),
            extra={k: v for k, v in data.items() if k not in known},
        )


def _text(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RecordError(f"{where}: {key!r} must be a string")
    return value


def _list(data: dict[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RecordError(f"{where}: {key!r} must be a string or a list of strings")
    return value


def _choices(
    data: dict[str, Any], key: str, allowed: Mapping[str, Any], where: str
) -> tuple[str, ...]:
    values = _list(data, key, where)
    for v in values:
        if v not in allowed:
            raise RecordError(
                f"{where}: {key!r} has unknown value {v!r}; "
                f"expected one of {', '.join(allowed)}"
            )
    return tuple(dict.fromkeys(values))


def _one_of(
    data: dict[str, Any], key: str, allowed: Mapping[str, Any], where: str
) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if value not in allowed:
        raise RecordError(
            f"{where}: {key!r} must be one of {', '.join(allowed)}, not {value!r}"
        )
    return str(value)


def _categories(data: dict[str, Any], where: str) -> tuple[str, ...]:
    values = _list(data, "categories", where)
    for v in values:
        if v not in taxonomy.CATEGORIES:
            raise RecordError(
                f"{where}: unknown category {v!r} (see faelles/matching/taxonomy.py)"
            )
    return tuple(dict.fromkeys(values))


def _tokens(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    values = [v.strip().lower() for v in _list(data, key, where)]
    return tuple(dict.fromkeys(v for v in values if v))


def _postcode(data: dict[str, Any], where: str) -> str | None:
    value = data.get("postcode")
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:04d}"
    if not isinstance(value, str) or not (
        value.strip().isascii() and value.strip().isdigit()
    ):
        raise RecordError(f"{where}: 'postcode' must be a Danish postal number")
    return value.strip()


def _number(data: dict[str, Any], key: str, where: str, minimum: float) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RecordError(f"{where}: {key!r} must be a number")
    if not value >= minimum or value != value or value == float("inf"):
        raise RecordError(f"{where}: {key!r} must be a finite number >= {minimum}")
    return float(value)


def _int(data: dict[str, Any], key: str, where: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RecordError(f"{where}: {key!r} must be a whole number >= 0")
    return value


def _bool(data: dict[str, Any], key: str, where: str) -> bool:
    value = data.get(key, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise RecordError(f"{where}: {key!r} must be true or false")
    return value


def _date(data: dict[str, Any], key: str, where: str) -> dt.date | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise RecordError(f"{where}: {key!r} must be a date like 2026-03-01") from None


def _availability(data: dict[str, Any], where: str) -> tuple[str, ...]:
    """Accept ``"tue-afternoon"`` slots and whole days (``"tue"``)."""
    slots: list[str] = []
    for value in _list(data, "availability", where):
        v = value.strip().lower()
        if v in DAYS:
            slots.extend(f"{v}-{p}" for p in PARTS_OF_DAY)
        elif v in SLOTS:
            slots.append(v)
        else:
            raise RecordError(
                f"{where}: availability slot {value!r} is not like 'tue-afternoon' "
                "(days mon..sun, parts morning/afternoon/evening)"
            )
    return tuple(dict.fromkeys(slots))


def slot_label(slot: str, language: str = "da") -> str:
    """``"tue-afternoon"`` → ``"Tirsdag eftermiddag"``."""
    day, part = slot.split("-")
    i = 1 if language == "en" else 0
    return f"{DAYS[day][i]} {PARTS_OF_DAY[part][i]}"
