import datetime as dt

import pytest

from faelles.matching import MatchIndex
from faelles.matching.tests.factories import record

pytestmark = pytest.mark.engine

TODAY = dt.date(2026, 11, 24)


def explain(need, offer):
    (match,) = MatchIndex.build([offer]).query(need, today=TODAY)
    return match


def test_issue_examples_in_danish_and_english():
    need = record(
        "Gåtur",
        "Jeg har KOL",
        postcode="5000",
        availability=["tue-afternoon"],
        categories=["health.chronic"],
    )
    offer = record(
        "Gåture",
        "Jeg har også KOL",
        postcode="5200",
        availability=["tue-afternoon", "wed-morning"],
        categories=["health.chronic"],
        newcomer=True,
    )
    m = explain(need, offer)
    da = m.texts("da")
    assert "Begge nævner KOL og gåtur" in da or "Begge nævner gåtur og KOL" in da
    assert "4 km væk" in da
    assert "Tirsdag eftermiddag passer begge" in da
    assert "Samme kategori: Sundhed › Kronisk sygdom" in da
    assert "Ny på Fælles" in da
    en = m.texts("en")
    assert "Tuesday afternoon suits both" in en
    assert "Same category: Health › Chronic illness" in en
    assert "New on Fælles" in en
    assert any(t.startswith("Both mention") and "COPD" in t for t in en)


def test_synonyms_are_shown_in_both_sides_words():
    m = explain(record("Hjælp til far med rygerlunger"), record("Gåtur med KOL"))
    da = m.texts("da")
    assert "Begge nævner rygerlunger/KOL" in da
    assert "Both mention COPD" in m.texts("en")
    # One word that belongs to two synonym groups is said once.
    m = explain(record("Natteravn fredag"), record("Jeg går natteravn"))
    text = next(r for r in m.reasons if r.code == "text")
    assert text.params["terms"].count("natteravn") == 1


def test_reasons_are_structured_and_ordered_by_contribution():
    m = explain(
        record("Lektiehjælp", postcode="5000"),
        record("Lektiehjælp", postcode="5000", created="2026-11-24"),
    )
    codes = [r.code for r in m.reasons]
    assert codes == sorted(codes, key=lambda c: -m.parts[c])
    distance = next(r for r in m.reasons if r.code == "distance")
    assert distance.params == {"km": 0.0}
    assert distance.text_da == "Under 1 km væk"
    fresh = next(r for r in m.reasons if r.code == "freshness")
    assert fresh.text_da == "Oprettet i dag" and fresh.params == {"days": 0}


def test_related_and_inferred_categories_are_said_so():
    m = explain(
        record("Hjælp", categories=["health.chronic.copd"]),
        record("Hjælp", categories=["health.chronic"]),
    )
    (cat,) = [r for r in m.reasons if r.code == "category"]
    assert cat.text_da == "Beslægtet kategori: Sundhed › Kronisk sygdom"
    m = explain(record("", "rygerlunger"), record("", "KOL"))
    (cat,) = [r for r in m.reasons if r.code == "category"]
    assert cat.text_da.endswith("(ud fra teksten)")
    assert cat.params["inferred"] is True


def test_many_shared_slots_are_summarised():
    m = explain(
        record("Lektiehjælp", availability=["mon", "tue"]),
        record("Lektiehjælp", availability=["mon", "tue"]),
    )
    (r,) = [r for r in m.reasons if r.code == "availability"]
    assert r.text_da == "Mandag formiddag og 5 andre tidspunkter passer begge"
    assert len(r.params["slots"]) == 6


def test_commitment_and_flags():
    m = explain(
        record("Lektiehjælp", commitment="long_term_1to1"),
        record(
            "Lektiehjælp",
            commitment="long_term_1to1",
            underserved=True,
            also_gives=True,
        ),
    )
    texts = m.texts()
    assert "Begge ønsker: Længerevarende 1:1-forløb" in texts
    assert "Fra et område med få aktive på Fælles" in texts
    assert "Giver også selv på Fælles" in texts


def test_text_reason_names_at_most_three_terms_without_repeats():
    m = explain(
        record("", "KOL lungesygdom rygerlunger diabetes gigt strikke hækle"),
        record("", "KOL lungesygdom rygerlunger diabetes gigt strikke hækle"),
    )
    (r,) = [r for r in m.reasons if r.code == "text"]
    assert 1 <= len(r.params["terms"]) <= 3
    assert len({t.lower() for t in r.params["terms"]}) == len(r.params["terms"])
