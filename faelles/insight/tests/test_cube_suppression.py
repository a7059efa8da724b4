"""Suppression holds across the dashboard's filters: every filtered view shows
cells of one suppressed table per figure, so an attacker who reads every view
(every period, area, age band and theme, and their differences) can pin down no
hidden cell and narrow no small group to fewer than five possible values."""

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faelles.disclosure import THRESHOLD, attack
from faelles.insight.cube import ALL, Dimensions, figure_table, published

pytestmark = pytest.mark.engine

PERIODS = ("2026K1", "2026K2", "2026K3")
AREAS = ("5000", "5200", "?")
AGES = ("u18", "18-29", "65+", "?")
THEMES = ("1", "2", "-")
DIMS = Dimensions(PERIODS, AREAS, AGES, THEMES)


def view_cells(f_period: str, f_area: str, f_age: str, f_theme: str) -> set:
    """The cells one filtered view of the dashboard reads (selectors.dashboard):
    the figure at the filter, along the periods, the areas and the age bands."""
    if f_theme:
        return {(ALL, ALL, ALL, f_theme)}
    if f_area and f_age:
        f_period = ALL
    cells = {(f_period, f_area, f_age, ALL)}
    if not (f_area and f_age):
        cells |= {(p, f_area, f_age, ALL) for p in PERIODS}
    if not (f_period and f_age):
        cells |= {(f_period, a, f_age, ALL) for a in AREAS}
    if not (f_period and f_area):
        cells |= {(f_period, f_area, g, ALL) for g in AGES}
    return cells


def every_view(*, themes: bool) -> set:
    seen = set()
    for p, a, g in itertools.product((ALL, *PERIODS), (ALL, *AREAS), (ALL, *AGES)):
        seen |= view_cells(p, a, g, ALL)
    for t in THEMES if themes else ():
        seen |= view_cells(ALL, ALL, ALL, t)
    return seen


rows = st.lists(
    st.tuples(
        st.sampled_from(PERIODS),
        st.sampled_from(AREAS),
        st.sampled_from(AGES),
        st.sampled_from(THEMES),
    ),
    max_size=60,
)


def _counts(records, *, additive: bool):
    by_area, by_age, crossed, by_theme = {}, {}, {}, {}
    for p, a, g, t in records:
        by_area[(p, a)] = by_area.get((p, a), 0) + 1
        by_age[(p, g)] = by_age.get((p, g), 0) + 1
        if additive:
            crossed[(a, g)] = crossed.get((a, g), 0) + 1
            by_theme[t] = by_theme.get(t, 0) + 1
    if not additive:
        # Distinct people over the whole window: each record is a person who
        # may be active in several quarters; the window counts them once.
        people = {(a, g, i % 7) for i, (_p, a, g, _t) in enumerate(records)}
        for a, g, _who in people:
            by_area[(ALL, a)] = by_area.get((ALL, a), 0) + 1
            by_age[(ALL, g)] = by_age.get((ALL, g), 0) + 1
            crossed[(a, g)] = crossed.get((a, g), 0) + 1
    return by_area, by_age, crossed, by_theme


def _check(table, *, themes: bool):
    values = published(table)
    shown = every_view(themes=themes)
    assert shown <= set(table.cells), "a view reads a cell the table does not have"
    # What an attacker sees: every published cell any view shows.
    visible = {k for k in shown if values[k] is not None}
    for key in visible:
        assert values[key] == table.cells[key]
        assert not 0 < values[key] < THRESHOLD
    hidden = set(table.cells) - visible
    bounds = attack(table, hidden)
    for key in hidden:
        low, high = bounds[key]
        assert high - low > 0.5, f"{key} is pinned to {low}"
        if 0 < table.cells[key] < THRESHOLD:
            assert high - low >= THRESHOLD - 1e-6, f"{key}: {low}..{high}"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows)
def test_counts_of_rows_cannot_be_undone_across_filters(records):
    by_area, by_age, crossed, by_theme = _counts(records, additive=True)
    _check(
        figure_table(DIMS, by_area, by_age, crossed, additive=True, by_theme=by_theme),
        themes=True,
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows)
def test_counts_of_people_cannot_be_undone_across_filters(records):
    by_area, by_age, crossed, _ = _counts(records, additive=False)
    _check(figure_table(DIMS, by_area, by_age, crossed, additive=False), themes=False)


def test_a_small_area_is_not_the_total_minus_the_others():
    """The dashboard's total and two of three areas are shown: the third (3
    people) must not follow by subtraction — the engine hides a complement."""
    by_area = {("2026K1", "5000"): 20, ("2026K1", "5200"): 3, ("2026K1", "?"): 9}
    by_age = {("2026K1", "18-29"): 32}
    crossed = {("5000", "18-29"): 20, ("5200", "18-29"): 3, ("?", "18-29"): 9}
    table = figure_table(
        Dimensions(("2026K1",), AREAS, ("18-29",)),
        by_area,
        by_age,
        crossed,
        additive=True,
    )
    values = published(table)
    assert values[("2026K1", "5200", ALL, ALL)] is None
    assert values[("2026K1", ALL, ALL, ALL)] == 32
    others = [values[("2026K1", a, ALL, ALL)] for a in ("5000", "?")]
    assert None in others  # a complement is hidden too


def test_counts_by_area_and_by_age_must_agree():
    with pytest.raises(ValueError, match="differ"):
        figure_table(
            Dimensions(("2026K1",), ("5000",), ("u18",)),
            {("2026K1", "5000"): 6},
            {("2026K1", "u18"): 7},
            {("5000", "u18"): 6},
            additive=True,
        )
