"""The table of one dashboard figure, as the suppression engine sees it.

Pure (no Django), so it is tested and benchmarked alone. Every figure is counted
by period × area, by period × age band, by area × age band over the whole
window, and — for figures that have themes — by theme over the whole window
(by period × theme took most of a minute to suppress for a municipality whose
communities had a few new members a quarter); these tables
share their totals (``ALL`` in a place is the total over it). The whole of it is suppressed at once (``faelles.disclosure``), and every
filtered view of the dashboard shows only cells of that one suppressed table:
what one view hides, no other view (nor any difference between views) gives away.

Counts of rows (offers, initiatives) add up over periods, so the period total is
a relation too. Counts of distinct people do not (one person is active in several
quarters): the whole window is then a slice of its own, with its own margins
over area and age band, and no relation to the quarters.

Area × age band is crossed for the whole window only: crossing them in every
quarter made tables of thousands of mostly small cells, which took minutes to
suppress; the dashboard offers area and age band together for the whole window.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import cast

from faelles.disclosure import Table, suppress

ALL = ""

# (period, area, age band, theme); ALL in a place is the total over it.
Key = tuple[str, str, str, str]


@dataclass(frozen=True)
class Dimensions:
    periods: tuple[str, ...]
    areas: tuple[str, ...]
    ages: tuple[str, ...]
    themes: tuple[str, ...] = ()


def _sum_relation(
    cells: dict[Key, int], relations: list, total: Key, parts: Iterable[Key]
) -> None:
    parts = tuple(parts)
    for part in parts:
        cells.setdefault(part, 0)
    cells[total] = sum(cells[p] for p in parts)
    relations.append((total, parts))


def figure_table(
    dims: Dimensions,
    by_area: Mapping[tuple[str, str], int],
    by_age: Mapping[tuple[str, str], int],
    crossed: Mapping[tuple[str, str], int],
    *,
    additive: bool,
    by_theme: Mapping[str, int] | None = None,
) -> Table:
    """The figure's cells and relations.

    ``by_area``: (period, area) → count and ``by_age``: (period, age band) → count,
    leaves only (missing = 0), where ``period`` may be ``ALL`` (the whole window)
    for counts that do not add up over periods (``additive=False``).
    ``crossed``: (area, age band) → count over the whole window. ``by_theme``:
    theme → count over the whole window, for additive counts with themes."""
    if not additive and by_theme:
        raise ValueError("counts by theme must add up over periods")
    cells: dict[Key, int] = {}
    relations: list[tuple[Key, tuple[Key, ...]]] = []
    for (p, a), n in by_area.items():
        cells[(p, a, ALL, ALL)] = n
    for (p, g), n in by_age.items():
        cells[(p, ALL, g, ALL)] = n
    for (a, g), n in crossed.items():
        cells[(ALL, a, g, ALL)] = n
    periods = dims.periods if additive else (*dims.periods, ALL)
    if additive:
        for a in dims.areas:
            _sum_relation(
                cells,
                relations,
                (ALL, a, ALL, ALL),
                ((p, a, ALL, ALL) for p in dims.periods),
            )
        for g in dims.ages:
            _sum_relation(
                cells,
                relations,
                (ALL, ALL, g, ALL),
                ((p, ALL, g, ALL) for p in dims.periods),
            )
    for p in periods:
        _sum_relation(
            cells,
            relations,
            (p, ALL, ALL, ALL),
            ((p, a, ALL, ALL) for a in dims.areas),
        )
        ages = tuple((p, ALL, g, ALL) for g in dims.ages)
        for part in ages:
            cells.setdefault(part, 0)
        if sum(cells[k] for k in ages) != cells[(p, ALL, ALL, ALL)]:
            raise ValueError(f"period {p!r}: the counts by area and by age differ")
        relations.append(((p, ALL, ALL, ALL), ages))
    if additive:
        relations.append(
            ((ALL, ALL, ALL, ALL), tuple((p, ALL, ALL, ALL) for p in dims.periods))
        )
        cells[(ALL, ALL, ALL, ALL)] = sum(
            cells[(p, ALL, ALL, ALL)] for p in dims.periods
        )
    # The whole window by area × age band: its margins are the cells above.
    for a in dims.areas:
        parts = tuple((ALL, a, g, ALL) for g in dims.ages)
        for part in parts:
            cells.setdefault(part, 0)
        relations.append(((ALL, a, ALL, ALL), parts))
    for g in dims.ages:
        relations.append(
            ((ALL, ALL, g, ALL), tuple((ALL, a, g, ALL) for a in dims.areas))
        )
    if by_theme is not None and dims.themes:
        for t, n in by_theme.items():
            cells[(ALL, ALL, ALL, t)] = n
        parts = tuple((ALL, ALL, ALL, t) for t in dims.themes)
        for part in parts:
            cells.setdefault(part, 0)
        relations.append(((ALL, ALL, ALL, ALL), parts))
    return Table(cast(dict[Hashable, int], cells), tuple(relations))


def published(table: Table) -> dict[Key, int | None]:
    """Every cell as it may be shown: the count, or None (hidden)."""
    return suppress(table, exact_ranges=False).values  # type: ignore[return-value]
