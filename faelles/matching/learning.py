"""Associations learned from what people do, for ``MatchIndex(associations=…)``.

Input is one item per finished proposal: the vocabulary concepts (``c:`` terms) of
the need, those of the offer, and whether the two sides said yes (confirmed or
finished collaboration) or no (declined). Only concepts are counted — never plain
words, ids or people — and a pair is kept only when at least ``min_count`` accepted
collaborations support it, so the model holds no personal data. Same input, same
output: the result is sorted and rounded.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

MIN_COUNT = 5


def learn_associations(
    outcomes: Iterable[tuple[Iterable[str], Iterable[str], bool]],
    *,
    min_count: int = MIN_COUNT,
) -> dict[str, dict[str, float]]:
    """Need concept → offer concept → strength in (0, 1]: (yes − no) / yes over the
    pairs seen in at least ``min_count`` accepted collaborations."""
    yes: Counter[tuple[str, str]] = Counter()
    no: Counter[tuple[str, str]] = Counter()
    for need_terms, offer_terms, accepted in outcomes:
        needs = {t for t in need_terms if t.startswith("c:")}
        offers = {t for t in offer_terms if t.startswith("c:")}
        for a in needs:
            for b in offers - needs:  # shared concepts match already
                (yes if accepted else no)[(a, b)] += 1
    out: dict[str, dict[str, float]] = {}
    for (a, b), n in sorted(yes.items()):
        strength = (n - no[(a, b)]) / n
        if n >= min_count and strength > 0:
            out.setdefault(a, {})[b] = round(strength, 3)
    return out
