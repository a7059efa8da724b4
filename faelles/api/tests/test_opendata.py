"""Open data downloads (faelles/api/opendata.py): each resource as a whole CSV and
JSON file per municipality, exactly the public rows the API lists, and a DCAT-AP
catalogue whose every download address answers."""

import csv
import io
import json
from urllib.parse import urlsplit

import pytest

from faelles.api import opendata
from faelles.api.resources import BY_NAME, RESOURCES

from .conftest import PERSON_MARKERS

pytestmark = pytest.mark.django_db

NAMES = [r.name for r in RESOURCES]


def _download(client, slug, resource, fmt):
    response = client.get(f"/api/v1/kommuner/{slug}/data/{resource.path}.{fmt}")
    assert response.status_code == 200, response
    body = b"".join(response.streaming_content).decode("utf-8")
    return response, body


def _csv_rows(body):
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body[1:])))


@pytest.mark.parametrize("name", NAMES)
def test_a_file_holds_exactly_the_public_rows_of_its_municipality(client, world, name):
    resource = BY_NAME[name]
    mine, theirs = world
    slug = mine.municipality.slug
    response, body = _download(client, slug, resource, "json")
    assert response["Content-Type"] == "application/json"
    rows = json.loads(body)
    key = "key" if name == "Theme" else "id"
    found = {row[key] for row in rows}
    if name != "Theme":
        assert found == set(mine.public.get(name, []))
        assert not found & set(mine.hidden.get(name, []))
        assert not found & set(theirs.public.get(name, []))
    for marker in PERSON_MARKERS:
        assert marker not in body
    response, text = _download(client, slug, resource, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="{slug}-{resource.path}.csv"' in response["Content-Disposition"]
    table = _csv_rows(text)
    assert list(table[0]) if table else True
    assert {row[key] for row in table} == {str(v) for v in found}
    assert len(table) == len(rows)
    for marker in PERSON_MARKERS:
        assert marker not in text


@pytest.mark.parametrize("name", [r.name for r in RESOURCES if not r.parent])
def test_the_json_file_is_what_the_api_lists(client, world, name):
    resource = BY_NAME[name]
    slug = world[0].municipality.slug
    _response, body = _download(client, slug, resource, "json")
    listed = client.get(f"/api/v1/kommuner/{slug}/{resource.path}/?limit=100").json()
    items = listed["items"] if isinstance(listed, dict) else listed
    key = "key" if name == "Theme" else "id"
    by_key = {item[key]: item for item in items}
    assert {row[key]: row for row in json.loads(body)} == by_key


def test_the_catalogue_describes_every_file_and_every_address_answers(client, world):
    slug = world[0].municipality.slug
    response = client.get(f"/api/v1/kommuner/{slug}/data/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    catalogue = response.json()
    assert catalogue["@type"] == "dcat:Catalog"
    for required in ("dct:title", "dct:description", "dct:publisher", "dcat:dataset"):
        assert catalogue[required]
    assert catalogue["dct:license"]["@id"] == opendata.licence_url()
    datasets = catalogue["dcat:dataset"]
    assert len(datasets) == len(RESOURCES)
    for dataset in datasets:
        assert dataset["@type"] == "dcat:Dataset"
        assert {t["@language"] for t in dataset["dct:description"]} == {"da", "en"}
        assert dataset["dct:license"]["@id"] == opendata.licence_url()
        downloads = [
            d["dcat:downloadURL"]["@id"]
            for d in dataset["dcat:distribution"]
            if "dcat:downloadURL" in d
        ]
        assert len(downloads) == 2
        for url in downloads:
            answer = client.get(urlsplit(url).path)
            assert answer.status_code == 200, url
            b"".join(answer.streaming_content)
        for distribution in dataset["dcat:distribution"]:
            assert distribution["dcat:accessURL"]["@id"]
            assert distribution["dct:license"]["@id"] == opendata.licence_url()


def test_the_platform_catalogue_lists_every_municipality(client, world):
    response = client.get("/api/v1/data/")
    assert response.status_code == 200
    publishers = {
        d["dct:publisher"]["foaf:name"] for d in response.json()["dcat:dataset"]
    }
    assert {w.municipality.name for w in world} <= publishers


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/kommuner/findes-ikke/data/",
        "/api/v1/kommuner/findes-ikke/data/initiativer.csv",
        "/api/v1/kommuner/{slug}/data/ukendt.csv",
        "/api/v1/kommuner/{slug}/data/initiativer.xlsx",
        "/api/v1/kommuner/{slug}/data/initiativer.csv.json",
    ],
)
def test_unknown_addresses_are_a_404(client, world, path):
    response = client.get(path.format(slug=world[0].municipality.slug))
    assert response.status_code == 404


def test_the_files_can_only_be_read(client, world):
    slug = world[0].municipality.slug
    response = client.post(f"/api/v1/kommuner/{slug}/data/initiativer.csv")
    assert response.status_code == 405


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (None, ""),
        (True, "true"),
        (["a", "b"], "a; b"),
        ({"x": 1}, '{"x":1}'),
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-5", "-5"),
        ("+45 12", "'+45 12"),
        ("Almindelig tekst", "Almindelig tekst"),
        (12.5, "12.5"),
    ],
)
def test_cells_that_a_spreadsheet_would_run_are_guarded(value, cell):
    assert opendata._cell(value) == cell
