"""Untrusted parameters: ids, numbers and search words that cannot break a query."""

import pytest
from django import forms

from faelles.core.params import (
    MAX_ID,
    IdModelMultipleChoiceField,
    parse_id,
    parse_int,
    search_words,
)
from faelles.municipalities.models import Principle


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("42", 42),
        (" 7 ", 7),
        (str(MAX_ID), MAX_ID),
        (str(MAX_ID + 1), None),
        ("99999999999999999999", None),
        ("0", None),
        ("-3", None),
        ("²", None),  # isdigit() says yes, int() says no
        ("١٢", None),  # Arabic-Indic digits
        ("1e3", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_id(text, expected):
    assert parse_id(text) == expected


def test_parse_int_keeps_to_its_range():
    assert parse_int("0") == 0
    assert parse_int("32768", maximum=32767) is None
    assert parse_int("5", minimum=6) is None


def test_search_words_drop_control_characters_and_keep_length():
    assert search_words("  kol\x00 og\tlunger ") == "kol oglunger"
    assert search_words("x" * 500) == "x" * 100
    assert search_words(None) == ""


@pytest.mark.django_db
def test_multiple_choice_refuses_impossible_ids_with_its_message(municipality):
    principle = Principle.objects.create(
        municipality=municipality, title="Mod", position=1
    )

    class Form(forms.Form):
        principles = IdModelMultipleChoiceField(queryset=Principle.objects.all())

    assert Form({"principles": [str(principle.pk)]}).is_valid()
    for bad in ("99999999999999999999", "²", "abc"):
        form = Form({"principles": [bad]})
        assert not form.is_valid()
        assert form.errors["principles"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "efter=99999999999999999999_1",
        "efter=1_99999999999999999999",
        "efter=²_1",
        "efter=1_²",
    ],
)
def test_list_cursors_that_cannot_be_read_start_from_the_top(
    client, municipality, query
):
    for path in ("arrangementer/", "initiativer/", "faellesskaber/", "ressourcer/"):
        response = client.get(f"/{municipality.slug}/{path}?{query}")
        assert response.status_code == 200, (path, query)
