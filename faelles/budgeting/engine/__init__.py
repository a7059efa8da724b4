"""Participatory-budgeting counting engine: pure Python and NumPy, no Django.

Read a Pabulib file with :func:`read_pabulib`, count it with one of the rules
in :mod:`.rules` and get back an :class:`Outcome` (winners in order plus an
explanation). See ``docs/budgeting.md``.
"""

from .election import Election, build_election
from .outcome import Outcome
from .pabulib import PabulibError, parse_pabulib, read_pabulib, write_pabulib

__all__ = [
    "Election",
    "Outcome",
    "PabulibError",
    "build_election",
    "parse_pabulib",
    "read_pabulib",
    "write_pabulib",
]
