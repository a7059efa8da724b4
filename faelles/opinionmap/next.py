"""Which statement a participant sees next: Polis' comment priority.

Polis draws the next statement at random, weighted by its priority, among those the
participant has not voted on. A chooser is built once per map update; each choice is
then a mask and one weighted draw (well under a millisecond for 1,000 statements).
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Iterable, Mapping

import numpy as np

from faelles.opinionmap.engine import priority

# A statement written after the last update has no votes yet: Polis' formula for
# no votes and no extremity gives it a high priority (new statements get seen).
NEW_STATEMENT_PRIORITY = float(
    priority(np.zeros(1), np.zeros(1), np.zeros(1), np.zeros(1), np.zeros(1, bool))[0]
)


class StatementChooser:
    """Weighted choice of unvoted statements among those open for voting."""

    def __init__(
        self, priorities: Mapping[Hashable, float], open_statements: Iterable[Hashable]
    ):
        self.statements = list(open_statements)
        self.index = {s: i for i, s in enumerate(self.statements)}
        self.weights = np.array(
            [priorities.get(s, NEW_STATEMENT_PRIORITY) for s in self.statements],
            dtype=float,
        )

    def choose(
        self, voted: Iterable[Hashable], rng: random.Random | None = None
    ) -> Hashable | None:
        """A statement the participant has not voted on, or None when none is left."""
        seen = set(voted)
        weights = self.weights.copy()
        for s in seen:
            i = self.index.get(s)
            if i is not None:
                weights[i] = 0.0
        total = float(weights.sum())
        if total <= 0:
            # Nothing left, or only statements with priority 0: an even draw.
            pool = [s for s in self.statements if s not in seen]
            return (rng or random).choice(pool) if pool else None
        x = (rng or random).random() * total
        i = int(np.searchsorted(np.cumsum(weights), x, side="right"))
        return self.statements[min(i, len(self.statements) - 1)]


def next_statement(
    priorities: Mapping[Hashable, float],
    open_statements: Iterable[Hashable],
    voted: Iterable[Hashable],
    rng: random.Random | None = None,
) -> Hashable | None:
    """One-off form of :class:`StatementChooser`."""
    return StatementChooser(priorities, open_statements).choose(voted, rng)
