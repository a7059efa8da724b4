import datetime as dt

import pytest

from faelles.matching import MatchIndex, Weights
from faelles.matching.tests.factories import record

pytestmark = pytest.mark.engine

TODAY = dt.date(2026, 11, 24)


def top(need, *offers, **options):
    return MatchIndex.build(offers, **options).query(need, today=TODAY)


def test_score_is_the_sum_of_its_parts():
    need = record("KOL", "Jeg har KOL", postcode="5300", availability=["tue"])
    offer = record(
        "Gåtur",
        "KOL og gåture",
        postcode="5330",
        availability=["tue-morning"],
        created="2026-11-20",
        newcomer=True,
        underserved=True,
        also_gives=True,
        categories=["health.chronic.copd"],
    )
    (match,) = top(need, offer)
    assert match.score == pytest.approx(sum(match.parts.values()), abs=1e-5)
    assert set(match.parts) == {
        "text",
        "category",
        "distance",
        "availability",
        "freshness",
        "newcomer",
        "underserved",
        "reciprocity",
    }


def test_works_from_danish_free_text_alone():
    need = record("", "Min far har rygerlunger og savner nogen at gå tur med")
    offers = [
        record("", "Lektiehjælp i matematik", id="lektie"),
        record("", "Jeg har selv KOL og går ture hver dag", id="kol"),
        record("", "Strikkeklub for alle", id="strik"),
    ]
    result = top(need, *offers)
    assert result[0].id == "kol"
    assert "category" in result[0].parts  # inferred from the vocabulary


def test_rare_words_weigh_more_than_common_ones():
    offers = [record("", f"hjælp med ting nummer {i}", id=f"c{i}") for i in range(20)]
    offers.append(record("", "hjælp med KOL", id="rare"))
    offers.append(record("", "hjælp med haven", id="common"))
    result = top(record("", "hjælp med KOL"), *offers)
    assert result[0].id == "rare"


def test_nearer_is_better_all_else_equal():
    need = record("Lektiehjælp", postcode="5000", radius_km=50)
    near = record("Lektiehjælp", id="near", postcode="5200")
    far = record("Lektiehjælp", id="far", postcode="5300")
    result = top(need, far, near)
    assert [m.id for m in result] == ["near", "far"]
    # 17 km is within reach but not close: no distance credit, and no reason.
    assert result[0].parts["distance"] > result[1].parts.get("distance", 0.0)


def test_exact_category_beats_sibling_beats_nothing():
    need = record("Hjælp", "hjælp", categories=["health.chronic.copd"])
    exact = record("Hjælp", "hjælp", id="exact", categories=["health.chronic.copd"])
    parent = record("Hjælp", "hjælp", id="parent", categories=["health.chronic"])
    sibling = record("Hjælp", "hjælp", id="sibling", categories=["health.rehab"])
    result = top(need, sibling, parent, exact)
    # A sibling shares only the area (Sundhed): below the quality threshold.
    assert [m.id for m in result] == ["exact", "parent"]


@pytest.mark.parametrize("flag", ["newcomer", "underserved", "also_gives"])
def test_boosts(flag):
    need = record("Lektiehjælp")
    plain = record("Lektiehjælp", id="plain")
    boosted = record("Lektiehjælp", id="boosted", **{flag: True})
    assert top(need, plain, boosted)[0].id == "boosted"


def test_fresher_is_better_and_old_gets_nothing():
    need = record("Lektiehjælp")
    new = record("Lektiehjælp", id="new", created="2026-11-23")
    old = record("Lektiehjælp", id="old", created="2025-01-01")
    result = top(need, old, new)
    assert result[0].id == "new"
    assert "freshness" not in result[1].parts


def test_commitment_and_availability_fit_add_up():
    need = record("Lektiehjælp", commitment="recurring", availability=["mon", "tue"])
    fits = record(
        "Lektiehjælp", id="fits", commitment="recurring", availability=["mon", "tue"]
    )
    half = record(
        "Lektiehjælp", id="half", commitment="one_off", availability=["mon-evening"]
    )
    result = top(need, half, fits)
    assert result[0].id == "fits"
    assert result[0].parts["availability"] == pytest.approx(0.4)


def test_weights_are_respected():
    need = record("Lektiehjælp", postcode="5000")
    offer = record("Lektiehjælp", postcode="5000", newcomer=True)
    (m,) = top(need, offer, weights=Weights(newcomer=0.0, distance=0.0))
    assert "newcomer" not in m.parts and "distance" not in m.parts


def test_ties_are_broken_by_insertion_order_and_top_limits():
    need = record("Lektiehjælp")
    offers = [record("Lektiehjælp", id=f"o{i}") for i in range(30)]
    result = MatchIndex.build(offers).query(need, top=5)
    assert [m.id for m in result] == ["o0", "o1", "o2", "o3", "o4"]
