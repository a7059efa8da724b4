"""What django-ninja routes, and what it must not add: no interactive docs page
(it would load scripts from a CDN), HEAD beside every GET, the parameters read
only after the address is known, and a document with only the components used."""

import pytest
from django.test import override_settings

from faelles.api.openapi import api, openapi_document

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("address", ["/api/v1/docs", "/api/v1/docs/", "/api/docs"])
def test_no_interactive_docs_page_is_served(client, address):
    response = client.get(address)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert api.docs_url is None


def test_head_answers_like_get_without_a_body(client, municipality):
    url = f"/api/v1/kommuner/{municipality.slug}/initiativer/"
    got = client.get(url)
    head = client.head(url)
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == got["ETag"]
    assert head["Content-Type"] == "application/json"


def test_an_unknown_address_is_404_whatever_its_parameters(client, municipality):
    assert client.get("/api/v1/kommuner/ukendt/initiativer/?limit=0").status_code == 404
    url = f"/api/v1/kommuner/{municipality.slug}/borgerbudgetter/abc/projekter/"
    assert client.get(url, {"limit": "0"}).status_code == 404


@override_settings(FAELLES_API_ANONYMOUS_RATE=1)
def test_a_refused_caller_is_refused_before_the_parameters_are_read(
    client, municipality
):
    url = f"/api/v1/kommuner/{municipality.slug}/initiativer/"
    assert client.get(url).status_code == 200
    over = client.get(url, {"limit": "0"})
    assert over.status_code == 429
    assert over["Retry-After"]


def test_every_component_of_the_document_is_used():
    document = openapi_document()
    text = str(document["paths"]) + str(document["components"]["schemas"])
    for name in document["components"]["schemas"]:
        assert f"#/components/schemas/{name}'" in text, name
    # Every resource's Schema is there under the resource's name.
    assert {"Initiative", "InitiativePage", "TrialEvaluation", "Error"} <= set(
        document["components"]["schemas"]
    )
