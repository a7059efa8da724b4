"""One query against a ``MatchIndex``: candidates, hard filters, score parts, reasons.

Order of work, chosen for speed at 200,000 rows: text and category signals come
from postings (sparse), which also yields the candidate rows (something must be
relevant); every hard filter and every other part is then computed only on those
rows with NumPy; reasons are built only for the top ``k``.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from faelles.matching import reasons, taxonomy
from faelles.matching.encoding import (
    ALL_MODES,
    COMMITMENT_CODE,
    IN_PERSON,
    KIND_COMPATIBLE,
    MODE_BIT,
    OPEN_END,
    SLOT_BIT,
    day,
    mask,
    root_mask,
)
from faelles.matching.reasons import Match, Reason
from faelles.matching.records import SLOTS, Record
from faelles.matching.text import Analysis

if TYPE_CHECKING:
    from faelles.matching.index import MatchIndex
    from faelles.matching.weights import Weights

PARTS = (
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
"""Every score part; each has exactly one reason code of the same name."""


@dataclass(slots=True)
class _Run:
    index: MatchIndex
    query: Record
    today: dt.date
    analysis: Analysis
    qcats: tuple[str, ...]
    qinferred: bool
    text_weights: dict[str, float]
    related: dict[str, tuple[float, str]]
    """Expanded terms: weight, and the query term they came from."""
    rows: np.ndarray
    common: np.ndarray | None = None
    """Modes both sides accept, as a bit mask per candidate row."""
    dist: np.ndarray | None = None
    """Kilometres per candidate row where meeting in person is possible, else NaN."""
    reach: np.ndarray | None = None


def run(index: MatchIndex, query: Record, top: int, today: dt.date) -> list[Match]:
    analysis = index.analyse(query)
    qcats, qinferred = index.effective_categories(query, analysis)
    n = len(index.records)
    weights = text_weights(index, analysis)
    related = related_weights(index, analysis, weights)
    text = _text_signal(index, weights, related, n)
    category = _category_signal(index, qcats, n)
    rows = np.flatnonzero(_may_be_relevant(index.weights, text, category))
    rows = rows[index.columns.alive[rows]]
    r = _Run(index, query, today, analysis, qcats, qinferred, weights, related, rows)
    r.common = _common_modes(r)
    r.dist = _distances(r)
    if r.dist is not None:
        r.reach = _reach(r)
    keep = _hard_filter(r)
    r.rows = rows = rows[keep]
    if r.dist is not None and r.reach is not None:
        r.dist, r.reach = r.dist[keep], r.reach[keep]
    if rows.size == 0:
        return []
    w = index.weights
    text = w.text * text[rows].astype(np.float64)
    # Categories inferred from text (on either side) count for less.
    factor = np.where(index.columns.inferred[rows], w.category_inferred, 1.0)
    if qinferred:
        factor *= w.category_inferred
    category = w.category * factor * category[rows]
    relevant = (text + category) >= w.min_relevance
    if not relevant.all():
        r.rows = rows = rows[relevant]
        text, category = text[relevant], category[relevant]
        if r.dist is not None and r.reach is not None:
            r.dist, r.reach = r.dist[relevant], r.reach[relevant]
        if rows.size == 0:
            return []
    parts = _parts(r, text, category)
    total = np.zeros(rows.size, dtype=np.float64)
    for name in PARTS:
        total += parts[name]
    pos = np.arange(rows.size)
    if rows.size > top:
        pos = np.argpartition(-total, top - 1)[:top]
    pos = pos[np.lexsort((rows[pos], -total[pos]))]
    return [_explain(r, int(i), parts) for i in pos]


# -- text and categories (sparse, over the whole index) -------------------------


def _may_be_relevant(w: Weights, text: np.ndarray, category: np.ndarray) -> np.ndarray:
    """Rows that can still reach the quality threshold, before the filters.

    A row's relevance is ``text × w.text + category × w.category × factor``, where
    the factor for inferred categories is at most ``max(1, category_inferred)²``;
    so a row under the threshold even with that factor can be dropped now instead
    of being filtered and scored. In a big index this is most rows: a category
    alone (say Sundhed) is shared by tens of thousands and seldom reaches the
    threshold. Exact: the threshold is applied again with the true factor.
    """
    touched = (text > 0) | (category > 0)
    if w.min_relevance <= 0:
        return touched
    most = w.category * max(1.0, w.category_inferred) ** 2
    upper = np.float32(w.text) * text + np.float32(most) * category
    # float32 arithmetic here, float64 later: keep a hair of slack.
    return touched & (upper >= np.float32(w.min_relevance * (1 - 1e-5)))


def text_weights(index: MatchIndex, analysis: Analysis) -> dict[str, float]:
    """Per query term: BM25 idf, times the concept boost for vocabulary concepts."""
    w = index.weights
    total = max(index.live, 1)
    out = {}
    for term in analysis.terms:
        df = index.text_postings.df.get(term, 0)
        if df == 0:
            continue
        idf = math.log(1.0 + (total - df + 0.5) / (df + 0.5))
        out[term] = idf * (w.concept_boost if term.startswith("c:") else 1.0)
    return out


def related_weights(
    index: MatchIndex, analysis: Analysis, weights: dict[str, float]
) -> dict[str, tuple[float, str]]:
    """Terms the query does not use but that are related to one it does (from the
    vocabulary's ``rel`` lines or learned associations): weight = the candidate
    term's idf × ``related`` × strength, the best source term kept for the reason.
    """
    w = index.weights
    total = max(index.live, 1)
    out: dict[str, tuple[float, str]] = {}
    for term in analysis.terms:
        for other, strength in index.expansions(term).items():
            if other in analysis.terms:
                continue
            df = index.text_postings.df.get(other, 0)
            if df == 0:
                continue
            idf = math.log(1.0 + (total - df + 0.5) / (df + 0.5))
            boost = w.concept_boost if other.startswith("c:") else 1.0
            value = idf * boost * w.related * strength
            if value > out.get(other, (0.0, ""))[0]:
                out[other] = (value, term)
    return out


def _text_signal(
    index: MatchIndex,
    weights: dict[str, float],
    related: dict[str, tuple[float, str]],
    n: int,
) -> np.ndarray:
    """BM25 divided by its maximum for the query's own terms, so it lies in [0, 1];
    related terms add to it (capped at 1) but never raise the maximum, so a text
    that matches the query's own words is not diluted by the expansion."""
    score = np.zeros(n, dtype=np.float32)
    own = sum(weights.values())
    if not own and not related:
        return score
    for term, weight in [*weights.items(), *((t, v) for t, (v, _) in related.items())]:
        rows, saturation = _saturation(index, term)
        score[rows] += np.float32(weight) * saturation
    norm = own or sum(v for v, _ in related.values())
    capped: np.ndarray = np.minimum(score / np.float32(norm), np.float32(1.0))
    return capped


def _saturation(index: MatchIndex, term: str) -> tuple[np.ndarray, np.ndarray]:
    """BM25's tf part, tf(k1+1)/(tf+norm)/(k1+1), per posting of ``term``.

    Cached per term until the term gains rows or the mean document length moves,
    so a steady index pays the arithmetic once.
    """
    w = index.weights
    rows, tf = index.text_postings.get(term)
    avg = max(index.total_length / max(index.live, 1), 1.0)
    hit = index.bm25_cache.get(term)
    if hit is not None and hit[0] == rows.size and hit[1] == avg:
        return rows, hit[2]
    k1, b = w.bm25_k1, w.bm25_b
    norm = k1 * (1.0 - b + b * index.columns.length[rows] / np.float32(avg))
    saturation = (tf / (tf + norm)).astype(np.float32)
    index.bm25_cache[term] = (rows.size, avg, saturation)
    return rows, saturation


def category_plan(
    index: MatchIndex, qcats: tuple[str, ...]
) -> list[tuple[str, float, str, str]]:
    """(postings term, credit, shared slug, relation) for the query's categories."""
    w = index.weights
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


def rarity(index: MatchIndex, slug: str) -> float:
    """1 for a category no one else has, down to ½ for one everybody has."""
    total = max(index.live, 1)
    df = index.meta_postings.df.get("x:" + slug, 0)
    return 0.5 + 0.5 * math.log1p(total / max(df, 1)) / math.log1p(total)


def _category_signal(index: MatchIndex, qcats: tuple[str, ...], n: int) -> np.ndarray:
    """Best credit × rarity over the query's categories (before the inferred factor)."""
    best = np.zeros(n, dtype=np.float32)
    if not qcats:
        return best
    for term, credit, slug, _ in category_plan(index, qcats):
        rows = index.meta_postings.rows(term)
        if rows.size:
            value = np.float32(credit * rarity(index, slug))
            best[rows] = np.maximum(best[rows], value)
    return best


# -- hard filters (dense, over the candidate rows) -----------------------------


def _member(rows: np.ndarray, postings: np.ndarray, n: int) -> np.ndarray:
    """Which of the sorted candidate ``rows`` occur in the sorted ``postings``."""
    if postings.size == 0:
        return np.zeros(rows.size, dtype=bool)
    if rows.size > 256:  # a scatter over all rows beats a binary search per row
        present: np.ndarray = np.zeros(n, dtype=bool)
        present[postings] = True
        scattered: np.ndarray = present[rows]
        return scattered
    i = np.searchsorted(postings, rows.astype(postings.dtype))
    i = np.minimum(i, postings.size - 1)
    present_rows: np.ndarray = postings[i] == rows
    return present_rows


def _contains(postings: np.ndarray, row: int) -> bool:
    i = int(postings.searchsorted(np.int32(row)))  # a Python int would copy it
    return i < postings.size and int(postings[i]) == row


def _common_modes(r: _Run) -> np.ndarray:
    qmode = mask(r.query.mode, MODE_BIT) or ALL_MODES
    mode = r.index.columns.mode[r.rows]
    return np.where(mode == 0, ALL_MODES, mode) & qmode


def _distances(r: _Run) -> np.ndarray | None:
    postcodes = r.index.postcodes
    qrow = postcodes.lookup(r.query.postcode)
    if qrow < 0:
        return None
    # One distance per postcode, plus NaN at the end for row code -1 (unknown).
    table = np.append(postcodes.distances_from(qrow), np.nan)
    dist = table[r.index.columns.postcode[r.rows]]
    assert r.common is not None  # set before the distances
    in_person: np.ndarray = np.where((r.common & IN_PERSON) != 0, dist, np.nan)
    return in_person


def _reach(r: _Run) -> np.ndarray:
    """How far apart the two may be: the larger of their radii."""
    w = r.index.weights
    own = w.default_radius_km if r.query.radius_km is None else r.query.radius_km
    reach: np.ndarray = np.maximum(r.index.columns.radius[r.rows], np.float32(own))
    return reach


def _hard_filter(r: _Run) -> np.ndarray:
    c, q, rows, meta = r.index.columns, r.query, r.rows, r.index.meta_postings
    n = len(r.index.records)
    ok = np.ones(rows.size, dtype=bool)
    if q.id in r.index.row_of:
        ok &= rows != r.index.row_of[q.id]
    qkind = mask(q.kind, KIND_COMPATIBLE)
    if qkind:
        kind = c.kind[rows]
        ok &= (kind == 0) | ((kind & qkind) != 0)
    qroots = root_mask(q.categories)
    if qroots:
        roots = c.roots[rows]
        ok &= (roots == 0) | ((roots & qroots) != 0)
    common = r.common
    ok &= common != 0
    if r.dist is not None:
        far = r.dist > r.reach  # an unknown distance (NaN) is never far
        ok &= ~(far & (common == IN_PERSON))
    qslots = mask(q.availability, SLOT_BIT)
    if qslots:
        slots = c.slots[rows]
        ok &= (slots == 0) | ((slots & qslots) != 0)
    for token in q.requires:
        ok &= _member(rows, meta.rows("h:" + token), n)
    given = set(q.has)
    for term in meta.terms_with_prefix("r:"):
        if term[2:] not in given:
            ok &= ~_member(rows, meta.rows(term), n)
    if q.languages:
        speaks = ~c.has_languages[rows]
        for lang in q.languages:
            speaks |= _member(rows, meta.rows("l:" + lang), n)
        ok &= speaks
    if q.min_age is not None:
        ok &= ~(c.age[rows] < q.min_age)  # an unknown age (NaN) passes
    if q.age is not None:
        ok &= ~(c.min_age[rows] > q.age)
    ok &= c.capacity[rows] != 0  # a full group takes no one
    # Date ranges must overlap, and from today on: a range that has ended is over.
    lo = day(r.today)
    if q.available_from is not None:
        lo = max(lo, day(q.available_from))
    hi = OPEN_END if q.available_until is None else day(q.available_until)
    ok &= (c.until_day[rows] >= lo) & (c.from_day[rows] <= hi) & (lo <= hi)
    return ok


# -- the other score parts (dense, over the surviving rows) -------------------


def _parts(r: _Run, text: np.ndarray, category: np.ndarray) -> dict[str, np.ndarray]:
    w, c, q, rows = r.index.weights, r.index.columns, r.query, r.rows
    zeros = np.zeros(rows.size, dtype=np.float64)
    parts = dict.fromkeys(PARTS, zeros)
    parts["text"] = text
    parts["category"] = category
    if r.dist is not None:
        # Beyond reach but able to meet online or by phone: no distance credit.
        near = (r.dist <= r.reach) & (r.dist <= w.distance_close_km)  # NaN: False
        decay = np.exp(-np.nan_to_num(r.dist, nan=0.0) / w.distance_scale_km)
        parts["distance"] = np.where(near, w.distance * decay, 0.0)
    qslots = mask(q.availability, SLOT_BIT)
    if qslots:
        slots = c.slots[rows]
        overlap = np.bitwise_count(slots & qslots).astype(np.float64)
        smaller = np.minimum(np.bitwise_count(slots), qslots.bit_count())
        parts["availability"] = w.availability * np.divide(
            overlap, smaller, out=np.zeros(rows.size), where=smaller > 0
        )
    qcommit = COMMITMENT_CODE.get(q.commitment or "", 0)
    if qcommit:
        parts["commitment"] = np.where(c.commitment[rows] == qcommit, w.commitment, 0.0)
    created = c.created[rows]
    age = np.maximum(day(r.today) - created, 0)
    fresh = (created >= 0) & (age < w.freshness_days)
    parts["freshness"] = np.where(
        fresh, w.freshness * (1.0 - age / w.freshness_days), 0.0
    )
    parts["newcomer"] = np.where(c.newcomer[rows], w.newcomer, 0.0)
    parts["underserved"] = np.where(c.underserved[rows], w.underserved, 0.0)
    parts["reciprocity"] = np.where(c.also_gives[rows], w.reciprocity, 0.0)
    return parts


# -- reasons (only for the top k) ---------------------------------------------


def _explain(r: _Run, i: int, parts: dict[str, np.ndarray]) -> Match:
    row = int(r.rows[i])
    record = r.index.records[row]
    assert record is not None
    values = {name: float(parts[name][i]) for name in PARTS}
    values = {k: v for k, v in values.items() if v > 0}
    out = [_reason(r, name, value, row, i, record) for name, value in values.items()]
    out.sort(key=lambda reason: -reason.contribution)
    return Match(
        id=record.id, score=round(sum(values.values()), 6), parts=values, reasons=out
    )


def _reason(
    r: _Run, name: str, value: float, row: int, i: int, record: Record
) -> Reason:
    if name == "text":
        return _text_reason(r, row, value)
    if name == "category":
        return _category_reason(r, row, value)
    if name == "distance":
        assert r.dist is not None
        return reasons.distance_reason(float(r.dist[i]), value)
    if name == "availability":
        shared = set(record.availability) & set(r.query.availability)
        return reasons.availability_reason([s for s in SLOTS if s in shared], value)
    if name == "commitment":
        assert record.commitment is not None
        return reasons.commitment_reason(record.commitment, value)
    if name == "freshness":
        assert record.created is not None
        return reasons.freshness_reason((r.today - record.created).days, value)
    return reasons.flag_reason(name, value)


def _text_reason(r: _Run, row: int, value: float) -> Reason:
    """The shared words, in the query's own words; a synonym the other side used
    instead is shown after a slash ("rygerlunger/KOL")."""
    found = [
        (weight, term)
        for term, weight in r.text_weights.items()
        if _contains(r.index.text_postings.rows(term), row)
    ]
    # Concepts first ("KOL" rather than "lungesygdom"), then plain words that
    # are not already covered by a concept shown.
    found.sort(key=lambda wt: (not wt[1].startswith("c:"), -wt[0], wt[1]))
    record = r.index.records[row]
    assert record is not None
    theirs = r.index.analyse(record).surface
    da: list[str] = []
    en: list[str] = []
    covered: set[str] = set()
    concepts = r.index.analyzer.vocabulary.concepts
    for _, term in found:
        label = r.analysis.surface.get(term, term[2:])
        if label.lower() in covered:
            continue
        covered.add(label.lower())
        if term.startswith("c:"):
            concept = concepts[term[2:]]
            covered.update(concept.variants)
            covered.update(w for v in concept.variants for w in v.split())
            other = theirs.get(term, label)
            stems = r.index.analyzer.stems
            if stems(other) != stems(label):  # "gåture" is the same as "gåtur"
                covered.add(other.lower())
                label = f"{label}/{other}"
            if concept.label_en.lower() in {e.lower() for e in en}:
                continue
            en.append(concept.label_en)
        else:
            en.append(label)
        da.append(label)
        if len(da) == 3:
            break
    linked_da, linked_en = _linked(r, row, theirs, covered)
    if not da and not linked_da:  # never an empty reason for a part that counted
        linked_da, linked_en = _linked(r, row, theirs, set())
    return reasons.text_reason(da, en, value, linked_da, linked_en)


def _linked(
    r: _Run, row: int, theirs: dict[str, str], covered: set[str]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Up to two (query's word, candidate's word) pairs that met through a
    related term, strongest first."""
    hits = sorted(
        (
            (-weight, term, source)
            for term, (weight, source) in r.related.items()
            if _contains(r.index.text_postings.rows(term), row)
        ),
    )
    concepts = r.index.analyzer.vocabulary.concepts
    da: list[tuple[str, str]] = []
    en: list[tuple[str, str]] = []
    for _, term, source in hits:
        mine = r.analysis.surface.get(source, source[2:])
        other = theirs.get(term, term[2:])
        if other.lower() in covered:
            continue
        covered.add(other.lower())
        da.append((mine, other))
        en.append(
            tuple(  # type: ignore[arg-type]
                concepts[t[2:]].label_en if t[2:] in concepts else word
                for t, word in ((source, mine), (term, other))
            )
        )
        if len(da) == 2:
            break
    return da, en


def _category_reason(r: _Run, row: int, value: float) -> Reason:
    best: tuple[float, str, str] | None = None
    for term, credit, slug, relation in category_plan(r.index, r.qcats):
        if _contains(r.index.meta_postings.rows(term), row):
            strength = credit * rarity(r.index, slug)
            if best is None or strength > best[0]:
                best = (strength, slug, relation)
    assert best is not None
    inferred = r.qinferred or bool(r.index.columns.inferred[row])
    return reasons.category_reason(best[1], best[2], inferred, value)
