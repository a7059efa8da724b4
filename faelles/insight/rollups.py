"""Computing the dashboards' figures: every source counted by period, area, age
band and theme, suppressed as one table per figure (``cube``), and stored as
rollups. Run by a background task (``tasks.refresh_insight``) and by
``faelles insight_refresh``; the pages read only what is stored here."""

from __future__ import annotations

import time
from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import CharField, Count, F, IntegerField, Sum, Value
from django.db.models.functions import TruncQuarter
from django.utils import timezone

from faelles.core.insight_sources import InsightSource, insight_sources
from faelles.municipalities.themes import municipality_themes

from .cube import ALL, Dimensions, figure_table, published
from .models import (
    UNKNOWN,
    AgeBand,
    PopulationFigure,
    Refresh,
    Rollup,
    age_band,
)

QUARTERS = 8  # the window: this quarter and the seven before it
NO_THEME = "-"


def period_label(day: date | datetime) -> str:
    return f"{day.year}K{(day.month - 1) // 3 + 1}"


def window(today: date) -> tuple[list[str], datetime, datetime]:
    """The quarters of the window (oldest first) and its start and end."""
    year, quarter = today.year, (today.month - 1) // 3
    starts = []
    for back in range(QUARTERS - 1, -1, -1):
        q = quarter - back
        y = year + q // 4
        starts.append(date(y, q % 4 * 3 + 1, 1))
    end_q = quarter + 1
    end = date(year + end_q // 4, end_q % 4 * 3 + 1, 1)
    tz = timezone.get_current_timezone()
    start_dt = datetime(starts[0].year, starts[0].month, 1, tzinfo=tz)
    end_dt = datetime(end.year, end.month, 1, tzinfo=tz)
    return [period_label(s) for s in starts], start_dt, end_dt


def _areas(municipality) -> list[tuple[str, str]]:
    """(postcode, name) of the areas of the population table; everyone else is
    in UNKNOWN ("another area or not given")."""
    names: dict[str, str] = {}
    for postcode, name in PopulationFigure.objects.filter(
        municipality=municipality
    ).values_list("postcode", "area_name"):
        names.setdefault(postcode, name)
    return sorted(names.items())


class _Counts:
    """A source's leaf counts (and amounts) before suppression."""

    def __init__(self) -> None:
        self.by_area: dict[tuple[str, str], int] = defaultdict(int)
        self.by_age: dict[tuple[str, str], int] = defaultdict(int)
        self.crossed: dict[tuple[str, str], int] = defaultdict(int)
        self.by_theme: dict[str, int] = defaultdict(int)
        self.amount: dict[tuple[str, str, str, str], Decimal] = defaultdict(Decimal)

    def add(
        self, p: str, a: str, g: str, t: str | None, n: int, s: Any, *, cross: bool
    ):
        self.by_area[(p, a)] += n
        self.by_age[(p, g)] += n
        s = Decimal(s or 0)
        self.amount[(p, a, ALL, ALL)] += s
        self.amount[(p, ALL, g, ALL)] += s
        self.amount[(p, ALL, ALL, ALL)] += s
        if cross:
            self.crossed[(a, g)] += n
            self.amount[(ALL, a, g, ALL)] += s
        if t is not None:
            self.by_theme[t] += n
            self.amount[(ALL, ALL, ALL, t)] += s


def _count(
    source: InsightSource,
    municipality,
    periods: list[str],
    start: datetime,
    end: datetime,
    areas: set[str],
    themes: set[str],
    this_year: int,
) -> _Counts:
    person = source.person
    qs = (
        source.queryset(municipality)
        .filter(**{f"{source.when}__gte": start, f"{source.when}__lt": end})
        .order_by()
    )
    if person is None:
        qs = qs.annotate(
            _pc=Value(None, output_field=CharField()),
            _by=Value(None, output_field=IntegerField()),
        )
    else:
        qs = qs.annotate(
            _pc=F(f"{person}__postcode"),
            _by=F(f"{person}__insight_birth_year__year"),
        )
    n = Count(person, distinct=True) if source.people and person else Count("pk")
    aggregates: dict[str, Any] = {"_n": n}
    if source.amount:
        aggregates["_s"] = Sum(source.amount)
    fields = ["_q", "_pc", "_by"]
    if source.theme:
        qs = qs.annotate(_th=F(source.theme))
        fields.append("_th")

    def area(postcode: str | None) -> str:
        return postcode if postcode in areas else UNKNOWN

    def age(year: int | None) -> str:
        return age_band(this_year - year) if year else UNKNOWN

    def theme(theme_id: Any) -> str:
        return str(theme_id) if str(theme_id) in themes else NO_THEME

    counts = _Counts()
    rows = (
        qs.annotate(_q=TruncQuarter(source.when)).values(*fields).annotate(**aggregates)
    )
    for row in rows:
        p = period_label(
            timezone.localtime(row["_q"])
            if isinstance(row["_q"], datetime)
            else row["_q"]
        )
        if p not in periods:
            continue
        counts.add(
            p,
            area(row["_pc"]),
            age(row["_by"]),
            theme(row["_th"]) if source.theme else None,
            row["_n"],
            row.get("_s"),
            cross=not source.people,
        )
    if source.people:
        # Distinct people over the whole window: not the sum of the quarters.
        whole = qs.values("_pc", "_by").annotate(**aggregates)
        for row in whole:
            counts.add(
                ALL,
                area(row["_pc"]),
                age(row["_by"]),
                None,
                row["_n"],
                row.get("_s"),
                cross=True,
            )
    return counts


def _rows(source: InsightSource, municipality, dims: Dimensions, counts: _Counts):
    table = figure_table(
        dims,
        counts.by_area,
        counts.by_age,
        counts.crossed,
        additive=not source.people,
        by_theme=counts.by_theme if source.theme else None,
    )
    values = published(table)
    for (p, a, g, t), value in values.items():
        amount = None
        if source.amount and value is not None:
            amount = counts.amount.get((p, a, g, t), Decimal(0))
        yield Rollup(
            municipality=municipality,
            source=source.key,
            period=p,
            area=a,
            age_band=g,
            theme=t,
            count=value,
            amount=amount,
        )


def refresh(municipality, *, now: datetime | None = None) -> Refresh:
    """Count, suppress and store every source's figures for ``municipality``."""
    began = time.monotonic()
    municipality.__dict__.pop("_insight_refresh", None)  # selectors.refresh_of
    now = now or timezone.now()
    today = timezone.localdate(now)
    periods, start, end = window(today)
    areas = _areas(municipality)
    themes = [(str(t.pk), t.name_local) for t in municipality_themes(municipality)]
    dims = Dimensions(
        periods=tuple(periods),
        areas=(*(a for a, _ in areas), UNKNOWN),
        ages=(*AgeBand.values, UNKNOWN),
        themes=(*(t for t, _ in themes), NO_THEME),
    )
    rollups: list[Rollup] = []
    for source in insight_sources():
        counts = _count(
            source,
            municipality,
            periods,
            start,
            end,
            {a for a, _ in areas},
            {t for t, _ in themes},
            today.year,
        )
        rollups.extend(_rows(source, municipality, dims, counts))
    with transaction.atomic():
        Rollup.objects.filter(municipality=municipality).delete()
        Rollup.objects.bulk_create(rollups, batch_size=2000)
        found, _created = Refresh.objects.update_or_create(
            municipality=municipality,
            defaults={
                "refreshed_at": now,
                "duration_ms": int((time.monotonic() - began) * 1000),
                "periods": periods,
                "areas": [list(a) for a in areas],
                "themes": [list(t) for t in themes],
            },
        )
    return found
