"""Movement between the rungs of the activity ladder from one quarter to the
next, as one table for the suppression engine. Pure (no Django).

A person's *level* in a quarter is the highest rung they acted on in it, or 0
(not active). Between two consecutive completed quarters everyone active in
either *moves* from one level to another, in one of five categories: new (not
active → a rung), up, same rung, down, and stopped (a rung → not active).

Published, all with small groups suppressed:

* up, same and down (the people active in both quarters) for each change of
  quarter, for everyone;
* over the window (all its changes of quarter added up): the five categories,
  and up, same and down also by area and by age band;
* the *transition table* over the window: level before × level after, 48
  cells (0 → 0 is everyone else). Each cell counts moves: one person who climbs
  twice is counted twice (a pooled transition table).

What is left out, and why. The suppression engine hides complements greedily,
and every exact relation a cell is in may make it hide one more: a table in
which small cells sit in several relations at once ends with nearly everything
hidden, after minutes of linear programming. So: no transition table and no
areas or age bands for each change of quarter (mostly groups under five, and
the quarters tied together by the people at each level); no new and stopped
for each change of quarter nor by area or age band (with up, same and down they
add up to the people active in that quarter, area or age band, ``ladder.any``,
and one small cell then hid a whole quarter's row and, through the window's
totals, every quarter's); no row and column totals of the transition table (no
other figure counts them; row 0 and column 0 are the categories new and
stopped).

The same people are counted elsewhere, and exactly. Over the window, the moves
out of the quarters before each change (up, same, down, stopped) are the people
active in those quarters added up (``ladder.any``), and the moves into the
quarters after (new, up, same, down) likewise (the cells ``ladder.moves.out``
and ``ladder.moves.into``); the transition table's top row and column add up to
the people on the top rung (``ladder.rung6``) in the quarters before and after.
This table therefore holds those cells too and is merged with the two figures'
tables (``cube.figure_table``, keyed by source with :func:`keyed`): the three
are suppressed together, and no difference between them gives a hidden group
away. ``tests/test_cube_suppression.py`` checks that the relations are every
exact identity between the cells.

Cell keys are ``(source, period, area, age band, theme)`` as the rollups store
them, ``ALL`` ("") being the total over a place: ``("ladder.moves.up",
"2026K2", "", "", "")`` — people on a higher rung in 2026K2 than in the quarter
before — ``("ladder.moves.up", "", "5000", "", "")`` over the window in 5000,
and ``("ladder.move.35", "", "", "", "")`` — moves from rung 3 to rung 5.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import cast

from faelles.disclosure import Table

from .cube import ALL

ANY = "ladder.any"
RUNGS = 6
NEW, UP, SAME, DOWN, STOPPED = "new", "up", "same", "down", "stopped"
CATEGORIES = (NEW, UP, SAME, DOWN, STOPPED)
BOTH = (UP, SAME, DOWN)  # active in both quarters: by quarter, area, age band
OUT_OF = (UP, SAME, DOWN, STOPPED)  # the people active in the quarter before
INTO = (NEW, UP, SAME, DOWN)  # the people active in the quarter after

Key = tuple[str, str, str, str, str]


def top_key(rungs: int = RUNGS) -> str:
    return f"ladder.rung{rungs}"


def move_key(before: int, after: int) -> str:
    return f"ladder.move.{before}{after}"


def from_top_key() -> str:
    return "ladder.move.top_from"


def to_top_key() -> str:
    return "ladder.move.top_to"


def category_key(category: str) -> str:
    return f"ladder.moves.{category}"


OUT_KEY = "ladder.moves.out"  # every move out of a quarter before a change
INTO_KEY = "ladder.moves.into"  # every move into a quarter after a change


def category(before: int, after: int) -> str:
    if before == 0:
        return NEW
    if after == 0:
        return STOPPED
    if after > before:
        return UP
    return SAME if after == before else DOWN


def states(rungs: int = RUNGS) -> range:
    return range(rungs + 1)


def moves(rungs: int = RUNGS) -> list[tuple[int, int]]:
    """Every (before, after) but (0, 0)."""
    return [(i, j) for i in states(rungs) for j in states(rungs) if i or j]


def keys(rungs: int = RUNGS) -> list[str]:
    """The source keys of the rollups this table adds (``ladder.any`` and the
    top rung's are figures of their own)."""
    return [
        *(category_key(c) for c in CATEGORIES),
        *(move_key(i, j) for i, j in moves(rungs)),
        from_top_key(),
        to_top_key(),
        OUT_KEY,
        INTO_KEY,
    ]


@dataclass(frozen=True)
class Person:
    """One person's area, age band and level in each completed quarter."""

    area: str
    age: str
    levels: tuple[int, ...]


def keyed(source: str, table: Table) -> Table:
    """A figure's table (``cube`` keys) with its cells keyed by source too, so
    it can be merged with others."""

    def key(k: Hashable) -> Key:
        return (source, *cast(tuple[str, str, str, str], k))

    return Table(
        {key(k): n for k, n in table.cells.items()},
        tuple((key(t), tuple(key(p) for p in parts)) for t, parts in table.relations),
    )


def _at(source: str, period: str = ALL, area: str = ALL, age: str = ALL) -> Key:
    return (source, period, area, age, ALL)


def movement_table(
    periods: tuple[str, ...],
    areas: tuple[str, ...],
    ages: tuple[str, ...],
    people: Iterable[Person],
    *,
    rungs: int = RUNGS,
) -> Table:
    """The movement between ``periods`` (completed quarters, oldest first) and
    the cells it shares with ``ladder.any`` and the top rung's figure: the
    people active, and active on the top rung, in each of them."""
    pairs = list(zip(periods, periods[1:], strict=False))
    afters = [after for _before, after in pairs]
    top = top_key(rungs)
    cells: dict[Key, int] = {}

    def add(key: Key) -> None:
        cells[key] = cells.get(key, 0) + 1

    for person in people:
        if len(person.levels) != len(periods):
            raise ValueError("a level for every period")
        for period, level in zip(periods, person.levels, strict=True):
            if level:
                add(_at(ANY, period))
            if level == rungs:
                add(_at(top, period))
        steps = zip(person.levels, person.levels[1:], strict=False)
        for after, (i, j) in zip(afters, steps, strict=True):
            if not (i or j):
                continue
            name = category(i, j)
            add(_at(move_key(i, j)))
            if i == rungs:
                add(_at(from_top_key()))
            if j == rungs:
                add(_at(to_top_key()))
            add(_at(category_key(name)))
            if i:
                add(_at(OUT_KEY))
            if j:
                add(_at(INTO_KEY))
            if name in BOTH:
                add(_at(category_key(name), after))
                add(_at(category_key(name), ALL, person.area))
                add(_at(category_key(name), ALL, ALL, person.age))

    relations: list[tuple[Key, tuple[Key, ...]]] = []

    def relation(total: Key, parts: Iterable[Key]) -> None:
        parts = tuple(parts)
        for key in (total, *parts):
            cells.setdefault(key, 0)
        relations.append((total, parts))

    for name in CATEGORIES:
        key = category_key(name)
        # Over the window: the cells of the transition table in the category …
        relation(
            _at(key),
            (_at(move_key(i, j)) for i, j in moves(rungs) if category(i, j) == name),
        )
        if name in BOTH:
            # … the changes of quarter, the areas, the age bands.
            relation(_at(key), (_at(key, p) for p in afters))
            relation(_at(key), (_at(key, ALL, a) for a in areas))
            relation(_at(key), (_at(key, ALL, ALL, g) for g in ages))
    # Everyone active before a change moves out of it, everyone active after
    # moved into it: over the window, the people active in those quarters.
    relation(_at(OUT_KEY), (_at(category_key(c)) for c in OUT_OF))
    relation(_at(OUT_KEY), (_at(ANY, before) for before, _after in pairs))
    relation(_at(INTO_KEY), (_at(category_key(c)) for c in INTO))
    relation(_at(INTO_KEY), (_at(ANY, after) for after in afters))
    # The top row and column: the people on the top rung in the quarters
    # before and after each change.
    relation(_at(from_top_key()), (_at(move_key(rungs, j)) for j in states(rungs)))
    relation(_at(from_top_key()), (_at(top, before) for before, _after in pairs))
    relation(_at(to_top_key()), (_at(move_key(i, rungs)) for i in states(rungs)))
    relation(_at(to_top_key()), (_at(top, after) for after in afters))
    return Table(cast(dict[Hashable, int], cells), tuple(relations))
