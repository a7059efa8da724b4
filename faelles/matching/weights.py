"""Every tuning number of the matching score, in one place.

The score of a candidate is the sum of its parts; each part is its weight times a
signal between 0 and 1 (see docs/matching.md for the signals). Change a number here,
run ``python bench/eval_matching.py`` and keep the change only if nDCG@10 holds.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Weights:
    # Score parts (the maximum each part can add).
    text: float = 4.0
    category: float = 1.5
    distance: float = 0.6
    availability: float = 0.4
    commitment: float = 0.2
    freshness: float = 0.2
    newcomer: float = 0.15
    underserved: float = 0.15
    reciprocity: float = 0.1

    # Text relevance (BM25 over the candidate corpus).
    bm25_k1: float = 1.2
    bm25_b: float = 0.6
    concept_boost: float = 1.5
    """Extra weight of a vocabulary concept over a plain word stem."""
    related: float = 0.5
    """Weight of a related term (vocabulary ``rel`` line or learned association)
    relative to the same term written by the query itself."""

    # Category credit for how two categories are related.
    category_exact: float = 1.0
    category_parent_child: float = 0.6
    category_same_root: float = 0.25
    category_inferred: float = 0.6
    """Multiplier when a side's categories were inferred from its text."""

    # Quality threshold: a candidate is shown only when what it is about fits —
    # its text and category parts together reach this. Being near, free at the
    # same time or new on Fælles never makes a match on its own.
    min_relevance: float = 0.6

    # Distance.
    distance_close_km: float = 10.0
    """Distance counts (and is given as a reason) only this close or closer."""
    default_radius_km: float = 10.0
    """Used when a record gives a postcode but no radius."""
    distance_scale_km: float = 8.0
    """Distance at which the distance part has fallen to 1/e of its weight."""

    # Freshness: full credit when created today, none after this many days.
    freshness_days: int = 60


DEFAULT_WEIGHTS = Weights()
