"""Small-cell suppression for tables of counts, with complementary suppression.

A *table* is a set of cells (non-negative counts) and *relations*: "this cell is
the sum of those cells" — a total over its parts, a department over its units, a
row or column margin. Publishing a table means publishing every cell except the
suppressed ones.

* **Primary suppression**: a cell with ``0 < n < threshold`` (default 5) is never
  published — totals included. Zero is published: nobody is described by it (it
  may still be hidden as a complement).
* **Complementary suppression**: an attacker who knows every published cell, every
  relation and that counts are non-negative can solve for the hidden cells (a
  department minus its other units). For each hidden cell we compute the
  attacker's feasible range by linear programming (minimise and maximise the cell
  subject to the relations); a small (primary) cell is *safe* when that range is at
  least ``protection`` wide (default: the threshold), any other hidden cell when
  it is not pinned to one value. While a hidden cell is unsafe, one
  more cell is hidden: from the relations it is in, the smallest published count
  (parts before totals, non-zero before zero, then by key) — little information
  lost, and the same choice every time.

For one-way, hierarchical and two-way tables with margins (and a hierarchy crossed
with columns) the relations form two laminar families, so the constraint matrix is
totally unimodular and the linear-programming range equals the integer range: the
attacker gains nothing from knowing counts are whole numbers.

No Django: plain data in, plain data out. Keys are any hashable values with a
stable ``repr`` (tuples of strings); ``repr`` orders ties deterministically.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

import highspy
import numpy as np

THRESHOLD = 5

Key = Hashable


class _QuietHighs(highspy.Highs):
    """highspy's solver with its output off from its first call.

    HiGHS prints its banner on stdout at the first call made while the option
    ``output_flag`` is still true (its default), and ``highspy.Highs()`` makes such a
    call in its constructor (``enableCallbacks``): setting the option on the new
    solver is too late. The option is set here just before that call.
    """

    def enableCallbacks(self) -> None:
        self.setOptionValue("output_flag", False)
        super().enableCallbacks()


@dataclass(frozen=True)
class Table:
    """Counts and the additive relations between them: ``total = sum(parts)``."""

    cells: Mapping[Key, int]
    relations: tuple[tuple[Key, tuple[Key, ...]], ...] = ()

    def __post_init__(self) -> None:
        for key, value in self.cells.items():
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"cell {key!r}: {value!r} is not a count")
        for total, parts in self.relations:
            missing = [k for k in (total, *parts) if k not in self.cells]
            if missing:
                raise ValueError(
                    f"relation for {total!r} names unknown cell {missing[0]!r}"
                )
            if sum(self.cells[p] for p in parts) != self.cells[total]:
                raise ValueError(f"cell {total!r} is not the sum of its parts")

    @property
    def totals(self) -> frozenset[Key]:
        return frozenset(total for total, _ in self.relations)


def merge(*tables: Table) -> Table:
    """One table from several that share cells (e.g. the same total by area and by
    age band), so suppression holds across all of them together."""
    cells: dict[Key, int] = {}
    relations: list[tuple[Key, tuple[Key, ...]]] = []
    for table in tables:
        for key, value in table.cells.items():
            if cells.setdefault(key, value) != value:
                raise ValueError(f"cell {key!r} differs between the tables")
        relations.extend(r for r in table.relations if r not in relations)
    return Table(cells, tuple(relations))


def crossed(
    counts: Mapping[tuple[tuple[str, ...], str | None], int],
    *,
    column_totals: bool = True,
) -> Table:
    """A hierarchy (rows, as paths from the top) crossed with columns.

    ``counts`` holds the leaves: ``(("Odense", "Sundhed", "Hjemmepleje Nord"),
    "2026-1") -> 12``. Every prefix of a path gets a subtotal per column (the empty
    path is the grand total); with ``column_totals`` every row also gets a total
    over the columns, key ``(path, None)``. Columns ``None`` only: no column
    dimension (a one-way or purely hierarchical table).
    """
    depths = {len(path) for path, _ in counts}
    if len(depths) > 1:
        raise ValueError("every leaf must be at the same depth")
    columns = sorted({c for _, c in counts if c is not None})
    if columns and any(c is None for _, c in counts):
        raise ValueError("a leaf without a column among leaves with columns")
    cols: list[str | None] = list(columns) or [None]
    cells: dict[Key, int] = {}
    paths: set[tuple[str, ...]] = set()  # every prefix: the rows of the table
    children: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for (path, column), value in counts.items():
        for depth in range(len(path) + 1):
            prefix = path[:depth]
            paths.add(prefix)
            cells[(prefix, column)] = cells.get((prefix, column), 0) + value
            if depth < len(path):
                children.setdefault(prefix, set()).add(path[: depth + 1])
    for path in paths:  # a leaf absent in some column counts 0
        for c in cols:
            cells.setdefault((path, c), 0)
    relations: list[tuple[Key, tuple[Key, ...]]] = []
    for node, kids in sorted(children.items()):
        for c in cols:
            relations.append(((node, c), tuple((k, c) for k in sorted(kids))))
    if columns and column_totals:
        for path in sorted(paths):
            cells[(path, None)] = sum(cells[(path, c)] for c in columns)
            relations.append(((path, None), tuple((path, c) for c in columns)))
    return Table(cells, tuple(relations))


def one_way(counts: Mapping[str, int]) -> Table:
    """Groups and their total; keys ``((group,), None)`` and ``((), None)``."""
    return crossed({((g,), None): n for g, n in counts.items()})


def two_way(counts: Mapping[tuple[str, str], int]) -> Table:
    """Rows × columns with row, column and grand totals; key ``((row,), column)``,
    ``((row,), None)`` for a row total, ``((), column)`` for a column total."""
    return crossed({((r,), c): n for (r, c), n in counts.items()}, column_totals=True)


@dataclass(frozen=True)
class Suppressed:
    """The published table: ``values[key]`` is the count, or ``None`` if hidden."""

    values: dict[Key, int | None]
    primary: frozenset[Key]
    secondary: frozenset[Key]
    #: the attacker's feasible range for each hidden cell (``hi`` may be ``inf``)
    bounds: dict[Key, tuple[float, float]] = field(default_factory=dict)

    @property
    def hidden(self) -> frozenset[Key]:
        return self.primary | self.secondary


def is_small(n: int, threshold: int = THRESHOLD) -> bool:
    """A count describing fewer than ``threshold`` people (but someone)."""
    return 0 < n < threshold


def attack(
    table: Table, hidden: Iterable[Key], cache: dict | None = None
) -> dict[Key, tuple[float, float]]:
    """The feasible range of each hidden cell, given every other cell and the
    relations, with counts non-negative (linear programming, HiGHS via highspy).

    ``cache`` (component -> ranges) spares re-solving unchanged components."""
    return _attack(table, set(hidden), {} if cache is None else cache)[0]


def _attack(
    table: Table,
    hidden: set[Key],
    cache: dict,
    known: Mapping[Key, tuple[float, float]] | None = None,
) -> tuple[dict[Key, tuple[float, float]], list[frozenset]]:
    """The ranges of the hidden cells, component by component. A cell in ``known``
    is not solved again: its range there is one it is known to have at least."""
    touching: dict[Key, list[int]] = {}
    for i, (total, parts) in enumerate(table.relations):
        for key in (total, *parts):
            if key in hidden:
                touching.setdefault(key, []).append(i)
    bounds: dict[Key, tuple[float, float]] = {}
    idents = []
    for component, rel_ids in _components(hidden, touching):
        ident = frozenset(component)
        skip = frozenset(k for k in component if known and k in known)
        ranges = cache.get((ident, frozenset())) or cache.get((ident, skip))
        if ranges is None:
            ranges = cache[(ident, skip)] = _component_bounds(
                table, component, rel_ids, {k: known[k] for k in skip} if known else {}
            )
        bounds.update(ranges)
        idents.append(ident)
    return bounds, idents


def _components(
    hidden: set[Key], touching: dict[Key, list[int]]
) -> list[tuple[list[Key], list[int]]]:
    """Hidden cells linked through shared relations, with those relations."""
    members: dict[int, list[Key]] = {}
    for key, rel_ids in touching.items():
        for i in rel_ids:
            members.setdefault(i, []).append(key)
    seen: set[Key] = set()
    out = []
    for start in sorted(hidden, key=repr):
        if start in seen:
            continue
        seen.add(start)
        stack, cells, rels = [start], [], set()
        while stack:
            key = stack.pop()
            cells.append(key)
            for i in touching.get(key, ()):
                if i in rels:
                    continue
                rels.add(i)
                for other in members[i]:
                    if other not in seen:
                        seen.add(other)
                        stack.append(other)
        out.append((cells, sorted(rels)))
    return out


def _component_bounds(
    table: Table,
    cells: list[Key],
    rel_ids: list[int],
    known: Mapping[Key, tuple[float, float]],
) -> dict[Key, tuple[float, float]]:
    if not rel_ids:  # in no relation: nothing constrains it
        return dict.fromkeys(cells, (0.0, math.inf))
    index = {key: j for j, key in enumerate(cells)}
    starts: list[int] = [0]
    columns: list[int] = []
    coefficients: list[float] = []
    rhs = np.zeros(len(rel_ids))
    for row, i in enumerate(rel_ids):
        total, parts = table.relations[i]
        # sum(parts) - total = 0, published values moved to the right-hand side
        entries: dict[int, float] = {}
        for key, sign in ((total, -1.0), *((p, 1.0) for p in parts)):
            if key in index:
                entries[index[key]] = entries.get(index[key], 0.0) + sign
            else:
                rhs[row] -= sign * table.cells[key]
        columns.extend(entries)
        coefficients.extend(entries.values())
        starts.append(len(columns))
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = len(cells), len(rel_ids)
    lp.col_cost_ = np.zeros(len(cells))
    lp.col_lower_ = np.zeros(len(cells))
    lp.col_upper_ = np.full(len(cells), highspy.kHighsInf)
    lp.row_lower_ = lp.row_upper_ = rhs
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = starts
    lp.a_matrix_.index_ = columns
    lp.a_matrix_.value_ = coefficients
    solver = _QuietHighs()
    solver.passModel(lp)
    out = {}
    for key, j in index.items():
        if key in known:
            out[key] = known[key]
            continue
        solver.changeColCost(j, 1.0)
        ends = []
        for sense in (highspy.ObjSense.kMinimize, highspy.ObjSense.kMaximize):
            solver.changeObjectiveSense(sense)
            solver.run()
            status = solver.getModelStatus()
            if status == highspy.HighsModelStatus.kOptimal:
                ends.append(solver.getInfo().objective_function_value)
            elif sense == highspy.ObjSense.kMaximize and status in (
                highspy.HighsModelStatus.kUnbounded,
                highspy.HighsModelStatus.kUnboundedOrInfeasible,
            ):
                ends.append(math.inf)  # the true table is a solution: not infeasible
            else:
                raise RuntimeError(
                    f"attack LP for {key!r}: {solver.modelStatusToString(status)}"
                )
        solver.changeColCost(j, 0.0)
        out[key] = (max(0.0, ends[0]), ends[1])
    return out


# Tables already suppressed in this process, newest last: suppression is a pure
# function of the table, and the same tables come back (every dashboard refresh
# redoes each municipality's tables, most of them unchanged since the last one).
_MEMO: OrderedDict[tuple, Suppressed] = OrderedDict()
_MEMO_MAX = 512
_MEMO_LOCK = threading.Lock()


def suppress(
    table: Table,
    *,
    threshold: int = THRESHOLD,
    protection: int | None = None,
    exact_ranges: bool = True,
) -> Suppressed:
    """Hide small cells and enough others that no hidden cell can be pinned down.

    With ``exact_ranges=False`` the ``bounds`` of a cell found safe in an early
    round are the range it had then (at least as narrow as its final one), which
    spares a last pass when only the published values are wanted."""
    memo = (
        frozenset(table.cells.items()),
        table.relations,
        threshold,
        protection,
        exact_ranges,
    )
    with _MEMO_LOCK:
        done = _MEMO.get(memo)
        if done is not None:
            _MEMO.move_to_end(memo)
    if done is None:
        done = _suppress(
            table,
            threshold=threshold,
            protection=protection,
            exact_ranges=exact_ranges,
        )
        with _MEMO_LOCK:
            _MEMO[memo] = done
            if len(_MEMO) > _MEMO_MAX:
                _MEMO.popitem(last=False)
    # A copy: the caller may change what it was given.
    return Suppressed(
        values=dict(done.values),
        primary=done.primary,
        secondary=done.secondary,
        bounds=dict(done.bounds),
    )


def _suppress(
    table: Table, *, threshold: int, protection: int | None, exact_ranges: bool
) -> Suppressed:
    if threshold < 1:
        raise ValueError("the threshold must be at least 1")
    protection = threshold if protection is None else protection
    if protection < 1:
        raise ValueError("the protection interval must be at least 1")
    order = {key: repr(key) for key in table.cells}
    totals = table.totals
    relations_of: dict[Key, list[int]] = {}
    for i, (total, parts) in enumerate(table.relations):
        for key in (total, *parts):
            relations_of.setdefault(key, []).append(i)

    primary = frozenset(k for k, n in table.cells.items() if is_small(n, threshold))
    hidden = set(primary)

    def cost(key: Key) -> tuple:
        n = table.cells[key]
        return (key in totals, n == 0, n, order[key])

    def hide_one_more(key: Key) -> bool:
        """Hide the cheapest published cell sharing a relation with ``key``; if
        there is none, look further through the hidden cells' relations."""
        frontier, seen_cells, seen_rels = [key], {key}, set()
        while frontier:
            candidates, following = set(), []
            for cell in frontier:
                for i in relations_of.get(cell, ()):
                    if i in seen_rels:
                        continue
                    seen_rels.add(i)
                    total, parts = table.relations[i]
                    for other in (total, *parts):
                        if other not in hidden:
                            candidates.add(other)
                        elif other not in seen_cells:
                            seen_cells.add(other)
                            following.append(other)
            if candidates:
                hidden.add(min(candidates, key=cost))
                return True
            frontier = following
        return False

    cache: dict = {}
    # Hiding one more cell only widens every hidden cell's range (the old feasible
    # set is the new one with that cell fixed), so a cell found safe stays safe:
    # later rounds solve only the cells not yet safe, and the exact ranges of all
    # are solved once at the end.
    safe: dict[Key, tuple[float, float]] = {}
    while True:
        # Cheap first: a relation with exactly one hidden cell gives it away.
        changed = True
        while changed:
            changed = False
            for total, parts in table.relations:
                inside = [k for k in (total, *parts) if k in hidden]
                if len(inside) == 1 and hide_one_more(inside[0]):
                    changed = True
        bounds, components = _attack(table, hidden, cache, safe)
        unsafe = [
            k
            for k, (lo, hi) in bounds.items()
            if hi - lo < (protection if k in primary else 1)
        ]
        found_unsafe = set(unsafe)
        safe.update((k, r) for k, r in bounds.items() if k not in found_unsafe)
        if not unsafe:
            break
        # One more cell per component a round: one often protects several.
        progressed = False
        for ident in components:
            if ident & found_unsafe:
                worst = min(ident & found_unsafe, key=cost)
                progressed |= hide_one_more(worst)
        if not progressed:
            break  # nothing left to hide near the unsafe cells (cannot happen
            # with a true table: with all its cells hidden a cell is unbounded)
    if safe and exact_ranges:
        bounds, _ = _attack(table, hidden, cache)  # the exact ranges of all
    return Suppressed(
        values={k: (None if k in hidden else n) for k, n in table.cells.items()},
        primary=primary,
        secondary=frozenset(hidden - primary),
        bounds=bounds,
    )
