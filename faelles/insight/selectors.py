"""Reading the dashboards: only the stored rollups (``rollups.py``), one query per
page for the figures. What is hidden stays hidden: a filter picks cells of the
one suppressed table of each figure (``cube.py``), never computes new ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from faelles.core.insight_sources import (
    GROUPS,
    InsightSource,
    InsightTrend,
    insight_sources,
    insight_trends,
)
from faelles.participation.models import Rung

from . import movement as M
from .cube import ALL
from .models import (
    UNKNOWN,
    AgeBand,
    PopulationFigure,
    PopulationImport,
    Refresh,
    Rollup,
    TrendPoint,
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


def category_labels() -> dict[str, str]:
    return {
        M.NEW: str(_("Nye på stigen")),
        M.UP: str(_("Rykket op")),
        M.SAME: str(_("Samme trin")),
        M.DOWN: str(_("Rykket ned")),
        M.STOPPED: str(_("Ikke aktive mere")),
    }


def state_labels() -> list[tuple[int, str, str]]:
    """(level, short label, full label) of the transition table's states."""
    return [
        (0, str(_("Ikke aktiv")), str(_("Ikke aktiv"))),
        *(
            (
                rung.value,
                str(_("Trin %(n)s") % {"n": rung.value}),
                str(
                    _("Trin %(n)s: %(label)s") % {"n": rung.value, "label": rung.label}
                ),
            )
            for rung in Rung
        ),
    ]


@dataclass
class MovementView:
    """The movement between rungs as the filter shows it (``movement.py``).

    ``note`` says why a part is missing for this filter. ``changes``: the
    changes of quarter (the quarter after, its label), ``series``: up, same
    and down per change, for everyone; ``focus``: the filter's quarter's,
    when it is one a change leads into; ``window``: the categories over the
    whole window for everyone (all five) or the filter's area or age band (up,
    same and down); ``matrix``: the pooled transition table, rows before × columns
    after (True for the cell 0 → 0, which is everyone else)."""

    note: str = ""
    changes: list[tuple[str, str]] = field(default_factory=list)
    series: list[tuple[str, list[int | None]]] = field(default_factory=list)
    focus: list[tuple[str, int | None]] = field(default_factory=list)
    focus_label: str = ""
    group_label: str = ""
    window: list[tuple[str, int | None]] = field(default_factory=list)
    states: list[tuple[int, str, str]] = field(default_factory=list)
    matrix: list[list[int | None | bool]] = field(default_factory=list)


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
    movement: MovementView | None = None


def age_labels() -> dict[str, str]:
    return {**{b.value: str(b.label) for b in AgeBand}, UNKNOWN: str(_("ikke oplyst"))}


def period_name(period: str) -> str:
    if not period:
        return str(_("hele perioden"))
    year, quarter = period.split("K")
    return str(_("%(quarter)s. kvartal %(year)s") % {"quarter": quarter, "year": year})


def period_short(period: str) -> str:
    """A quarter as a chart's axis names it (narrow: "K3 2026")."""
    year, quarter = period.split("K")
    return str(_("K%(quarter)s %(year)s") % {"quarter": quarter, "year": year})


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
    # … and the movement between rungs for the filter's area or age band
    # (every quarter's, and the transition table, for everyone).
    moving = Q(source__in=M.keys(), area=f.area, age_band=f.age, theme=ALL) & ~Q(
        area__gt="", age_band__gt=""
    )
    cells: dict[tuple, tuple[int | None, Decimal | None]] = {}
    for row in (
        Rollup.objects.filter(municipality=municipality)
        .filter((Q(source__in=keys) & wanted) | moving)
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
        refresh,
        f,
        groups,
        over_time,
        by_area,
        by_age,
        periods,
        areas,
        themes,
        _movement(f, refresh, cells, periods, areas),
    )


def _movement(
    f: InsightFilter, refresh: Refresh | None, cells: dict, periods: dict, areas: dict
) -> MovementView | None:
    """The movement between rungs from the cells the dashboard read; None when
    there is none (not computed yet)."""
    if refresh is None:
        return None
    if f.theme:
        return MovementView(
            note=str(
                _(
                    "Bevægelser mellem trinene opgøres ikke efter tema: en person "
                    "kan være aktiv under flere temaer."
                )
            )
        )
    if f.area and f.age:
        return MovementView(
            note=str(
                _(
                    "Bevægelser mellem trinene vises for et område eller en "
                    "aldersgruppe, ikke for begge sammen: grupperne ville blive "
                    "for små."
                )
            )
        )
    if not any(key[0].startswith("ladder.move") for key in cells):
        return None  # the registry has no activity ladder

    def at(source: str, period: str = ALL) -> int | None:
        return cells.get((source, period, f.area, f.age, ALL), (None, None))[0]

    labels = category_labels()
    view = MovementView()
    if f.area or f.age:
        view.group_label = (
            areas.get(f.area, f.area) if f.area else age_labels().get(f.age, f.age)
        )
        view.window = [(labels[c], at(M.category_key(c))) for c in M.BOTH]
        view.note = str(
            _(
                "For et område eller en aldersgruppe vises bevægelserne for hele "
                "perioden og kun for dem, der var aktive i to kvartaler efter "
                "hinanden: kvartal for kvartal og i tabellen over trin bliver "
                "grupperne for små. Vælg alle områder og aldre for at se dem."
            )
        )
        return view
    # The changes of quarter counted: from the first quarter with anyone
    # active (``rollups._linked_rows``) to the last completed one.
    counted = {key[1] for key in cells if key[0] == M.category_key(M.SAME)}
    completed = list(refresh.periods[:-1])
    view.changes = [(p, periods.get(p, p)) for p in completed[1:] if p in counted]
    view.series = [
        (labels[c], [at(M.category_key(c), p) for p, _label in view.changes])
        for c in M.BOTH
    ]
    if f.period and f.period in dict(view.changes):
        before = completed[completed.index(f.period) - 1]
        view.focus_label = str(
            _("Fra %(before)s til %(after)s")
            % {"before": periods.get(before, before), "after": periods.get(f.period)}
        )
        view.focus = [(labels[c], at(M.category_key(c), f.period)) for c in M.BOTH]
    elif f.period:
        view.note = str(
            _(
                "Bevægelser regnes fra et afsluttet kvartal til det næste: der er "
                "ingen ind i det første kvartal i perioden eller i det kvartal, "
                "der er i gang."
            )
        )
    view.window = [(labels[c], at(M.category_key(c))) for c in M.CATEGORIES]
    view.states = state_labels()
    view.matrix = [
        [True if not (i or j) else at(M.move_key(i, j)) for j, _s, _l in view.states]
        for i, _s, _l in view.states
    ]
    return view


@dataclass
class TrendView:
    trend: InsightTrend
    points: list[TrendPoint]


def trends(*, municipality, user) -> list[TrendView]:
    """The published series the person may see on the internal dashboard (one
    query), in page order."""
    visible = [
        t
        for t in insight_trends()
        if t.perm is None or user.has_perm(t.perm, municipality)
    ]
    if not visible:
        return []
    points: dict[str, list[TrendPoint]] = {}
    for point in TrendPoint.objects.filter(
        municipality=municipality, source__in=[t.key for t in visible]
    ).order_by("source", "position"):
        points.setdefault(point.source, []).append(point)
    return [TrendView(t, points.get(t.key, [])) for t in visible]


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
