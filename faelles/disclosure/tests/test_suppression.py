"""Small-cell suppression: nothing under 5 published, nothing recoverable.

The attacker here is written independently of the engine: one variable per cell,
published cells fixed to their value, every relation an equation, counts
non-negative — then the smallest and largest value each hidden cell can take
(scipy's linear programming), and for one-way tables also brute-force
enumeration of every integer solution.
"""

import itertools
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from faelles.disclosure import (
    THRESHOLD,
    Table,
    crossed,
    merge,
    one_way,
    suppress,
    suppression,
    two_way,
)

pytestmark = pytest.mark.engine

SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)


def attacker_ranges(table, values):
    """What someone holding the published table can say about each hidden cell."""
    keys = sorted(table.cells, key=repr)
    col = {k: j for j, k in enumerate(keys)}
    rows, rhs = [], []
    for total, parts in table.relations:
        row = np.zeros(len(keys))
        row[col[total]] -= 1
        for p in parts:
            row[col[p]] += 1
        rows.append(row)
        rhs.append(0.0)
    bounds = [
        (values[k], values[k]) if values[k] is not None else (0, None) for k in keys
    ]
    a = np.array(rows) if rows else None
    b = np.array(rhs) if rows else None
    out = {}
    for k in keys:
        if values[k] is not None:
            continue
        c = np.zeros(len(keys))
        c[col[k]] = 1
        low = linprog(c, A_eq=a, b_eq=b, bounds=bounds, method="highs")
        high = linprog(-c, A_eq=a, b_eq=b, bounds=bounds, method="highs")
        assert low.status == 0, low.message
        out[k] = (low.fun, -high.fun if high.status == 0 else float("inf"))
    return out


def check_safe(table, result, protection=THRESHOLD):
    values = result.values
    assert set(values) == set(table.cells)
    for key, shown in values.items():
        if shown is not None:
            assert shown == table.cells[key]  # published figures are true
            assert not 0 < shown < THRESHOLD  # and never a small group
    assert result.primary == {k for k, n in table.cells.items() if 0 < n < THRESHOLD}
    for key, (lo, hi) in attacker_ranges(table, values).items():
        assert lo - 1e-6 <= table.cells[key] <= hi + 1e-6
        needed = protection if key in result.primary else 1
        assert hi - lo >= needed - 1e-6, (key, table.cells[key], lo, hi)


counts = st.one_of(st.integers(0, 4), st.integers(0, 30), st.just(0))


@SETTINGS
@given(st.dictionaries(st.sampled_from("abcdefg"), counts, min_size=1, max_size=7))
def test_one_way_with_total(groups):
    table = one_way(groups)
    result = suppress(table)
    check_safe(table, result)


@SETTINGS
@given(
    st.dictionaries(
        st.tuples(
            st.sampled_from(["Sundhed", "Kultur", "Skole"]), st.sampled_from("abcd")
        ),
        counts,
        min_size=1,
        max_size=12,
    )
)
def test_hierarchy_department_minus_its_other_units(units):
    table = crossed(
        {(("Odense", dept, unit), None): n for (dept, unit), n in units.items()}
    )
    result = suppress(table)
    check_safe(table, result)


# Counts by area and age band, as the dashboards publish them.
AREA_BY_AGE_BAND = st.dictionaries(
    st.tuples(st.sampled_from("XYZW"), st.sampled_from(["18-29", "30-59", "60+"])),
    counts,
    min_size=1,
    max_size=12,
)


@SETTINGS
@given(AREA_BY_AGE_BAND)
def test_two_way_area_by_age_band_with_margins(cells):
    table = two_way(cells)
    result = suppress(table)
    check_safe(table, result)


@SETTINGS
@given(
    st.dictionaries(
        st.tuples(
            st.sampled_from(["Sundhed", "Kultur"]),
            st.sampled_from("abc"),
            st.sampled_from(["r1", "r2", "r3"]),
        ),
        counts,
        min_size=1,
        max_size=14,
    ),
    st.booleans(),
)
def test_hierarchy_by_round(cells, column_totals):
    table = crossed(
        {(("Odense", d, u), r): n for (d, u, r), n in cells.items()},
        column_totals=column_totals,
    )
    result = suppress(table)
    check_safe(table, result)


@SETTINGS
@given(
    st.dictionaries(
        st.tuples(st.sampled_from("XYZ"), st.sampled_from(["ung", "midt", "ældre"])),
        counts,
        min_size=2,
        max_size=9,
    )
)
def test_across_filters_by_area_and_by_age_band(cells):
    """The same people counted by area and by age band: two tables sharing their
    total cannot be combined to undo the suppression."""
    by_area, by_age = {}, {}
    for (area, age), n in cells.items():
        by_area[area] = by_area.get(area, 0) + n
        by_age[age] = by_age.get(age, 0) + n
    area = crossed({(("alle", a), None): n for a, n in by_area.items()})
    age = crossed({(("alle", b), None): n for b, n in by_age.items()})
    table = merge(area, age)
    result = suppress(table)
    check_safe(table, result)
    # and area × age band, whose margins are both of those tables
    full = two_way(cells)
    check_safe(full, suppress(full))


def compositions(total, parts):
    if parts == 0:
        if total == 0:
            yield ()
        return
    for first in range(total + 1):
        for rest in compositions(total - first, parts - 1):
            yield (first, *rest)


@settings(max_examples=25, deadline=None, derandomize=True)
@given(
    st.dictionaries(st.sampled_from("abcde"), st.integers(0, 9), min_size=1, max_size=5)
)
def test_one_way_against_enumeration(groups):
    """Integer brute force agrees with the linear programme: every whole-number
    solution is tried, and a small hidden group still has a range of 5."""
    table = one_way(groups)
    result = suppress(table)
    total = result.values[((), None)]
    hidden = [k for k, v in result.values.items() if v is None]
    if total is None:  # only the non-negativity is known: no upper bound
        assert all(result.bounds[k][1] == float("inf") for k in hidden)
        return
    rest = total - sum(
        v for k, v in result.values.items() if v is not None and k != ((), None)
    )
    possible = {k: set() for k in hidden}
    for guess in compositions(rest, len(hidden)):
        for k, g in zip(hidden, guess, strict=True):
            possible[k].add(g)
    for k in hidden:
        assert groups[k[0][0]] in possible[k]
        width = max(possible[k]) - min(possible[k])
        assert width >= (THRESHOLD if k in result.primary else 1), (k, possible[k])
        assert (min(possible[k]), max(possible[k])) == result.bounds[k]


def test_department_minus_other_units_is_hidden_too():
    table = crossed(
        {
            (("Odense", "Sundhed", "A"), None): 3,
            (("Odense", "Sundhed", "B"), None): 8,
            (("Odense", "Sundhed", "C"), None): 9,
            (("Odense", "Kultur", "D"), None): 12,
            (("Odense", "Kultur", "E"), None): 7,
        }
    )
    result = suppress(table)
    assert result.primary == {(("Odense", "Sundhed", "A"), None)}
    # the smallest other unit in the department hides with it, nothing else
    assert result.secondary == {(("Odense", "Sundhed", "B"), None)}
    assert result.values[(("Odense", "Sundhed"), None)] == 20
    assert result.bounds[(("Odense", "Sundhed", "A"), None)] == (0, 11)


def test_zero_is_published_and_a_small_total_is_hidden():
    table = one_way({"a": 0, "b": 3, "c": 0})
    result = suppress(table)
    assert result.values[((), None)] is None  # the total, 3, is itself small
    assert result.values[(("b",), None)] is None
    assert result.values[(("a",), None)] == 0


def test_same_table_same_suppression():
    cells = {
        (r, c): (i * 7) % 11
        for i, (r, c) in enumerate(itertools.product("ABCD", "xyz"))
    }
    first = suppress(two_way(cells))
    again = suppress(two_way(dict(reversed(list(cells.items())))))
    assert first.values == again.values


def test_bad_tables_are_refused():
    with pytest.raises(ValueError, match="not a count"):
        one_way({"a": -1})
    with pytest.raises(ValueError, match="not the sum"):
        Table({"t": 5, "a": 2}, (("t", ("a",)),))
    with pytest.raises(ValueError, match="same depth"):
        crossed({(("a",), None): 1, (("a", "b"), None): 2})
    with pytest.raises(ValueError, match="differs"):
        merge(one_way({"a": 5}), one_way({"a": 6}))


SUPPRESS_ONCE = """
from faelles.disclosure import one_way, suppress
assert suppress(one_way({"a": 3, "b": 8, "c": 9})).secondary
"""


def test_the_solver_prints_nothing():
    # HiGHS prints its banner once a process, at the first solver's first call:
    # only a fresh process shows whether a suppression (a hearing page) prints it.
    run = subprocess.run(
        [sys.executable, "-c", SUPPRESS_ONCE],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=Path(__file__).parents[3],
    )
    assert run.stdout == ""


def test_the_same_table_again_is_not_solved_again(monkeypatch):
    table = two_way({("a", "x"): 3, ("a", "y"): 9, ("b", "x"): 7, ("b", "y"): 2})
    first = suppress(table)
    monkeypatch.setattr(suppression, "_suppress", _refuse)
    again = suppress(two_way(dict(reversed(list(table_counts(table).items())))))
    assert again == first
    again.values.clear()  # a copy: what the next caller gets is whole
    assert suppress(table) == first
    monkeypatch.undo()
    other = suppress(
        two_way({("a", "x"): 3, ("a", "y"): 9, ("b", "x"): 7, ("b", "y"): 3})
    )
    assert other.values != first.values


def _refuse(*args, **kwargs):
    raise AssertionError("solved again")


def table_counts(table):
    return {
        (path[0], column): n
        for (path, column), n in table.cells.items()
        if len(path) == 1 and column is not None
    }


@SETTINGS
@given(AREA_BY_AGE_BAND)
def test_without_exact_ranges_the_same_cells_are_hidden(cells):
    """Cells found safe are not solved again in later rounds; only the reported
    ranges may then be narrower than the final ones, never the published table."""
    table = two_way(cells)
    exact = suppress(table)
    quick = suppress(table, exact_ranges=False)
    assert (quick.values, quick.primary, quick.secondary) == (
        exact.values,
        exact.primary,
        exact.secondary,
    )
    assert quick.bounds.keys() == exact.bounds.keys()
    for key, (lo, hi) in quick.bounds.items():
        assert exact.bounds[key][0] <= lo and hi <= exact.bounds[key][1]
    check_safe(table, exact)
