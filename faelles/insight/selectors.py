"""Reading the dashboards: only the stored rollups (``rollups.py``), one query per
page for the figures. What is hidden stays hidden: a filter picks cells of the
one suppressed table of each figure (``cube.py``), never computes new ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from faelles.core.insight_sources import GROUPS, InsightSource, insight_sources

from .cube import ALL
from .models import (
    UNKNOWN,
    AgeBand,
    PopulationFigure,
    PopulationImport,
    Refresh,
    Rollup,
)
from .rollups import NO_THEME


@dataclass(frozen=True)
class InsightFilter:
    period: str = ALL
    area: str = ALL
    age: str = ALL
    theme: str = ALL

    def normalised(self) -> InsightFilter:
        """The combinations the figures exist for: a theme over the whole window
        only, area and age band together over the whole window only."""
        if self.theme:
            return InsightFilter(theme=self.theme)
        if self.area and self.age:
            return InsightFilter(area=self.area, age=self.age)
        return self


@dataclass
class Figure:
    source: InsightSource
    count: int | None
    amount: Decimal | None = None
    answered: bool = True  # False: not counted by the filter's theme

    @property
    def shown_amount(self) -> Decimal | None:
        if self.amount is None or self.count is None:
            return None
        if self.source.average:
            return (
                (self.amount / self.count).quantize(Decimal("0.1"))
                if self.count
                else None
            )
        return self.amount


@dataclass
class Series:
    """One figure along one dimension (periods, areas, age bands)."""

    source: InsightSource
    points: list[tuple[str, str, int | None]]  # (key, label, count)


@dataclass
class GroupView:
    key: str
    label: Any
    figures: list[Figure] = field(default_factory=list)


@dataclass
class Dashboard:
    refresh: Refresh | None
    filter: InsightFilter
    groups: list[GroupView]
    over_time: list[Series]
    by_area: list[Series]
    by_age: list[Series]
    period_labels: dict[str, str]
    area_labels: dict[str, str]
    theme_labels: dict[str, str]


def age_labels() -> dict[str, str]:
    return {**{b.value: str(b.label) for b in AgeBand}, UNKNOWN: str(_("ikke oplyst"))}


def period_name(period: str) -> str:
    if not period:
        return str(_("hele perioden"))
    year, quarter = period.split("K")
    return str(_("%(quarter)s. kvartal %(year)s") % {"quarter": quarter, "year": year})


def refresh_of(municipality) -> Refresh | None:
    """Read once per municipality object (``request.municipality`` lives for one
    request)."""
    if not hasattr(municipality, "_insight_refresh"):
        municipality._insight_refresh = Refresh.objects.filter(
            municipality=municipality
        ).first()
    return municipality._insight_refresh


def labels(refresh: Refresh | None) -> tuple[dict, dict, dict]:
    if refresh is None:
        return {}, {}, {}
    periods = {p: period_name(p) for p in refresh.periods}
    areas = {code: f"{code} {name}".strip() for code, name in refresh.areas} | {
        UNKNOWN: str(_("andet område eller ikke oplyst"))
    }
    themes = dict(refresh.themes) | {NO_THEME: str(_("uden tema"))}
    return periods, areas, themes


def visible_sources(*, internal: bool) -> list[InsightSource]:
    return [s for s in insight_sources() if internal or not s.internal]


def dashboard(
    *, municipality, f: InsightFilter, internal: bool = False, figures: bool = True
) -> Dashboard:
    """The figures for one filter; ``figures=False``: only the refresh and the
    labels (the page has the figures rendered in its cache)."""
    f = f.normalised()
    refresh = refresh_of(municipality)
    if not figures:
        periods, areas, themes = labels(refresh)
        return Dashboard(refresh, f, [], [], [], [], periods, areas, themes)
    periods, areas, themes = labels(refresh)
    sources = visible_sources(internal=internal)
    keys = [s.key for s in sources]
    # The cells every part of the page needs, in one query: the figures at the
    # filter, along the periods, along the areas and along the age bands.
    wanted = (
        Q(period=f.period, area=f.area, age_band=f.age, theme__in={f.theme, ALL})
        | Q(area=f.area, age_band=f.age, theme=ALL)
        | Q(period=f.period, age_band=f.age, theme=ALL)
        | Q(period=f.period, area=f.area, theme=ALL)
    )
    cells: dict[tuple, tuple[int | None, Decimal | None]] = {}
    for row in (
        Rollup.objects.filter(municipality=municipality, source__in=keys)
        .filter(wanted)
        .values_list("source", "period", "area", "age_band", "theme", "count", "amount")
    ):
        cells[row[:5]] = (row[5], row[6])

    def at(source: InsightSource, p: str, a: str, g: str, t: str = ALL):
        return cells.get((source.key, p, a, g, t), (None, None))

    groups = []
    for group in sorted(GROUPS, key=lambda g: g.order):
        view = GroupView(group.key, group.label)
        for source in sources:
            if source.group != group.key:
                continue
            if f.theme and not source.theme:
                view.figures.append(Figure(source, None, answered=False))
                continue
            count, amount = at(source, f.period, f.area, f.age, f.theme)
            view.figures.append(Figure(source, count, amount))
        if view.figures:
            groups.append(view)

    def series(source, points):
        return Series(
            source, [(k, lbl, at(source, *cell)[0]) for k, lbl, cell in points]
        )

    ladder = [s for s in sources if s.group == "ladder"]
    over_time: list[Series] = []
    by_area: list[Series] = []
    by_age: list[Series] = []
    if not f.theme and refresh is not None:
        if not (f.area and f.age):
            over_time = [
                series(s, [(p, lbl, (p, f.area, f.age)) for p, lbl in periods.items()])
                for s in ladder
            ]
        if not (f.period and f.age):
            by_area = [
                series(s, [(a, lbl, (f.period, a, f.age)) for a, lbl in areas.items()])
                for s in (ladder if internal else ladder[:1])
            ]
        if not (f.period and f.area):
            by_age = [
                series(
                    s,
                    [
                        (g, lbl, (f.period, f.area, g))
                        for g, lbl in age_labels().items()
                    ],
                )
                for s in (ladder if internal else ladder[:1])
            ]
    return Dashboard(
        refresh, f, groups, over_time, by_area, by_age, periods, areas, themes
    )


@dataclass
class ReachRow:
    area: str
    label: str
    cells: list[tuple[int | None, int | None, float | None]]  # (population, active, %)
    total: tuple[int | None, int | None, float | None]


def _rate(population: int | None, active: int | None) -> float | None:
    if not population or active is None:
        return None
    return round(100 * active / population, 1)


def reach(*, municipality) -> dict[str, Any]:
    """Active people over the whole window per area × age band, beside the
    population: whom the municipality does not reach."""
    refresh = refresh_of(municipality)
    _periods, areas, _themes = labels(refresh)
    source = next((s for s in insight_sources() if s.key == "ladder.any"), None)
    population: dict[tuple[str, str], int] = {}
    for postcode, band, people in PopulationFigure.objects.filter(
        municipality=municipality
    ).values_list("postcode", "age_band", "count"):
        population[(postcode, band)] = people
    active: dict[tuple[str, str], int | None] = {}
    if source is not None:
        for a, g, n in Rollup.objects.filter(
            municipality=municipality, source=source.key, period=ALL, theme=ALL
        ).values_list("area", "age_band", "count"):
            active[(a, g)] = n
    bands = list(AgeBand.values)
    rows = []
    for code, label in areas.items():
        if code == UNKNOWN:
            continue
        cells = []
        for band in bands:
            pop = population.get((code, band))
            act = active.get((code, band))
            cells.append((pop, act, _rate(pop, act)))
        pop_total = sum(population.get((code, b), 0) for b in bands) or None
        act_total = active.get((code, ALL))
        rows.append(
            ReachRow(
                code, label, cells, (pop_total, act_total, _rate(pop_total, act_total))
            )
        )
    totals = []
    for band in bands:
        pop = sum(n for (a, g), n in population.items() if g == band) or None
        act = active.get((ALL, band))
        totals.append((pop, act, _rate(pop, act)))
    imported = PopulationImport.objects.filter(municipality=municipality).first()
    return {
        "refresh": refresh,
        "bands": [str(AgeBand(b).label) for b in bands],
        "rows": rows,
        "totals": totals,
        "imported": imported,
        "unknown_active": active.get((UNKNOWN, ALL)),
    }
