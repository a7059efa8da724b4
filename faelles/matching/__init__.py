"""The matching engine: ranks offers for a need and needs for an offer.

Pure Python + NumPy, no Django, so it can be tested, benchmarked and reused alone.
See docs/matching.md.
"""

from faelles.matching.index import MatchIndex, rank
from faelles.matching.reasons import Match, Reason
from faelles.matching.records import Record, RecordError
from faelles.matching.weights import DEFAULT_WEIGHTS, Weights

__all__ = [
    "DEFAULT_WEIGHTS",
    "Match",
    "MatchIndex",
    "Reason",
    "Record",
    "RecordError",
    "Weights",
    "rank",
]
