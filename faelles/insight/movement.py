"""Movement between the rungs of the activity ladder from one quarter to the
next, as one table for the suppression engine. Pure (no Django).

A person's *level* in a quarter is the highest rung they acted on in it, or 0
(not active). Between two consecutive completed quarters everyone active in
either *moves* from one level to another, in one of five categories: new (not
active → a rung), up, same rung, down, and stopped (a rung → not active).

Published, all with small groups suppressed:

* the five categories for each change of quarter, for everyone;
* over the window (all its changes of quarter added up): the five categories,
  and up, same and down also by area and by age band;
* the *transition table* over the window: level before × level after, 48
  cells (0 → 0 is everyone else). Each cell counts moves: one person who climbs
  twice is counted twice (a pooled transition table).

What is left out, and why: a transition table and areas and age bands for each
change of quarter would be mostly groups under five in all but the largest
municipalities, and tied every small cell into one system that took the
suppression a minute or more for a small municipality (and hid nearly
everything). New and stopped by area or age band would add up to the people
active in each area and age band (``ladder.any``), with the same effect. The
transition table's row and column totals are not cells: no other figure counts
them, and row 0 and column 0 are the categories new and stopped.

The same people are counted elsewhere, and exactly: the people active in a
quarter (``ladder.any``) are those who move out of it (up, same, down, stopped)
and those who moved into it (new, up, same, down); the people at the top level
in a quarter are the people active on the top rung (``ladder.rung6``), so the
transition table's top row and column add up to that figure over the quarters
before and after each change. This table therefore holds those cells too and is
merged with the two figures' tables (``cube.figure_table``, keyed by source
with :func:`keyed`): the three are suppressed together, and no difference
between them gives a hidden group away.

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
BY_GROUP = (UP, SAME, DOWN)  # by area and by age band: active in both quarters
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
            add(_at(category_key(name), after))
            add(_at(category_key(name)))
            if name in BY_GROUP:
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
        # Over the window: the sum of the changes of quarter, and of the cells
        # of the transition table in the category.
        relation(_at(key), (_at(key, p) for p in afters))
        relation(
            _at(key),
            (_at(move_key(i, j)) for i, j in moves(rungs) if category(i, j) == name),
        )
        if name in BY_GROUP:
            relation(_at(key), (_at(key, ALL, a) for a in areas))
            relation(_at(key), (_at(key, ALL, ALL, g) for g in ages))
    for before, after in pairs:
        # The people active in a quarter: those who move out of it, and
        # those who moved into it.
        relation(_at(ANY, before), (_at(category_key(c), after) for c in OUT_OF))
        relation(_at(ANY, after), (_at(category_key(c), after) for c in INTO))
    # The top row and column: the people on the top rung in the quarters
    # before and after each change.
    relation(_at(from_top_key()), (_at(move_key(rungs, j)) for j in states(rungs)))
    relation(_at(from_top_key()), (_at(top, before) for before, _after in pairs))
    relation(_at(to_top_key()), (_at(move_key(i, rungs)) for i in states(rungs)))
    relation(_at(to_top_key()), (_at(top, after) for after in afters))
    return Table(cast(dict[Hashable, int], cells), tuple(relations))
