"""Danish full-text search behind one interface: PostgreSQL's ``danish`` configuration
or SQLite FTS5 over Snowball stems — the suite runs on both, so both are tested."""

import pytest
from django.db import connection

from faelles.resources import search, selectors, services
from faelles.resources.factories import ListingFactory, NeedFactory
from faelles.resources.models import Listing, Side, Visibility

pytestmark = pytest.mark.django_db

ALL = Visibility.values


@pytest.fixture
def listings(municipality):
    return {
        "have": ListingFactory(
            municipality=municipality,
            title="Hjælp til haven",
            text="Jeg klipper hække og luger bede for ældre naboer.",
        ),
        "lektier": NeedFactory(
            municipality=municipality,
            title="Lektiehjælp søges",
            text="Min datter har brug for hjælp til matematik og engelsk.",
        ),
        "cykel": ListingFactory(
            municipality=municipality,
            title="Cykelreparation",
            text="Jeg reparerer cykler i min garage.",
        ),
    }


def _found(municipality, query, **filters):
    return set(
        selectors.listing_search(
            municipality=municipality, levels=ALL, query=query, **filters
        ).values_list("title", flat=True)
    )


def test_the_backend_is_the_one_we_think(listings):
    assert connection.vendor in ("postgresql", "sqlite")


def test_inflected_danish_words_find_each_other(municipality, listings):
    # "haverne" and "haven" share the stem "hav"; "hækkene" finds "hække".
    assert _found(municipality, "haverne") == {"Hjælp til haven"}
    assert _found(municipality, "hækkene") == {"Hjælp til haven"}
    assert _found(municipality, "cyklerne") == {"Cykelreparation"}


def test_every_word_must_be_there(municipality, listings):
    assert _found(municipality, "matematik engelsk") == {"Lektiehjælp søges"}
    assert _found(municipality, "matematik cykler") == set()


def test_search_combines_with_filters(municipality, listings):
    assert _found(municipality, "hjælp", side=Side.NEED) == {"Lektiehjælp søges"}
    assert _found(municipality, "hjælp", side=Side.OFFER) == {"Hjælp til haven"}


@pytest.mark.parametrize(
    "query",
    ['"', "AND OR NOT", "*", "(", "haven)", "NEAR(a b)", "-", "' OR 1=1 --", "æøå"],
)
def test_query_syntax_is_never_an_error(client, municipality, listings, query):
    _found(municipality, query)  # no exception from the search engine
    assert client.get("/odense/ressourcer/", {"q": query}).status_code == 200


def test_only_stopword_or_empty_queries_do_not_filter(municipality, listings):
    assert len(_found(municipality, "")) == 3
    assert len(_found(municipality, "   ")) == 3


def test_edits_and_new_listings_are_searchable_at_once(municipality, citizen):
    listing = services.listing_create(
        municipality=municipality,
        actor=citizen,
        side=Side.OFFER,
        kind="skill",
        title="Strikkeklub",
        text="Vi strikker sammen om onsdagen.",
        visibility=Visibility.PUBLIC,
    )
    assert _found(municipality, "strikker") == {"Strikkeklub"}
    services.listing_update(
        listing=listing, actor=citizen, title="Syklub", text="Vi syr sammen."
    )
    assert _found(municipality, "strikker") == set()
    assert _found(municipality, "syr") == {"Syklub"}


def test_search_stays_within_the_municipality(
    municipality, other_municipality, listings
):
    ListingFactory(
        municipality=other_municipality, title="Hjælp til haven i Rødovre", text="x"
    )
    assert _found(municipality, "haven") == {"Hjælp til haven"}


def test_bulk_index_since(municipality):
    first = ListingFactory(municipality=municipality, title="Gåture", text="Vi går.")
    Listing.objects.filter(pk=first.pk).update(title="Vandreture")
    search.index_since(municipality, first.pk)
    assert _found(municipality, "vandreture") == {"Vandreture"}


def test_htmx_search_returns_only_the_results(client, municipality, listings):
    response = client.get(
        "/odense/ressourcer/", {"q": "haven"}, headers={"HX-Request": "true"}
    )
    assert "<html" not in response.text
    assert 'id="results"' in response.text and "Hjælp til haven" in response.text
    assert "Cykelreparation" not in response.text


def _index_definition(name: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [name])
        row = cursor.fetchone()
    assert row, f"no index {name}"
    return row[0]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="covering and trigram indexes are PostgreSQL's; SQLite needs neither",
)
def test_the_map_and_list_filters_have_their_indexes():
    # The category filter is a LIKE '% slug %' (category_path__contains), which a
    # trigram GIN index answers for rare categories ...
    assert "USING gin (category_path gin_trgm_ops)" in _index_definition(
        "res_category_path_trgm"
    )
    # ... and one side newest first is read from the covering index alone.
    definition = _index_definition("res_list_side")
    assert "(municipality_id, side, id DESC)" in definition
    covered = definition.split("INCLUDE", 1)[1]
    for column in (
        "is_active",
        "expires_on",
        "visibility",
        "postcode",
        "category_path",
    ):
        assert column in covered
