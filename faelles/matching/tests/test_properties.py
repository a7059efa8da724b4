"""Property tests: hard filters are never broken, reasons always agree with the score.

The checks below restate every rule from scratch on the records themselves, so they
do not share code (or bugs) with the vectorised index.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faelles.matching import MatchIndex, Record, geo
from faelles.matching.records import KINDS, MODES, SLOTS
from faelles.matching.weights import DEFAULT_WEIGHTS, Weights

NO_THRESHOLD = Weights(min_relevance=0.0)
"""The hard-filter property holds before the quality threshold."""

pytestmark = pytest.mark.engine

TODAY = dt.date(2026, 11, 24)
WORDS = [
    "KOL",
    "lektiehjælp",
    "gåtur",
    "strikke",
    "have",
    "dansk",
    "mentor",
    "hjælp",
    "kaffe",
    "bedstemor",
    "diabetes",
    "cykel",
]
POSTCODES = ["5000", "5200", "5300", "5330", "4640", "8660", "2610", "0001", None]
CATEGORIES = [
    "health",
    "health.chronic",
    "health.chronic.copd",
    "health.rehab",
    "youth.homework",
    "elderly.visiting",
    "sport.walking",
]
TOKENS = ["boerneattest", "bil", "lokale"]
LANGS = ["da", "en", "ar"]


def _date_range(draw) -> dict:
    start = draw(
        st.one_of(st.none(), st.dates(dt.date(2026, 9, 1), dt.date(2027, 3, 1)))
    )
    end = draw(
        st.one_of(st.none(), st.dates(dt.date(2026, 10, 1), dt.date(2027, 6, 1)))
    )
    if start and end and end < start:
        start, end = end, start
    return {"available_from": start, "available_until": end}


def _subset(values, max_size=3):
    return st.lists(st.sampled_from(values), max_size=max_size, unique=True)


@st.composite
def records(draw, prefix: str) -> Record:
    data = {
        "id": prefix + str(draw(st.integers(0, 10**9))),
        "title": " ".join(
            draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3))
        ),
        "text": " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=4))),
        "kind": draw(_subset(list(KINDS), 2)),
        "categories": draw(_subset(CATEGORIES, 2)),
        "mode": draw(_subset(list(MODES), 3)),
        "postcode": draw(st.sampled_from(POSTCODES)),
        "radius_km": draw(st.one_of(st.none(), st.sampled_from([0, 1, 5, 15, 50]))),
        "availability": draw(_subset(list(SLOTS), 4)),
        "commitment": draw(
            st.one_of(st.none(), st.sampled_from(["one_off", "recurring", "group"]))
        ),
        "capacity": draw(st.one_of(st.none(), st.integers(0, 3))),
        "requires": draw(_subset(TOKENS, 2)),
        "has": draw(_subset(TOKENS, 3)),
        "min_age": draw(st.one_of(st.none(), st.sampled_from([15, 18]))),
        "age": draw(st.one_of(st.none(), st.integers(10, 80))),
        "languages": draw(_subset(LANGS, 2)),
        "created": draw(
            st.one_of(st.none(), st.dates(dt.date(2026, 6, 1), dt.date(2026, 12, 31)))
        ),
        **_date_range(draw),
        "newcomer": draw(st.booleans()),
        "underserved": draw(st.booleans()),
        "also_gives": draw(st.booleans()),
    }
    return Record.from_dict(data)


def breaks_a_hard_rule(need: Record, offer: Record) -> str | None:
    groups = [
        {"skill", "time", "knowledge", "lived_experience"},
        {"place", "equipment"},
    ]
    if (
        need.kind
        and offer.kind
        and not any(set(need.kind) & g and set(offer.kind) & g for g in groups)
    ):
        return "kind"
    roots = {c.split(".")[0] for c in need.categories}
    oroots = {c.split(".")[0] for c in offer.categories}
    if roots and oroots and not roots & oroots:
        return "category"
    modes = (set(need.mode) or set(MODES)) & (set(offer.mode) or set(MODES))
    if not modes:
        return "mode"
    km = geo.load().distance_km(need.postcode, offer.postcode)
    if modes == {"in_person"} and km is not None:
        default = DEFAULT_WEIGHTS.default_radius_km
        reach = max(
            need.radius_km if need.radius_km is not None else default,
            offer.radius_km if offer.radius_km is not None else default,
        )
        if km > reach:
            return "radius"
    if (
        need.availability
        and offer.availability
        and not (set(need.availability) & set(offer.availability))
    ):
        return "availability"
    if not set(need.requires) <= set(offer.has):
        return "need requirement"
    if not set(offer.requires) <= set(need.has):
        return "offer requirement"
    if (
        need.languages
        and offer.languages
        and not (set(need.languages) & set(offer.languages))
    ):
        return "language"
    if need.min_age is not None and offer.age is not None and offer.age < need.min_age:
        return "min_age"
    if offer.min_age is not None and need.age is not None and need.age < offer.min_age:
        return "offer min_age"
    if offer.capacity == 0:
        return "capacity"
    lo = max(TODAY, need.available_from or TODAY)
    if need.available_until is not None and need.available_until < lo:
        return "need's dates are over"
    if offer.available_until is not None and offer.available_until < lo:
        return "offer's dates are over"
    if (
        need.available_until is not None
        and offer.available_from is not None
        and offer.available_from > need.available_until
    ):
        return "dates"
    return None


def expected_extra_parts(need: Record, offer: Record) -> set[str]:
    """Parts besides text/category/distance that must show, from the records alone."""
    out = set()
    if need.availability and offer.availability:
        out.add("availability")
    if need.commitment and need.commitment == offer.commitment:
        out.add("commitment")
    if offer.created is not None and (TODAY - offer.created).days < 60:
        out.add("freshness")
    if offer.is_newcomer:
        out.add("newcomer")
    if offer.underserved:
        out.add("underserved")
    if offer.also_gives:
        out.add("reciprocity")
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    need=records("n"),
    offers=st.lists(records("o"), min_size=1, max_size=25, unique_by=lambda r: r.id),
)
def test_results_never_break_a_hard_filter(need, offers):
    index = MatchIndex.build(offers, weights=NO_THRESHOLD)
    results = index.query(need, top=len(offers), today=TODAY)
    by_id = {o.id: o for o in offers}
    for match in results:
        assert breaks_a_hard_rule(need, by_id[match.id]) is None
    # …and nothing eligible with shared text or category is left out.
    returned = {m.id for m in results}
    for offer in offers:
        if offer.id not in returned:
            assert breaks_a_hard_rule(need, offer) is not None or not _shares_something(
                index, need, offer
            )


def _shares_something(index: MatchIndex, need: Record, offer: Record) -> bool:
    probe = MatchIndex.build([offer], weights=index.weights)
    a = index.analyse(need).terms.keys()
    b = probe.analyse(offer).terms.keys()
    return bool(a & b) or bool(need.categories and offer.categories)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    need=records("n"),
    offers=st.lists(records("o"), min_size=1, max_size=25, unique_by=lambda r: r.id),
)
def test_reasons_agree_with_the_score_parts(need, offers):
    results = MatchIndex.build(offers).query(need, top=len(offers), today=TODAY)
    by_id = {o.id: o for o in offers}
    scores = [m.score for m in results]
    assert scores == sorted(scores, reverse=True)
    for match in results:
        offer = by_id[match.id]
        assert all(v > 0 for v in match.parts.values())
        assert abs(match.score - sum(match.parts.values())) < 1e-5
        codes = [r.code for r in match.reasons]
        assert sorted(codes) == sorted(match.parts)  # a reason iff a part
        for reason in match.reasons:
            assert reason.text_da and reason.text_en
            assert reason.contribution == match.parts[reason.code]
        relevance = match.parts.get("text", 0.0) + match.parts.get("category", 0.0)
        assert relevance >= DEFAULT_WEIGHTS.min_relevance - 1e-6
        extra = set(match.parts) - {"text", "category", "distance"}
        assert extra == expected_extra_parts(need, offer)
        km = geo.load().distance_km(need.postcode, offer.postcode)
        if "distance" in match.parts:
            assert km is not None
            assert km <= DEFAULT_WEIGHTS.distance_close_km + 0.06  # only when close
            (r,) = [r for r in match.reasons if r.code == "distance"]
            assert abs(r.params["km"] - km) < 0.06
        elif km is not None:
            modes = (set(need.mode) or set(MODES)) & (set(offer.mode) or set(MODES))
            assert (
                "in_person" not in modes
                or km > DEFAULT_WEIGHTS.distance_close_km
                or km
                > max(
                    need.radius_km if need.radius_km is not None else 10.0,
                    offer.radius_km if offer.radius_km is not None else 10.0,
                )
            )
