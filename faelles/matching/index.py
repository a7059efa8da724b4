"""The match index: records compiled into arrays, queried with vectorised filters.

Build once from all candidates (offers, or needs), keep it in memory, add and remove
records as they change. A query runs every hard filter and every score part as
NumPy operations over all rows, then explains only the top ``k``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

import numpy as np

from faelles.matching import geo, reasons, taxonomy
from faelles.matching.postings import Postings
from faelles.matching.reasons import Match, Reason
from faelles.matching.records import KINDS, MODES, SLOTS, Record
from faelles.matching.text import Analysis, Analyzer, default_analyzer
from faelles.matching.weights import DEFAULT_WEIGHTS, Weights

_KIND_BIT = {k: 1 << i for i, k in enumerate(KINDS)}
_MODE_BIT = {m: 1 << i for i, m in enumerate(MODES)}
_ALL_MODES = (1 << len(MODES)) - 1
_IN_PERSON = _MODE_BIT["in_person"]
_SLOT_BIT = {s: 1 << i for i, s in enumerate(SLOTS)}
_ROOT_BIT = {r: 1 << i for i, r in enumerate(taxonomy.ROOTS)}
_COMMITMENT = {"one_off": 1, "recurring": 2, "long_term_1to1": 3, "group": 4}
_EPOCH = dt.date(2000, 1, 1)
_INFERRED_MAX = 3

PART_ORDER = (
    "text",
    "category",
    "distance",
    "availability",
    "commitment",
    "freshness",
    "newcomer",
    "underserved",
    "reciprocity",
)


def _mask(values: Iterable[str], bits: dict[str, int]) -> int:
    out = 0
    for v in values:
        out |= bits.get(v, 0)
    return out


class _Columns:
    """Per-row arrays that grow by doubling, so ``add`` is amortised O(1)."""

    SPEC = {
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
        "commitment": (np.uint8, 0),
        "newcomer": (np.bool_, False),
        "underserved": (np.bool_, False),
        "also_gives": (np.bool_, False),
        "has_languages": (np.bool_, False),
        "inferred": (np.bool_, False),
    }

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
            grown = np.full(new, fill, dtype=dtype)
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
    ) -> None:
        self.weights = weights
        self.analyzer = analyzer or default_analyzer()
        self.postcodes = postcodes or geo.load()
        self.use_vocabulary = use_vocabulary
        self._records: list[Record | None] = []
        self._rows: dict[str, int] = {}
        self._cols = _Columns()
        self._terms = Postings()  # w:/c: text terms
        self._meta = Postings()  # e:/x: categories, h:/r: has/requires, l: languages
        self._total_length = 0.0
        self._live = 0

    # -- building ---------------------------------------------------------------

    @classmethod
    def build(cls, records: Iterable[Record], **options) -> MatchIndex:
        index = cls(**options)
        for record in records:
            index.add(record)
        index._terms.compile()
        index._meta.compile()
        return index

    def __len__(self) -> int:
        return self._live

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._rows

    def get(self, record_id: str) -> Record | None:
        row = self._rows.get(record_id)
        return None if row is None else self._records[row]

    def add(self, record: Record) -> None:
        """Add or replace (same id) one record."""
        if record.id in self._rows:
            self.remove(record.id)
        row = len(self._records)
        self._cols.ensure(row + 1)
        self._records.append(record)
        self._rows[record.id] = row
        analysis = self.analyse(record)
        cats, inferred = self.effective_categories(record, analysis)
        c = self._cols
        c.alive[row] = True
        c.kind[row] = _mask(record.kind, _KIND_BIT)
        c.mode[row] = _mask(record.mode, _MODE_BIT)
        c.roots[row] = _mask((taxonomy.root(s) for s in record.categories), _ROOT_BIT)
        c.slots[row] = _mask(record.availability, _SLOT_BIT)
        c.postcode[row] = self.postcodes.lookup(record.postcode)
        c.radius[row] = np.nan if record.radius_km is None else record.radius_km
        c.age[row] = np.nan if record.age is None else record.age
        c.min_age[row] = np.nan if record.min_age is None else record.min_age
        c.capacity[row] = -1 if record.capacity is None else record.capacity
        c.length[row] = analysis.length
        c.created[row] = -1 if record.created is None else _day(record.created)
        c.commitment[row] = _COMMITMENT.get(record.commitment or "", 0)
        c.newcomer[row] = record.is_newcomer
        c.underserved[row] = record.underserved
        c.also_gives[row] = record.also_gives
        c.has_languages[row] = bool(record.languages)
        c.inferred[row] = inferred
        self._terms.add(row, dict(analysis.terms))
        self._meta.add(row, self._meta_terms(record, cats))
        self._total_length += analysis.length
        self._live += 1

    def remove(self, record_id: str) -> bool:
        """Forget a record; its row stays as a tombstone until ``rebuild``."""
        row = self._rows.pop(record_id, None)
        if row is None:
            return False
        record = self._records[row]
        assert record is not None
        analysis = self.analyse(record)
        cats, _ = self.effective_categories(record, analysis)
        self._terms.discount(list(analysis.terms))
        self._meta.discount(list(self._meta_terms(record, cats)))
        self._total_length -= analysis.length
        self._cols.alive[row] = False
        self._records[row] = None
        self._live -= 1
        return True

    def rebuild(self) -> MatchIndex:
        """A compact copy without tombstones (worth it after many removals)."""
        return MatchIndex.build(
            (r for r in self._records if r is not None),
            weights=self.weights,
            analyzer=self.analyzer,
            postcodes=self.postcodes,
            use_vocabulary=self.use_vocabulary,
        )

    def nbytes(self) -> int:
        return self._cols.nbytes() + self._terms.nbytes() + self._meta.nbytes()

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
        """The ``top`` best candidates for ``query``, best first, with reasons."""
        n = len(self._records)
        if n == 0 or top <= 0:
            return []
        today = today or dt.datetime.now(dt.UTC).date()
        analysis = self.analyse(query)
        qcats, qinferred = self.effective_categories(query, analysis)
        dist = self._distances(query, n)
        ok = self._filter(query, n, dist)
        parts = self._score_parts(query, analysis, qcats, qinferred, dist, n, today)
        relevant = (parts["text"] > 0) | (parts["category"] > 0)
        rows = np.flatnonzero(ok & relevant)
        if rows.size == 0:
            return []
        total = np.zeros(rows.size, dtype=np.float64)
        for name in PART_ORDER:
            total += parts[name][rows]
        if rows.size > top:
            keep = np.argpartition(-total, top - 1)[:top]
            rows, total = rows[keep], total[keep]
        order = np.lexsort((rows, -total))
        return [
            self._explain(
                int(rows[i]), query, analysis, qcats, qinferred, dist, parts, today
            )
            for i in order
        ]

    def _filter(self, query: Record, n: int, dist: np.ndarray | None) -> np.ndarray:
        c = self._cols
        ok = c.alive[:n].copy()
        if query.id in self._rows:
            ok[self._rows[query.id]] = False
        qkind = _mask(query.kind, _KIND_BIT)
        if qkind:
            kind = c.kind[:n]
            ok &= (kind == 0) | ((kind & qkind) != 0)
        qroots = _mask((taxonomy.root(s) for s in query.categories), _ROOT_BIT)
        if qroots:
            roots = c.roots[:n]
            ok &= (roots == 0) | ((roots & qroots) != 0)
        common = self._common_modes(query, n)
        ok &= common != 0
        if dist is not None:
            far = dist > self._reach(query, n)  # unknown distance (NaN) is not far
            ok &= ~(far & (common == _IN_PERSON))
        qslots = _mask(query.availability, _SLOT_BIT)
        if qslots:
            slots = c.slots[:n]
            ok &= (slots == 0) | ((slots & qslots) != 0)
        for token in query.requires:
            has = np.zeros(n, dtype=bool)
            has[self._meta.rows("h:" + token)] = True
            ok &= has
        given = set(query.has)
        for term in self._meta.terms_with_prefix("r:"):
            if term[2:] not in given:
                ok[self._meta.rows(term)] = False
        if query.languages:
            speaks = ~c.has_languages[:n]
            for lang in query.languages:
                speaks[self._meta.rows("l:" + lang)] = True
            ok &= speaks
        if query.min_age is not None:
            ok &= ~(c.age[:n] < query.min_age)  # unknown age (NaN) passes
        if query.age is not None:
            ok &= ~(c.min_age[:n] > query.age)
        ok &= c.capacity[:n] != 0  # a full group takes no one
        return ok

    def _common_modes(self, query: Record, n: int) -> np.ndarray:
        qmode = _mask(query.mode, _MODE_BIT) or _ALL_MODES
        mode = self._cols.mode[:n]
        return np.where(mode == 0, _ALL_MODES, mode) & qmode

    def _distances(self, query: Record, n: int) -> np.ndarray | None:
        """Kilometres to each row where meeting in person matters, else NaN."""
        qrow = self.postcodes.lookup(query.postcode)
        if qrow < 0:
            return None
        pc = self._cols.postcode[:n]
        dist = self.postcodes.distances_from(qrow)[np.maximum(pc, 0)]
        dist = np.where(pc >= 0, dist, np.nan)
        in_person = (self._common_modes(query, n) & _IN_PERSON) != 0
        return np.where(in_person, dist, np.nan)

    def _reach(self, query: Record, n: int) -> np.ndarray:
        w = self.weights
        qr = w.default_radius_km if query.radius_km is None else query.radius_km
        radius = self._cols.radius[:n]
        return np.fmax(np.where(np.isnan(radius), w.default_radius_km, radius), qr)

    def _score_parts(
        self,
        query: Record,
        analysis: Analysis,
        qcats: tuple[str, ...],
        qinferred: bool,
        dist: np.ndarray | None,
        n: int,
        today: dt.date,
    ) -> dict[str, np.ndarray]:
        w = self.weights
        c = self._cols
        zeros = np.zeros(n, dtype=np.float64)
        parts = dict.fromkeys(PART_ORDER, zeros)
        parts["text"] = w.text * self._text_signal(analysis, n)
        parts["category"] = w.category * self._category_signal(qcats, qinferred, n)
        if dist is not None:
            # Beyond reach: filtered out when they can only meet in person; when
            # they can also meet online or by phone they get no distance credit.
            near = dist <= self._reach(query, n)  # NaN compares False
            decay = np.exp(-np.nan_to_num(dist, nan=0.0) / w.distance_scale_km)
            parts["distance"] = np.where(near, w.distance * decay, 0.0)
        qslots = _mask(query.availability, _SLOT_BIT)
        if qslots:
            slots = c.slots[:n]
            overlap = np.bitwise_count(slots & qslots).astype(np.float64)
            smaller = np.minimum(np.bitwise_count(slots), qslots.bit_count())
            parts["availability"] = w.availability * np.divide(
                overlap, smaller, out=np.zeros(n), where=smaller > 0
            )
        qcommit = _COMMITMENT.get(query.commitment or "", 0)
        if qcommit:
            parts["commitment"] = np.where(
                c.commitment[:n] == qcommit, w.commitment, 0.0
            )
        created = c.created[:n]
        age = np.maximum(_day(today) - created, 0)
        fresh = (created >= 0) & (age < w.freshness_days)
        parts["freshness"] = np.where(
            fresh, w.freshness * (1.0 - age / w.freshness_days), 0.0
        )
        parts["newcomer"] = np.where(c.newcomer[:n], w.newcomer, 0.0)
        parts["underserved"] = np.where(c.underserved[:n], w.underserved, 0.0)
        parts["reciprocity"] = np.where(c.also_gives[:n], w.reciprocity, 0.0)
        return parts

    def _text_weights(self, analysis: Analysis) -> dict[str, float]:
        """Per query term: its BM25 idf, times the concept boost for concepts."""
        w = self.weights
        total = max(self._live, 1)
        out = {}
        for term in analysis.terms:
            df = self._terms.df.get(term, 0)
            if df == 0:
                continue
            idf = math.log(1.0 + (total - df + 0.5) / (df + 0.5))
            out[term] = idf * (w.concept_boost if term.startswith("c:") else 1.0)
        return out

    def _text_signal(self, analysis: Analysis, n: int) -> np.ndarray:
        """BM25 divided by its maximum for this query, so it lies in [0, 1]."""
        w = self.weights
        score = np.zeros(n, dtype=np.float64)
        weights = self._text_weights(analysis)
        if not weights:
            return score
        avg = max(self._total_length / max(self._live, 1), 1.0)
        norm = w.bm25_k1 * (1.0 - w.bm25_b + w.bm25_b * self._cols.length[:n] / avg)
        for term, weight in weights.items():
            rows, tf = self._terms.get(term)
            score[rows] += weight * tf * (w.bm25_k1 + 1.0) / (tf + norm[rows])
        return score / ((w.bm25_k1 + 1.0) * sum(weights.values()))

    def _category_plan(
        self, qcats: tuple[str, ...]
    ) -> list[tuple[str, float, str, str]]:
        """(postings term, credit, matched slug, relation), weakest credit first."""
        w = self.weights
        plan = []
        for q in qcats:
            chain = taxonomy.ancestors(q)
            if chain:
                plan.append(
                    ("x:" + chain[-1], w.category_same_root, chain[-1], "same_root")
                )
            for a in chain:
                plan.append(("e:" + a, w.category_parent_child, a, "related"))
            plan.append(("x:" + q, w.category_parent_child, q, "related"))
            plan.append(("e:" + q, w.category_exact, q, "exact"))
        return plan

    def _rarity(self, slug: str) -> float:
        """1 for a category no one else has, ½ for one everybody has."""
        total = max(self._live, 1)
        df = self._meta.df.get("x:" + slug, 0)
        return 0.5 + 0.5 * math.log1p(total / max(df, 1)) / math.log1p(total)

    def _category_signal(
        self, qcats: tuple[str, ...], qinferred: bool, n: int
    ) -> np.ndarray:
        best = np.zeros(n, dtype=np.float64)
        for term, credit, slug, _ in self._category_plan(qcats):
            rows = self._meta.rows(term)
            if rows.size:
                best[rows] = np.maximum(best[rows], credit * self._rarity(slug))
        factor = np.where(self._cols.inferred[:n], self.weights.category_inferred, 1.0)
        if qinferred:
            factor = factor * self.weights.category_inferred
        return best * factor

    # -- explaining --------------------------------------------------------------

    def _explain(
        self,
        row: int,
        query: Record,
        analysis: Analysis,
        qcats: tuple[str, ...],
        qinferred: bool,
        dist: np.ndarray | None,
        parts: dict[str, np.ndarray],
        today: dt.date,
    ) -> Match:
        record = self._records[row]
        assert record is not None
        values = {name: float(parts[name][row]) for name in PART_ORDER}
        values = {k: v for k, v in values.items() if v > 0}
        out: list[Reason] = []
        for name, value in values.items():
            out.append(
                self._reason(
                    name,
                    value,
                    row,
                    record,
                    query,
                    analysis,
                    qcats,
                    qinferred,
                    dist,
                    today,
                )
            )
        out.sort(key=lambda r: -r.contribution)
        return Match(
            id=record.id,
            score=round(sum(values.values()), 6),
            parts=values,
            reasons=out,
        )

    def _reason(
        self,
        name: str,
        value: float,
        row: int,
        record: Record,
        query: Record,
        analysis: Analysis,
        qcats: tuple[str, ...],
        qinferred: bool,
        dist: np.ndarray | None,
        today: dt.date,
    ) -> Reason:
        if name == "text":
            return self._text_reason(row, analysis, value)
        if name == "category":
            return self._category_reason(row, qcats, qinferred, value)
        if name == "distance":
            assert dist is not None
            return reasons.distance_reason(float(dist[row]), value)
        if name == "availability":
            slots = [
                s for s in SLOTS if s in record.availability and s in query.availability
            ]
            return reasons.availability_reason(slots, value)
        if name == "commitment":
            assert record.commitment is not None
            return reasons.commitment_reason(record.commitment, value)
        if name == "freshness":
            assert record.created is not None
            return reasons.freshness_reason((today - record.created).days, value)
        return reasons.flag_reason(name, value)

    def _text_reason(self, row: int, analysis: Analysis, value: float) -> Reason:
        found: list[tuple[float, str]] = []
        for term, weight in self._text_weights(analysis).items():
            rows = self._terms.rows(term)
            i = np.searchsorted(rows, row)
            if i < rows.size and rows[i] == row:
                found.append((weight, term))
        # Concepts first ("KOL" rather than "lungesygdom"), then plain words that
        # are not already covered by a concept shown.
        found.sort(key=lambda wt: (not wt[1].startswith("c:"), -wt[0], wt[1]))
        da: list[str] = []
        en: list[str] = []
        covered: set[str] = set()
        concepts = self.analyzer.vocabulary.concepts
        for _, term in found:
            label = analysis.surface.get(term, term[2:])
            if label.lower() in covered:
                continue
            if term.startswith("c:"):
                concept = concepts[term[2:]]
                covered.update(concept.variants)
                covered.update(w for v in concept.variants for w in v.split())
                en.append(concept.label_en)
            else:
                en.append(label)
            covered.add(label.lower())
            da.append(label)
            if len(da) == 3:
                break
        return reasons.text_reason(da, en, value)

    def _category_reason(
        self, row: int, qcats: tuple[str, ...], qinferred: bool, value: float
    ) -> Reason:
        best: tuple[float, str, str] | None = None
        for term, credit, slug, relation in self._category_plan(qcats):
            rows = self._meta.rows(term)
            i = np.searchsorted(rows, row)
            if i < rows.size and rows[i] == row:
                strength = credit * self._rarity(slug)
                if best is None or strength > best[0]:
                    best = (strength, slug, relation)
        assert best is not None
        inferred = qinferred or bool(self._cols.inferred[row])
        return reasons.category_reason(best[1], best[2], inferred, value)


def _day(date: dt.date) -> int:
    return (date - _EPOCH).days


def rank(
    query: Record,
    candidates: Iterable[Record],
    top: int = 10,
    today: dt.date | None = None,
    **options,
) -> list[Match]:
    """One-shot ranking (builds a throwaway index); fine for a few thousand rows."""
    return MatchIndex.build(candidates, **options).query(query, top=top, today=today)
