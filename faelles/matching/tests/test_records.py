import datetime as dt

import pytest

from faelles.matching.records import Record, RecordError, slot_label

pytestmark = pytest.mark.engine


def test_minimal_record_and_defaults():
    r = Record.from_dict({"id": "a", "title": "Lektiehjælp", "text": ""})
    assert r.kind == () and r.postcode is None and r.created is None


def test_fields_are_normalised():
    r = Record.from_dict(
        {
            "id": 7,
            "title": "x",
            "text": "y",
            "kind": "skill",
            "mode": ["in_person", "in_person"],
            "postcode": 5300,
            "availability": ["tue", "wed-evening"],
            "requires": ["Boerneattest "],
            "created": "2026-11-01T10:00:00",
            "previous_collaborations": 0,
            "extra_field": 1,
        }
    )
    assert r.id == "7" and r.kind == ("skill",) and r.mode == ("in_person",)
    assert r.postcode == "5300"
    assert r.availability == (
        "tue-morning",
        "tue-afternoon",
        "tue-evening",
        "wed-evening",
    )
    assert r.requires == ("boerneattest",)
    assert r.created == dt.date(2026, 11, 1)
    assert r.is_newcomer
    assert r.extra == {"extra_field": 1}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "JSON object"),
        ({"title": "x"}, "'id' is required"),
        ({"id": "a", "title": "", "text": "  "}, "must contain words"),
        ({"id": "a", "title": 3}, "'title' must be a string"),
        ({"id": "a", "title": "x", "kind": "money"}, "unknown value 'money'"),
        ({"id": "a", "title": "x", "categories": ["nope"]}, "unknown category"),
        ({"id": "a", "title": "x", "postcode": "DK-5300"}, "postal number"),
        ({"id": "a", "title": "x", "radius_km": -1}, "radius_km"),
        ({"id": "a", "title": "x", "radius_km": "5"}, "must be a number"),
        ({"id": "a", "title": "x", "availability": ["tuesday"]}, "tue-afternoon"),
        ({"id": "a", "title": "x", "commitment": "forever"}, "commitment"),
        ({"id": "a", "title": "x", "min_age": 1.5}, "whole number"),
        ({"id": "a", "title": "x", "created": "last week"}, "date"),
        ({"id": "a", "title": "x", "newcomer": "yes"}, "true or false"),
    ],
)
def test_bad_input_gets_a_clear_message(data, message):
    with pytest.raises(RecordError, match=message):
        Record.from_dict(data)


def test_slot_labels():
    assert slot_label("tue-afternoon") == "Tirsdag eftermiddag"
    assert slot_label("sun-evening", "en") == "Sunday evening"
