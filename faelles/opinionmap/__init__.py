"""The opinion map (Polis method): a pure engine with no Django.

``VoteMatrix`` holds the latest votes, ``update`` computes the map (PCA, base and
group clusters, representative and consensus statements, comment priorities) and
``next_statement`` picks what a participant sees next. See docs/opinion-map.md.
"""

from faelles.opinionmap.engine import Group, MapState, OpinionMap, Stat, update
from faelles.opinionmap.matrix import VoteError, VoteMatrix
from faelles.opinionmap.next import StatementChooser, next_statement

__all__ = [
    "Group",
    "MapState",
    "OpinionMap",
    "Stat",
    "StatementChooser",
    "VoteError",
    "VoteMatrix",
    "next_statement",
    "update",
]
