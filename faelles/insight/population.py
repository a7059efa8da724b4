"""Reading a population table laid out like Statistics Denmark's (FOLK1A and
the tables by postcode): one row per area and age (or age group) with a count,
semicolon-separated, in UTF-8 (with or without BOM) or Latin-1, Danish thousand
separators and decimal commas. Single years of age are added up into the
dashboards' age bands. Every problem is reported with its line, in Danish; a
file with any problem imports nothing."""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .models import AGE_LIMITS

MAX_BYTES = 2 * 1024 * 1024
MAX_ERRORS = 10
AREA_COLUMNS = {"område", "omraade", "omrade", "postnummer", "postnr", "area"}
AGE_COLUMNS = {"alder", "aldersgruppe", "age"}
COUNT_COLUMNS = {"antal", "personer", "indhold", "befolkning", "count"}


class PopulationError(Exception):
    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class Cell:
    postcode: str
    area_name: str
    age_band: str
    count: int


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


_AREA = re.compile(r"^\s*(\d{4})\b\s*(.*)$")
_RANGE = re.compile(r"^(\d{1,3})\s*[-–]\s*(\d{1,3})(?:\s*år)?$")
_ONE = re.compile(r"^(\d{1,3})(?:\s*år)?$")
_OPEN = re.compile(r"^(\d{1,3})\s*(?:\+|år\s+og\s+derover|år\s+og\s+over)$")


def age_range(text: str) -> tuple[int, int] | None:
    value = text.strip().lower()
    if m := _RANGE.match(value):
        return int(m[1]), int(m[2])
    if m := _ONE.match(value):
        return int(m[1]), int(m[1])
    if m := _OPEN.match(value):
        return int(m[1]), 200
    return None


def band_of(low: int, high: int) -> str | None:
    for band, (first, last) in AGE_LIMITS.items():
        if first <= low and high <= last:
            return band.value
    return None


def count_of(text: str) -> int | None:
    value = text.strip().replace(" ", "").replace("\xa0", "").replace(".", "")
    if "," in value:
        whole, _sep, decimals = value.partition(",")
        if decimals.strip("0"):
            return None
        value = whole
    if not value.isdigit():
        return None
    return int(value)


def _column(header: list[str], names: set[str]) -> int | None:
    for i, name in enumerate(header):
        if name.strip().strip('"').lower() in names:
            return i
    return None


def parse(data: bytes) -> list[Cell]:
    """The population by postcode and age band, or PopulationError."""
    if len(data) > MAX_BYTES:
        raise PopulationError([_("Filen er for stor (højst 2 MB).")])
    text = _decode(data)
    if not text.strip():
        raise PopulationError([_("Filen er tom.")])
    reader = csv.reader(io.StringIO(text), delimiter=";")
    rows = list(reader)
    header = rows[0] if rows else []
    area_i = _column(header, AREA_COLUMNS)
    age_i = _column(header, AGE_COLUMNS)
    count_i = _column(header, COUNT_COLUMNS)
    if area_i is None or age_i is None or count_i is None:
        raise PopulationError(
            [
                _(
                    "Første linje skal navngive kolonnerne område, alder og antal, "
                    "adskilt af semikolon (fx “område;alder;antal”)."
                )
            ]
        )
    errors: list[str] = []
    totals: dict[tuple[str, str], int] = defaultdict(int)
    names: dict[str, str] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(area_i, age_i, count_i):
            errors.append(_("Linje %(n)s: der mangler kolonner.") % {"n": number})
            continue
        area = _AREA.match(row[area_i])
        ages = age_range(row[age_i])
        count = count_of(row[count_i])
        if area is None:
            errors.append(
                _("Linje %(n)s: området skal begynde med et postnummer på fire cifre.")
                % {"n": number}
            )
        elif ages is None:
            errors.append(
                _("Linje %(n)s: alderen “%(age)s” kan ikke læses.")
                % {"n": number, "age": row[age_i].strip()}
            )
        elif (band := band_of(*ages)) is None:
            errors.append(
                _(
                    "Linje %(n)s: aldersgruppen “%(age)s” går på tværs af "
                    "Fælles' aldersgrupper (under 18, 18–29, 30–49, 50–64, 65 og "
                    "derover). Brug enkelte år eller grupper inden for dem."
                )
                % {"n": number, "age": row[age_i].strip()}
            )
        elif count is None:
            errors.append(
                _("Linje %(n)s: antallet “%(count)s” er ikke et helt tal.")
                % {"n": number, "count": row[count_i].strip()}
            )
        else:
            totals[(area[1], band)] += count
            if area[2].strip():
                names.setdefault(area[1], area[2].strip()[:80])
        if len(errors) >= MAX_ERRORS:
            errors.append(_("Der er flere fejl; ret disse først."))
            break
    if errors:
        raise PopulationError(errors)
    if not totals:
        raise PopulationError([_("Filen har ingen rækker med tal.")])
    return [
        Cell(postcode, names.get(postcode, ""), band, n)
        for (postcode, band), n in sorted(totals.items())
    ]
