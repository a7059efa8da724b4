"""Matches that are not matches (issue 11, item 6): a quality threshold, reasons
that are reasons, and distance as a reason only when close."""

import datetime as dt

import pytest

from faelles.matching import MatchIndex
from faelles.matching.tests.factories import record
from faelles.matching.text import default_analyzer

pytestmark = pytest.mark.engine

TODAY = dt.date(2026, 11, 24)

KOL_NEED = record(
    "Nogen at tale med om KOL",
    "Jeg har haft KOL i to år og vil gerne tale med en, der kender til at leve med "
    "det.",
    id="kol-need",
    categories=["health.chronic.copd"],
    postcode="5300",
    radius_km=25,
    mode=["in_person"],
)
GRIEF_OFFER = record(
    "Sorggruppe",
    "Jeg mistede min mand for tre år siden og vil gerne tale med andre i sorg.",
    id="sorg",
    categories=["health.grief"],
    postcode="5000",
    radius_km=25,
    mode=["in_person"],
)


def test_kol_need_is_not_matched_with_a_grief_offer():
    # Before: one match, "Begge nævner tale og år" and "17 km væk".
    assert MatchIndex.build([GRIEF_OFFER]).query(KOL_NEED, today=TODAY) == []


def test_a_kol_offer_still_matches_the_kol_need():
    kol = record(
        "Jeg lever med KOL",
        "Jeg har haft rygerlunger i ni år og går ture i mit eget tempo.",
        id="kol-offer",
        categories=["health.chronic.copd"],
        postcode="5000",
        radius_km=25,
    )
    found = MatchIndex.build([GRIEF_OFFER, kol]).query(KOL_NEED, today=TODAY)
    assert [m.id for m in found] == ["kol-offer"]
    text = found[0].texts("da")
    assert any("KOL" in t for t in text)
    assert not any(" tale" in t or " år" in t for t in text)


@pytest.mark.parametrize(
    "word", ["tale", "talte", "år", "årene", "snakke", "gang", "hvordan"]
)
def test_filler_words_are_no_terms(word):
    assert not [t for t in default_analyzer().analyse(word).terms if t.startswith("w:")]


def test_filler_inside_a_vocabulary_phrase_still_counts():
    assert "c:dansktræning" in default_analyzer().analyse("tale dansk").terms


def _walk(postcode):
    need = record("Gåtur", "Jeg har KOL og vil gerne gå ture", postcode="5300")
    offer = record(
        "Gåture", "Jeg har også KOL og går ture", postcode=postcode, radius_km=30
    )
    (m,) = MatchIndex.build([offer]).query(need, today=TODAY)
    return m


def test_distance_is_a_reason_when_close():
    m = _walk("5300")
    assert "distance" in m.parts
    assert "Under 1 km væk" in m.texts("da")


def test_distance_is_no_reason_when_far():
    m = _walk("5000")  # 17 km: within reach, but not close
    assert "distance" not in m.parts
    assert not any("km væk" in t for t in m.texts("da"))


def test_closeness_alone_is_no_match():
    need = record("Hjælp med haven", "Min have gror til", postcode="5300")
    offer = record("Kor", "Vi synger hver tirsdag, og haven er dejlig", postcode="5300")
    found = MatchIndex.build([offer]).query(need, today=TODAY)
    assert all(
        m.parts.get("text", 0) + m.parts.get("category", 0) >= 0.6 for m in found
    )


def test_related_concepts_give_a_reason_in_the_querys_words():
    need = record("Alene", "Min kone gik bort, og huset er så stille.", id="enke")
    offer = record("Besøgsven", "Jeg kommer forbi til en kop kaffe.", id="besog")
    (m,) = MatchIndex.build([offer]).query(need, today=TODAY)
    (reason,) = [r for r in m.reasons if r.code == "text"]
    assert "passer til" in reason.text_da
    assert "fits" in reason.text_en
