"""A closed round's results: respondents and scale scores per unit, with small
groups suppressed so that no subtraction recovers them.

The table (``build_table``) has one cell per department *subtree* (the unit
with every unit under it, ``sub:<id>``), one for the people placed directly in a
department that has units under it (``own:<id>``) and one for the whole
municipality (``all``); the relations say that a subtree is its own people
plus its units' subtrees, and the municipality the sum of the top departments.
``faelles.disclosure.suppress`` hides every count under 5 and enough other
cells that an attacker who knows all published counts and the relations cannot
narrow a hidden one down (a department minus its other units). A score is
shown exactly when its count is.

Plain data in and out (no Django): ``compute`` takes the department tree and
the responses as ``(department id, answers)`` and returns what is stored on
the round (JSON).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping

from faelles.disclosure import THRESHOLD, Table, suppress

from .instrument import SCALES, scale_scores

ALL = "all"


def sub(pk: int) -> str:
    return f"sub:{pk}"


def own(pk: int) -> str:
    return f"own:{pk}"


def _children(tree: Mapping[int, int | None]) -> dict[int | None, list[int]]:
    children: dict[int | None, list[int]] = {}
    for pk, parent in tree.items():
        children.setdefault(parent if parent in tree else None, []).append(pk)
    for kids in children.values():
        kids.sort()
    return children


def build_table(tree: Mapping[int, int | None], direct: Mapping[int, int]) -> Table:
    """The counts table for ``direct`` (department id → respondents placed there)."""
    children = _children(tree)
    cells: dict[Hashable, int] = {}
    relations: list[tuple[Hashable, tuple[Hashable, ...]]] = []

    def walk(pk: int) -> int:
        kids = children.get(pk, [])
        if not kids:
            cells[sub(pk)] = direct.get(pk, 0)
            return cells[sub(pk)]
        cells[own(pk)] = direct.get(pk, 0)
        total = cells[own(pk)] + sum(walk(k) for k in kids)
        cells[sub(pk)] = total
        relations.append((sub(pk), (own(pk), *(sub(k) for k in kids))))
        return total

    tops = children.get(None, [])
    cells[ALL] = sum(walk(pk) for pk in tops)
    if tops:
        relations.append((ALL, tuple(sub(pk) for pk in tops)))
    return Table(cells, tuple(relations))


def compute(
    tree: Mapping[int, int | None],
    responses: Iterable[tuple[int, Mapping[str, int]]],
    *,
    threshold: int = THRESHOLD,
) -> dict:
    """The stored results of a round.

    ``{"tree": {id: parent}, "cells": {key: {"n": n | None, "scores": {scale:
    score | None}}}}`` — ``n`` is None for a hidden cell, and so is every score.
    Responses from departments not in ``tree`` (deleted since) are left out.
    """
    direct: dict[int, int] = {}
    sums: dict[int, dict[str, float]] = {}
    for department, answers in responses:
        if department not in tree:
            continue
        direct[department] = direct.get(department, 0) + 1
        scores = scale_scores(dict(answers))
        bucket = sums.setdefault(department, dict.fromkeys(scores, 0.0))
        for key, value in scores.items():
            bucket[key] += value
    table = build_table(tree, direct)
    published = suppress(table, threshold=threshold, exact_ranges=False)
    children = _children(tree)

    def members(key: str) -> list[int]:
        """The departments whose direct respondents a cell counts."""
        if key == ALL:
            return list(tree)
        kind, _, pk = key.partition(":")
        if kind == "own":
            return [int(pk)]
        found, stack = [], [int(pk)]
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(children.get(node, ()))
        return found

    cells: dict[str, dict] = {}
    for cell_key, n in published.values.items():
        key = str(cell_key)
        if n is None or n == 0:
            cells[key] = {"n": n, "scores": dict.fromkeys(_scale_keys())}
            continue
        totals = dict.fromkeys(_scale_keys(), 0.0)
        for department in members(key):
            for scale, value in sums.get(department, {}).items():
                totals[scale] += value
        cells[key] = {
            "n": n,
            "scores": {scale: round(total / n, 1) for scale, total in totals.items()},
        }
    return {
        "tree": {str(pk): parent for pk, parent in tree.items()},
        "cells": cells,
        "threshold": threshold,
    }


def _scale_keys() -> list[str]:
    return [scale.key for scale in SCALES]
