"""Computing the dashboards' figures: every source counted by period, area, age
band and theme, suppressed as one table per figure (``cube``), and stored as
rollups; the movement between the rungs of the activity ladder (``movement``)
suppressed together with the two figures it shares people with; the series
other apps publish themselves (``trends``). Run by a background task
(``tasks.refresh_insight``) and by ``faelles insight_refresh``; the pages read
only what is stored here."""

from __future__ import annotations

import time
from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

from django.db import transaction
from django.db.models import CharField, Count, F, IntegerField, Max, Sum, Value
from django.db.models.functions import TruncQuarter
from django.utils import timezone

from faelles.core.insight_sources import InsightSource, insight_sources
from faelles.disclosure import merge, suppress
from faelles.municipalities.themes import municipality_themes

from . import movement, trends
from .cube import ALL, Dimensions, figure_table, published
from .models import (
    UNKNOWN,
    AgeBand,
    PopulationFigure,
    Refresh,
    Rollup,
    TrendPoint,
    age_band,
)

QUARTERS = 8  # the window: this quarter and the seven before it
NO_THEME = "-"
# The figures that count the same people as the movement between rungs.
LINKED = (movement.ANY, movement.top_key())


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


def _table(source: InsightSource, dims: Dimensions, counts: _Counts):
    return figure_table(
        dims,
        counts.by_area,
        counts.by_age,
        counts.crossed,
        additive=not source.people,
        by_theme=counts.by_theme if source.theme else None,
    )


def _rows(
    source: InsightSource,
    municipality,
    counts: _Counts,
    values: dict[tuple[str, str, str, str], int | None],
):
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


def _ladder(
    source: InsightSource,
    municipality,
    periods: list[str],
    start: datetime,
    end: datetime,
    areas: set[str],
    this_year: int,
) -> dict[Any, tuple[str, str, list[int]]]:
    """Each person's area, age band and level (highest rung, 0 = not active)
    in every quarter of the window, from the acts ``source`` counts — in one
    query, so that the people active and the movement agree exactly."""
    person = source.person or "user"
    qs = (
        source.queryset(municipality)
        .filter(**{f"{source.when}__gte": start, f"{source.when}__lt": end})
        .order_by()
        .annotate(
            _q=TruncQuarter(source.when),
            _pc=F(f"{person}__postcode"),
            _by=F(f"{person}__insight_birth_year__year"),
        )
        .values(person, "_q", "_pc", "_by")
        .annotate(_top=Max("rung"))
    )
    index = {p: i for i, p in enumerate(periods)}
    people: dict[Any, tuple[str, str, list[int]]] = {}
    for row in qs.iterator(chunk_size=5000):
        day = row["_q"]
        at = index.get(
            period_label(timezone.localtime(day) if isinstance(day, datetime) else day)
        )
        if at is None:
            continue
        found = people.get(row[person])
        if found is None:
            postcode, year = row["_pc"], row["_by"]
            found = (
                postcode if postcode in areas else UNKNOWN,
                age_band(this_year - year) if year else UNKNOWN,
                [0] * len(periods),
            )
            people[row[person]] = found
        found[2][at] = max(found[2][at], row["_top"])
    return people


def _ladder_counts(
    people: dict[Any, tuple[str, str, list[int]]], periods: list[str], *, top: int
) -> dict[str, _Counts]:
    """The people active (``ladder.any``) and active on the top rung, as the
    generic count of distinct people would give them."""
    tally: dict[tuple[str, str, str, str], int] = defaultdict(int)
    for area, age, levels in people.values():
        for key, hit in ((movement.ANY, 1), (movement.top_key(top), top)):
            seen = False
            for period, level in zip(periods, levels, strict=True):
                if level >= hit:
                    tally[(key, period, area, age)] += 1
                    seen = True
            if seen:
                tally[(key, ALL, area, age)] += 1
    counts = {key: _Counts() for key in LINKED}
    for (key, p, a, g), n in tally.items():
        counts[key].add(p, a, g, None, n, None, cross=p == ALL)
    return counts


def _linked_rows(
    sources: dict[str, InsightSource],
    municipality,
    dims: Dimensions,
    periods: list[str],
    start: datetime,
    end: datetime,
    areas: set[str],
    this_year: int,
) -> list[Rollup]:
    """``ladder.any``, the top rung and the movement between rungs, suppressed
    as one table (``movement``)."""
    people = _ladder(
        sources[movement.ANY],
        municipality,
        periods,
        start,
        end,
        areas,
        this_year,
    )
    counts = _ladder_counts(people, periods, top=movement.RUNGS)
    # Completed quarters (this one is not over yet), from the first in which
    # anyone was active: before it there is no movement to tell, and a run of
    # changes that are all zero only makes the suppression hide zeros.
    first = min(
        (
            levels.index(next(filter(None, levels)))
            for _a, _g, levels in people.values()
        ),
        default=len(periods),
    )
    start_at = min(first, len(periods) - 2)
    completed = tuple(periods[start_at:-1])
    table = merge(
        *(
            movement.keyed(key, _table(sources[key], dims, counts[key]))
            for key in LINKED
        ),
        movement.movement_table(
            completed,
            dims.areas,
            dims.ages,
            (
                movement.Person(area, age, tuple(levels[start_at:-1]))
                for area, age, levels in people.values()
            ),
        ),
    )
    values: dict[str, dict[tuple[str, str, str, str], int | None]] = defaultdict(dict)
    for key, value in suppress(table).values.items():
        source, p, a, g, t = cast(movement.Key, key)
        values[source][(p, a, g, t)] = value
    rows: list[Rollup] = []
    for key in LINKED:
        rows.extend(_rows(sources[key], municipality, counts[key], values.pop(key)))
    for source, cells in values.items():
        rows.extend(
            Rollup(
                municipality=municipality,
                source=source,
                period=p,
                area=a,
                age_band=g,
                theme=t,
                count=value,
            )
            for (p, a, g, t), value in cells.items()
        )
    return rows


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
    sources = {source.key: source for source in insight_sources()}
    # The movement needs both figures it shares people with (a registry
    # without them shows no movement), counted as distinct people.
    linked = all(
        key in sources and sources[key].people and not sources[key].amount
        for key in LINKED
    )
    if linked:
        rollups.extend(
            _linked_rows(
                sources,
                municipality,
                dims,
                periods,
                start,
                end,
                {a for a, _ in areas},
                today.year,
            )
        )
    for source in sources.values():
        if linked and source.key in LINKED:
            continue
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
        values = published(_table(source, dims, counts))
        rollups.extend(_rows(source, municipality, counts, values))
    points = trends.collect(municipality, start=start.date(), end=end.date())
    with transaction.atomic():
        Rollup.objects.filter(municipality=municipality).delete()
        Rollup.objects.bulk_create(rollups, batch_size=2000)
        TrendPoint.objects.filter(municipality=municipality).delete()
        TrendPoint.objects.bulk_create(points, batch_size=2000)
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
