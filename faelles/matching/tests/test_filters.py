"""Each hard filter on its own: the candidate that breaks it is never returned."""

import pytest

from faelles.matching import MatchIndex
from faelles.matching.tests.factories import record

pytestmark = pytest.mark.engine

TEXT = "Lektiehjælp i matematik"


def ids(need, *offers):
    return [m.id for m in MatchIndex.build(offers).query(need)]


def test_kinds_must_be_compatible_when_both_give_them():
    need = record(TEXT, kind="skill")
    ok = record(TEXT, id="ok", kind=["skill", "time"])
    person = record(TEXT, id="person", kind="lived_experience")
    open_ = record(TEXT, id="open")
    bad = record(TEXT, id="bad", kind="place")
    assert sorted(ids(need, ok, person, open_, bad)) == ["ok", "open", "person"]
    room = record(TEXT, kind="place")
    tools = record(TEXT, id="tools", kind="equipment")
    hands = record(TEXT, id="hands", kind="time")
    assert ids(room, tools, hands) == ["tools"]


def test_categories_must_share_a_root_when_both_give_them():
    need = record(TEXT, categories=["youth.homework"])
    ok = record(TEXT, id="ok", categories=["youth.mentor"])
    bad = record(TEXT, id="bad", categories=["health.rehab"])
    none = record(TEXT, id="none")
    assert sorted(ids(need, ok, bad, none)) == ["none", "ok"]


def test_modes_must_overlap():
    need = record(TEXT, mode="online")
    ok = record(TEXT, id="ok", mode=["online", "phone"])
    bad = record(TEXT, id="bad", mode="in_person")
    assert ids(need, ok, bad) == ["ok"]


def test_distance_uses_the_larger_radius_and_only_in_person():
    need = record(TEXT, postcode="5000", radius_km=2, mode="in_person")
    near = record(TEXT, id="near", postcode="5200")  # ~4 km, default reach 10 km
    short = record(TEXT, id="short", postcode="5200", radius_km=2)
    travels = record(TEXT, id="travels", postcode="5300", radius_km=30)  # ~18 km
    far = record(TEXT, id="far", postcode="2610", radius_km=5)
    unknown = record(TEXT, id="unknown", postcode="0001")
    got = ids(need, near, short, travels, far, unknown)
    assert sorted(got) == ["near", "travels", "unknown"]


def test_online_meetings_ignore_distance():
    need = record(TEXT, postcode="5000", radius_km=1, mode=["in_person", "online"])
    far = record(TEXT, id="far", postcode="2610", radius_km=1, mode="online")
    far_both = record(TEXT, id="far_both", postcode="8660", radius_km=1)
    assert sorted(ids(need, far, far_both)) == ["far", "far_both"]


def test_availability_must_overlap_when_both_give_it():
    need = record(TEXT, availability=["tue-afternoon"])
    ok = record(TEXT, id="ok", availability=["tue"])
    bad = record(TEXT, id="bad", availability=["mon-morning"])
    none = record(TEXT, id="none")
    assert sorted(ids(need, ok, bad, none)) == ["none", "ok"]


def test_requirements_both_ways():
    need = record(TEXT, requires=["boerneattest"], has=["bil"])
    ok = record(TEXT, id="ok", has=["boerneattest"])
    missing = record(TEXT, id="missing")
    wants_car = record(TEXT, id="wants_car", has=["boerneattest"], requires=["bil"])
    wants_more = record(
        TEXT, id="wants_more", has=["boerneattest"], requires=["lokale"]
    )
    assert sorted(ids(need, ok, missing, wants_car, wants_more)) == ["ok", "wants_car"]


def test_languages_must_overlap_when_both_give_them():
    need = record(TEXT, languages=["ar", "da"])
    ok = record(TEXT, id="ok", languages=["ar"])
    bad = record(TEXT, id="bad", languages=["uk"])
    none = record(TEXT, id="none")
    assert sorted(ids(need, ok, bad, none)) == ["none", "ok"]


@pytest.mark.parametrize(
    ("need_fields", "offer_fields", "kept"),
    [
        ({"min_age": 18}, {"age": 17}, False),
        ({"min_age": 18}, {"age": 18}, True),
        ({"min_age": 18}, {}, True),
        ({"age": 15}, {"min_age": 18}, False),
        ({}, {"capacity": 0, "commitment": "group"}, False),
        ({}, {"capacity": 3, "commitment": "group"}, True),
    ],
)
def test_age_and_capacity(need_fields, offer_fields, kept):
    need = record(TEXT, **need_fields)
    offer = record(TEXT, id="o", **offer_fields)
    assert (ids(need, offer) == ["o"]) is kept


def test_nothing_relevant_means_no_result_even_if_everything_else_fits():
    need = record("Strikkeklub", "Vi strikker", postcode="5000")
    offer = record("Fodbold", "Træner til drengeholdet", postcode="5000")
    assert ids(need, offer) == []


def test_the_query_itself_is_not_a_candidate():
    need = record(TEXT, id="same")
    assert ids(need, record(TEXT, id="same")) == []


def test_date_ranges_must_overlap_from_today_on():
    import datetime as dt

    today = dt.date(2026, 5, 1)
    need = record(TEXT, available_from="2026-06-01", available_until="2026-06-30")
    inside = record(TEXT, id="inside", available_from="2026-06-10")
    open_ = record(TEXT, id="open")
    later = record(TEXT, id="later", available_from="2026-07-01")
    over = record(TEXT, id="over", available_until="2026-04-30")
    index = MatchIndex.build([inside, open_, later, over])
    found = sorted(m.id for m in index.query(need, today=today))
    assert found == ["inside", "open"]
    # A need whose dates are over matches nothing.
    assert index.query(need, today=dt.date(2026, 7, 1)) == []
    # An open need still never meets an offer whose dates are over.
    assert "over" not in [m.id for m in index.query(record(TEXT), today=today)]
