"""A movement's amounts read right in both languages: singular and plural units and
the language's thousands separator ("1 tonne of CO₂", "10,000 kilometres")."""

from decimal import Decimal

import pytest
from django.utils import translation

from faelles.communities.factories import MovementFactory
from faelles.communities.templatetags.movements import quantity_text


@pytest.mark.engine
@pytest.mark.parametrize(
    ("value", "unit", "danish", "english"),
    [
        (Decimal("1"), "co2", "1 ton CO₂", "1 tonne of CO₂"),
        (Decimal("2.5"), "co2", "2,5 ton CO₂", "2.5 tonnes of CO₂"),
        (Decimal("300"), "people", "300 personer", "300 people"),
        (Decimal("1"), "people", "1 person", "1 person"),
        (Decimal("10000"), "km", "10.000 kilometer", "10,000 kilometres"),
        (Decimal("1"), "hours", "1 time", "1 hour"),
        (Decimal("0"), "actions", "0 handlinger", "0 actions"),
    ],
)
def test_quantity_in_both_languages(value, unit, danish, english):
    with translation.override("da"):
        assert quantity_text(value, unit) == danish
    with translation.override("en"):
        assert quantity_text(value, unit) == english


@pytest.mark.django_db
def test_movement_pages_in_english_use_plural_units_and_separators(
    client, municipality
):
    movement = MovementFactory(
        municipality=municipality,
        title="Cykeldysten",
        unit="km",
        target=Decimal("10000"),
    )
    client.post("/i18n/setlang/", {"language": "en", "next": "/odense/"})
    for path in ("/odense/bevaegelser/", movement.get_absolute_url(), "/odense/"):
        text = client.get(path).text
        assert "of 10,000 kilometres" in text, path
        assert "10000" not in text, path
