"""How record fields are packed into the index's integer columns.

Sets of small vocabularies (kinds, modes, weekly slots, root categories) become bit
masks, so "do these overlap?" is one AND over a whole column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import numpy as np

from faelles.matching import taxonomy
from faelles.matching.records import KINDS, MODES, SLOTS

KIND_BIT = {k: 1 << i for i, k in enumerate(KINDS)}
KIND_GROUPS = (
    ("skill", "time", "knowledge", "lived_experience"),
    ("place", "equipment"),
)
"""Kinds that can meet each other: help from a person, or a thing to use.

People choose one kind for what they offer or need, and choose loosely ("time"
for homework help, "skill" for the same): within a group any kind may meet any
other; text and categories then rank them. A room or a tool never meets a
person's time, and the other way round.
"""
KIND_COMPATIBLE = {
    kind: sum(KIND_BIT[k] for k in group) for group in KIND_GROUPS for kind in group
}
MODE_BIT = {m: 1 << i for i, m in enumerate(MODES)}
ALL_MODES = (1 << len(MODES)) - 1
"""A record that names no mode accepts every mode."""
IN_PERSON = MODE_BIT["in_person"]
SLOT_BIT = {s: 1 << i for i, s in enumerate(SLOTS)}
ROOT_BIT = {r: 1 << i for i, r in enumerate(taxonomy.ROOTS)}
COMMITMENT_CODE = {"one_off": 1, "recurring": 2, "long_term_1to1": 3, "group": 4}
_EPOCH = dt.date(2000, 1, 1)
OPEN_START = np.iinfo(np.int32).min
"""A date range without a start."""
OPEN_END = np.iinfo(np.int32).max
"""A date range without an end."""


def mask(values: Iterable[str], bits: dict[str, int]) -> int:
    out = 0
    for v in values:
        out |= bits.get(v, 0)
    return out


def root_mask(categories: Iterable[str]) -> int:
    return mask((taxonomy.root(s) for s in categories), ROOT_BIT)


def day(date: dt.date) -> int:
    """Days since 2000-01-01, so dates fit an int32 column."""
    return (date - _EPOCH).days
