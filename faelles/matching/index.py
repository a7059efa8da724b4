"""The match index: records compiled into arrays, queried with vectorised filters.

Build once from all candidates (offers, or needs), keep it in memory, add and remove
records as they change. A query runs every hard filter and every score part as
NumPy operations over all rows, then explains only the top ``k``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from faelles.matching import geo, scoring, taxonomy
from faelles.matching.encoding import (
    COMMITMENT_CODE,
    KIND_BIT,
    MODE_BIT,
    OPEN_END,
    OPEN_START,
    SLOT_BIT,
    day,
    mask,
    root_mask,
)
from faelles.matching.postings import Postings
from faelles.matching.reasons import Match
from faelles.matching.records import Record
from faelles.matching.text import Analysis, Analyzer, default_analyzer
from faelles.matching.weights import DEFAULT_WEIGHTS, Weights

_INFERRED_MAX = 3
"""How many categories a record without any gets from its text."""


class _Columns:
    """Per-row arrays that grow by doubling, so ``add`` is amortised O(1)."""

    SPEC: dict[str, tuple[type[np.generic], object]] = {
        "alive": (np.bool_, False),
        "kind": (np.uint8, 0),
        "mode": (np.uint8, 0),
        "roots": (np.uint32, 0),
        "slots": (np.uint32, 0),
        "postcode": (np.int32, -1),
        "radius": (np.float32, np.nan),
        "age": (np.float32, np.nan),
        "min_age": (np.float32, np.nan),
        "capacity": (np.int32, -1),
        "length": (np.float32, 0.0),
        "created": (np.int32, -1),
        "from_day": (np.int32, OPEN_START),
        "until_day": (np.int32, OPEN_END),
        "commitment": (np.uint8, 0),
        "newcomer": (np.bool_, False),
        "underserved": (np.bool_, False),
        "also_gives": (np.bool_, False),
        "has_languages": (np.bool_, False),
        "inferred": (np.bool_, False),
    }

    # One array per SPEC entry, set in __init__ and ensure().
    alive: npt.NDArray[np.bool_]
    kind: npt.NDArray[np.uint8]
    mode: npt.NDArray[np.uint8]
    roots: npt.NDArray[np.uint32]
    slots: npt.NDArray[np.uint32]
    postcode: npt.NDArray[np.int32]
    radius: npt.NDArray[np.float32]
    age: npt.NDArray[np.float32]
    min_age: npt.NDArray[np.float32]
    capacity: npt.NDArray[np.int32]
    length: npt.NDArray[np.float32]
    created: npt.NDArray[np.int32]
    from_day: npt.NDArray[np.int32]
    until_day: npt.NDArray[np.int32]
    commitment: npt.NDArray[np.uint8]
    newcomer: npt.NDArray[np.bool_]
    underserved: npt.NDArray[np.bool_]
    also_gives: npt.NDArray[np.bool_]
    has_languages: npt.NDArray[np.bool_]
    inferred: npt.NDArray[np.bool_]

    def __init__(self, capacity: int = 1024) -> None:
        self.allocated = capacity
        for name, (dtype, fill) in self.SPEC.items():
            setattr(self, name, np.full(capacity, fill, dtype=dtype))

    def ensure(self, size: int) -> None:
        if size <= self.allocated:
            return
        new = max(size, self.allocated * 2)
        for name, (dtype, fill) in self.SPEC.items():
            old = getattr(self, name)
            grown: npt.NDArray[np.generic] = np.full(new, fill, dtype=dtype)
            grown[: self.allocated] = old
            setattr(self, name, grown)
        self.allocated = new

    def nbytes(self) -> int:
        return sum(getattr(self, n).nbytes for n in self.SPEC)


class MatchIndex:
    """Candidates of one side (offers or needs), ready to be ranked for a query."""

    def __init__(
        self,
        weights: Weights = DEFAULT_WEIGHTS,
        analyzer: Analyzer | None = None,
        postcodes: geo.Postcodes | None = None,
        use_vocabulary: bool = True,
        associations: Mapping[str, Mapping[str, float]] | None = None,
    ) -> None:
        self.weights = weights
        self.analyzer = analyzer or default_analyzer()
        self.postcodes = postcodes or geo.load()
        self.use_vocabulary = use_vocabulary
        self.associations = associations or {}
        """Learned term → related terms → strength (see ``learning.py``)."""
        self.records: list[Record | None] = []
        self.row_of: dict[str, int] = {}
        self.columns = _Columns()
        self.text_postings = Postings()  # w:/c: text terms
        self.meta_postings = (
            Postings()
        )  # e:/x: categories, h:/r: has/requires, l: languages
        self.total_length = 0.0
        self.live = 0
        self.bm25_cache: dict[str, tuple[int, float, np.ndarray]] = {}

    # -- building ---------------------------------------------------------------

    @classmethod
    def build(cls, records: Iterable[Record], **options: Any) -> MatchIndex:
        index = cls(**options)
        for record in records:
            index.add(record)
        index.text_postings.compile()
        index.meta_postings.compile()
        return index

    def __len__(self) -> int:
        return self.live

    def __contains__(self, record_id: object) -> bool:
        return record_id in self.row_of

    def get(self, record_id: str) -> Record | None:
        row = self.row_of.get(record_id)
        return None if row is None else self.records[row]

    def add(self, record: Record) -> None:
        """Add or replace (same id) one record."""
        if record.id in self.row_of:
            self.remove(record.id)
        row = len(self.records)
        self.columns.ensure(row + 1)
        self.records.append(record)
        self.row_of[record.id] = row
        analysis = self.analyse(record)
        cats, inferred = self.effective_categories(record, analysis)
        c = self.columns
        c.alive[row] = True
        c.kind[row] = mask(record.kind, KIND_BIT)
        c.mode[row] = mask(record.mode, MODE_BIT)
        c.roots[row] = root_mask(record.categories)
        c.slots[row] = mask(record.availability, SLOT_BIT)
        c.postcode[row] = self.postcodes.lookup(record.postcode)
        radius = record.radius_km
        c.radius[row] = self.weights.default_radius_km if radius is None else radius
        c.age[row] = np.nan if record.age is None else record.age
        c.min_age[row] = np.nan if record.min_age is None else record.min_age
        c.capacity[row] = -1 if record.capacity is None else record.capacity
        c.length[row] = analysis.length
        c.created[row] = -1 if record.created is None else day(record.created)
        start, end = record.available_from, record.available_until
        c.from_day[row] = OPEN_START if start is None else day(start)
        c.until_day[row] = OPEN_END if end is None else day(end)
        c.commitment[row] = COMMITMENT_CODE.get(record.commitment or "", 0)
        c.newcomer[row] = record.is_newcomer
        c.underserved[row] = record.underserved
        c.also_gives[row] = record.also_gives
        c.has_languages[row] = bool(record.languages)
        c.inferred[row] = inferred
        self.text_postings.add(row, dict(analysis.terms))
        self.meta_postings.add(row, self._meta_terms(record, cats))
        self.total_length += analysis.length
        self.live += 1

    def remove(self, record_id: str) -> bool:
        """Forget a record; its row stays as a tombstone until ``rebuild``."""
        row = self.row_of.pop(record_id, None)
        if row is None:
            return False
        record = self.records[row]
        assert record is not None
        analysis = self.analyse(record)
        cats, _ = self.effective_categories(record, analysis)
        self.text_postings.discount(list(analysis.terms))
        self.meta_postings.discount(list(self._meta_terms(record, cats)))
        self.total_length -= analysis.length
        self.columns.alive[row] = False
        self.records[row] = None
        self.live -= 1
        return True

    def rebuild(self) -> MatchIndex:
        """A compact copy without tombstones (worth it after many removals)."""
        return MatchIndex.build(
            (r for r in self.records if r is not None),
            weights=self.weights,
            analyzer=self.analyzer,
            postcodes=self.postcodes,
            use_vocabulary=self.use_vocabulary,
            associations=self.associations,
        )

    def nbytes(self) -> int:
        return (
            self.columns.nbytes()
            + self.text_postings.nbytes()
            + self.meta_postings.nbytes()
        )

    # -- analysis ----------------------------------------------------------------

    def analyse(self, record: Record) -> Analysis:
        analysis = self.analyzer.analyse(f"{record.title}\n{record.text}")
        if not self.use_vocabulary:  # the plain-BM25 baseline of the evaluation
            analysis.terms = type(analysis.terms)(
                {t: n for t, n in analysis.terms.items() if t.startswith("w:")}
            )
            analysis.categories.clear()
            analysis.length = sum(analysis.terms.values())
        return analysis

    def expansions(self, term: str) -> dict[str, float]:
        """Terms related to ``term`` with their strength: the vocabulary's ``rel``
        lines (concepts only) and associations learned from collaborations."""
        out: dict[str, float] = {}
        if self.use_vocabulary and term.startswith("c:"):
            for cid, strength in self.analyzer.vocabulary.related.get(
                term[2:], {}
            ).items():
                out["c:" + cid] = strength
        for other, strength in self.associations.get(term, {}).items():
            out[other] = max(out.get(other, 0.0), strength)
        return out

    def effective_categories(
        self, record: Record, analysis: Analysis
    ) -> tuple[tuple[str, ...], bool]:
        """Explicit categories, or ones inferred from the text's vocabulary."""
        if record.categories:
            return record.categories, False
        if not analysis.categories:
            return (), False
        ranked = sorted(analysis.categories.items(), key=lambda kv: (-kv[1], kv[0]))
        return tuple(slug for slug, _ in ranked[:_INFERRED_MAX]), True

    @staticmethod
    def _meta_terms(record: Record, cats: tuple[str, ...]) -> dict[str, float]:
        terms: dict[str, float] = {}
        for slug in cats:
            terms["e:" + slug] = 1.0
            for s in (slug, *taxonomy.ancestors(slug)):
                terms["x:" + s] = 1.0
        for t in record.has:
            terms["h:" + t] = 1.0
        for t in record.requires:
            terms["r:" + t] = 1.0
        for t in record.languages:
            terms["l:" + t] = 1.0
        return terms

    # -- querying ----------------------------------------------------------------

    def query(
        self, query: Record, top: int = 10, today: dt.date | None = None
    ) -> list[Match]:
        """The ``top`` best candidates for ``query``, best first, with reasons.

        ``today`` dates the freshness part (default: today in UTC).
        """
        if not self.live or top <= 0:
            return []
        today = today or dt.datetime.now(dt.UTC).date()
        return scoring.run(self, query, top, today)


def rank(
    query: Record,
    candidates: Iterable[Record],
    top: int = 10,
    today: dt.date | None = None,
    **options: Any,
) -> list[Match]:
    """One-shot ranking (builds a throwaway index); fine for a few thousand rows."""
    return MatchIndex.build(candidates, **options).query(query, top=top, today=today)
