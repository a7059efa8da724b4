"""Small-cell suppression: no figure on a group under 5, none recoverable by
subtraction. Pure (no Django); see docs/disclosure.md."""

from faelles.disclosure.suppression import (
    THRESHOLD,
    Suppressed,
    Table,
    attack,
    crossed,
    is_small,
    merge,
    one_way,
    suppress,
    two_way,
)

__all__ = [
    "THRESHOLD",
    "Suppressed",
    "Table",
    "attack",
    "crossed",
    "is_small",
    "merge",
    "one_way",
    "suppress",
    "two_way",
]
