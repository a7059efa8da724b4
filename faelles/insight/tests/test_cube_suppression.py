"""Suppression holds across the dashboard's filters: every filtered view shows
cells of one suppressed table per figure, so an attacker who reads every view
(every period, area, age band and theme, and their differences) can pin down no
hidden cell and narrow no small group to fewer than five possible values. The
movement between rungs counts the same people as the people active and those
on the top rung: the three are one table, and the same holds for all of them
together."""

import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faelles.disclosure import THRESHOLD, attack, merge, suppress
from faelles.insight import movement
from faelles.insight.cube import ALL, Dimensions, figure_table, published

pytestmark = pytest.mark.engine

PERIODS = ("2026K1", "2026K2", "2026K3")
AREAS = ("5000", "5200", "?")
AGES = ("u18", "18-29", "65+", "?")
THEMES = ("1", "2", "-")
DIMS = Dimensions(PERIODS, AREAS, AGES, THEMES)


def view_cells(
    f_period: str, f_area: str, f_age: str, f_theme: str, periods=PERIODS
) -> set:
    """The cells one filtered view of the dashboard reads (selectors.dashboard):
    the figure at the filter, along the periods, the areas and the age bands."""
    if f_theme:
        return {(ALL, ALL, ALL, f_theme)}
    if f_area and f_age:
        f_period = ALL
    cells = {(f_period, f_area, f_age, ALL)}
    if not (f_area and f_age):
        cells |= {(p, f_area, f_age, ALL) for p in periods}
    if not (f_period and f_age):
        cells |= {(f_period, a, f_age, ALL) for a in AREAS}
    if not (f_period and f_area):
        cells |= {(f_period, f_area, g, ALL) for g in AGES}
    return cells


def every_view(*, themes: bool, periods=PERIODS) -> set:
    seen = set()
    for p, a, g in itertools.product((ALL, *periods), (ALL, *AREAS), (ALL, *AGES)):
        seen |= view_cells(p, a, g, ALL, periods)
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
    _assert_nothing_recovered(table, values, shown)


def _assert_nothing_recovered(table, values, shown) -> None:
    """What an attacker sees (every published cell any view shows) shows no small
    group, and no hidden cell is pinned or narrowed below THRESHOLD."""
    visible = {k for k in shown if values[k] is not None}
    for key in visible:
        assert values[key] == table.cells[key]
        assert not 0 < values[key] < THRESHOLD, key
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


# --- the movement between rungs, suppressed with the people active -------------

MOVE_PERIODS = ("2026K1", "2026K2", "2026K3", "2026K4")  # 2026K4 is running
histories = st.lists(
    st.tuples(
        st.sampled_from(AREAS),
        st.sampled_from(AGES),
        st.tuples(*[st.sampled_from((0, 0, 1, 3, 4, 5, 6))] * len(MOVE_PERIODS)),
        st.integers(1, 7),  # how many people share this history
    ),
    max_size=12,
)


def _movement_table(records, *, areas=AREAS, ages=AGES, rungs=movement.RUNGS):
    people = [
        (area, age, levels)
        for area, age, levels, n in records
        for _ in range(n)
        if any(levels)
    ]

    def cube_counts(hit):
        by_area, by_age, crossed = {}, {}, {}
        for a, g, levels in people:
            seen = False
            for p, level in zip(MOVE_PERIODS, levels, strict=True):
                if hit(level):
                    seen = True
                    by_area[(p, a)] = by_area.get((p, a), 0) + 1
                    by_age[(p, g)] = by_age.get((p, g), 0) + 1
            if seen:
                by_area[(ALL, a)] = by_area.get((ALL, a), 0) + 1
                by_age[(ALL, g)] = by_age.get((ALL, g), 0) + 1
                crossed[(a, g)] = crossed.get((a, g), 0) + 1
        return by_area, by_age, crossed

    dims = Dimensions(MOVE_PERIODS, areas, ages)
    return merge(
        movement.keyed(
            movement.ANY,
            figure_table(dims, *cube_counts(lambda lv: lv >= 1), additive=False),
        ),
        movement.keyed(
            movement.top_key(rungs),
            figure_table(dims, *cube_counts(lambda lv: lv == rungs), additive=False),
        ),
        movement.movement_table(
            MOVE_PERIODS[:-1],
            areas,
            ages,
            [movement.Person(a, g, tuple(levels[:-1])) for a, g, levels in people],
            rungs=rungs,
        ),
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories)
def test_movement_cannot_be_undone_with_the_people_active(records):
    """Every cell of the movement is on some view of the dashboard (up, same
    and down along the quarters for everyone, the categories over the window
    for everyone and by area or age band, the transition table), beside every
    view of the people active and of the top rung: together they pin no
    hidden cell and narrow no small group."""
    table = _movement_table(records)
    values = suppress(table).values
    cube_views = every_view(themes=False, periods=MOVE_PERIODS)
    shown = {
        key
        for key in table.cells
        if key[0] not in (movement.ANY, movement.top_key()) or key[1:] in cube_views
    }
    _assert_nothing_recovered(table, values, shown)


def test_the_movement_counts_each_change_of_quarter_once():
    # Three people climb 1 → 4 → 6, two start on 5 and stop.
    records = [("5000", "u18", (1, 4, 6, 0), 3), ("5200", "65+", (0, 5, 0, 0), 2)]
    table = _movement_table(records)
    cells = table.cells
    up, new, stopped = (movement.category_key(c) for c in ("up", "new", "stopped"))
    assert cells[(up, "2026K2", ALL, ALL, ALL)] == 3
    assert cells[(up, "2026K3", ALL, ALL, ALL)] == 3
    assert cells[(up, ALL, "5000", ALL, ALL)] == 6
    assert cells[(new, ALL, ALL, ALL, ALL)] == 2
    assert cells[(stopped, ALL, ALL, ALL, ALL)] == 2
    assert cells[(movement.move_key(4, 6), ALL, ALL, ALL, ALL)] == 3
    assert cells[(movement.move_key(5, 0), ALL, ALL, ALL, ALL)] == 2
    assert cells[(movement.to_top_key(), ALL, ALL, ALL, ALL)] == 3
    assert cells[(movement.ANY, "2026K2", ALL, ALL, ALL)] == 5
    # Out of 2026K1 and 2026K2 (3 + 5 active), into 2026K2 and 2026K3 (5 + 3).
    assert cells[(movement.OUT_KEY, ALL, ALL, ALL, ALL)] == 8
    assert cells[(movement.INTO_KEY, ALL, ALL, ALL, ALL)] == 8
    # New and stopped are not counted by quarter (see movement.py).
    assert (new, "2026K2", ALL, ALL, ALL) not in cells
    # The quarter that is running is not a change (only the people active).
    assert not [k for k in cells if k[0] == up and k[1] == "2026K4"]


def test_the_relations_are_every_identity_between_the_cells():
    """The engine's guarantee holds for the relations it is given; an identity
    between the cells that is not among them (the same people counted twice)
    would be a way round it. Every cell is a sum over kinds of people (area,
    age band, level in each quarter), so the identities that hold for every
    population are exactly the vectors orthogonal to every kind's cells: the
    relations must span all of them. Checked with three rungs (the tables are
    built the same way for six), two areas and two age bands."""
    rungs, areas, ages = 3, ("5000", "?"), ("u18", "?")
    kinds = [
        (a, g, levels)
        for a in areas
        for g in ages
        for levels in itertools.product(range(rungs + 1), repeat=len(MOVE_PERIODS))
        if any(levels)
    ]
    empty = _movement_table([], areas=areas, ages=ages, rungs=rungs)
    index = {key: n for n, key in enumerate(sorted(empty.cells, key=repr))}
    matrix = np.zeros((len(index), len(kinds)))
    for column, (a, g, levels) in enumerate(kinds):
        one = _movement_table([(a, g, levels, 1)], areas=areas, ages=ages, rungs=rungs)
        assert set(one.cells) == set(index)
        for key, n in one.cells.items():
            matrix[index[key], column] = n
    relations = np.zeros((len(empty.relations), len(index)))
    for row, (total, parts) in enumerate(empty.relations):
        relations[row, index[total]] += 1
        for part in parts:
            relations[row, index[part]] -= 1
    assert not np.abs(relations @ matrix).any(), "a relation that does not hold"
    identities = len(index) - np.linalg.matrix_rank(matrix)
    assert np.linalg.matrix_rank(relations) == identities
