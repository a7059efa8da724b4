"""Selection by lot: stratified sortition with the fair (maximin) algorithm.

A thin, Django-free wrapper around the Sortition Foundation's
``sortition-algorithms``; see docs/sortition.md.
"""

from faelles.sortition.lottery import (
    MAX_SEED,
    METHOD,
    InfeasibleQuotas,
    Panel,
    SortitionError,
    check_quotas,
    draw,
    meets_quotas,
    proportional_quotas,
)

__all__ = [
    "MAX_SEED",
    "METHOD",
    "InfeasibleQuotas",
    "Panel",
    "SortitionError",
    "check_quotas",
    "draw",
    "meets_quotas",
    "proportional_quotas",
]
