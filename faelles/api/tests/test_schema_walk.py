"""A property-based run of the OpenAPI schema, in the manner of schemathesis.

schemathesis is not installed in the project's environment, so hypothesis
drives the same checks from the served schema itself: for every operation it
draws path and query parameters — valid ones from each parameter's schema,
known ids of both municipalities, and arbitrary text where a parameter
expects something else — calls the app, and requires:

* no server error (no 5xx);
* a status the operation declares;
* a JSON body that conforms to the schema declared for that status.
"""

import re
from urllib.parse import urlencode

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .schema_check import errors

pytestmark = pytest.mark.django_db

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)


def _value(schema, known_ids):
    """A value for one parameter: mostly what the schema asks for, sometimes not."""
    kind = schema.get("type")
    if "enum" in schema:
        valid = st.sampled_from(schema["enum"])
    elif kind == "integer":
        valid = st.integers(
            schema.get("minimum", -(2**63)), schema.get("maximum", 2**63)
        )
        if known_ids:
            valid = st.one_of(st.sampled_from(sorted(known_ids)), valid)
    elif schema.get("format") == "date-time":
        valid = st.one_of(
            st.dates().map(lambda d: d.isoformat()),
            st.datetimes(timezones=st.just(None)).map(
                lambda d: d.isoformat() + "+01:00"
            ),
        )
    elif "pattern" in schema:
        valid = st.from_regex(schema["pattern"], fullmatch=True)
    else:
        valid = TEXT
    anything = st.one_of(TEXT, st.integers().map(str))
    return st.one_of(valid.map(str), anything)


def _operations(document):
    for path, item in document["paths"].items():
        yield path, item["get"]


#: Examples drawn for each operation.
EXAMPLES = 25


def _check(client, document, operation, url):
    response = client.get(url)
    status = str(response.status_code)
    assert response.status_code < 500, url
    assert status in operation["responses"], (url, status, response.content[:300])
    assert response["Content-Type"] == "application/json", url
    schema = operation["responses"][status]["content"]["application/json"]["schema"]
    problems = errors(schema, response.json(), document)
    assert not problems, (url, problems[:5])
    return response


@override_settings(FAELLES_API_ANONYMOUS_RATE=100_000)
def test_every_operation_answers_within_its_schema(client, world):
    document = client.get("/api/v1/openapi.json").json()
    slugs = [w.municipality.slug for w in world]
    ids = set()
    for w in world:
        for group in (w.public, w.hidden):
            for values in group.values():
                ids.update(values)
    known = st.sampled_from(sorted(ids)).map(str)
    operations = list(_operations(document))
    assert len(operations) >= 20

    def make_call(path, operation):
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )
        @given(st.data())
        def call(data):
            url = path
            query = {}
            for parameter in operation["parameters"]:
                schema = parameter["schema"]
                if parameter["in"] == "path":
                    if parameter["name"] == "slug":
                        mine = st.sampled_from(slugs)
                        value = data.draw(
                            st.one_of(mine, mine, mine, _value(schema, ()))
                        )
                    else:
                        value = data.draw(st.one_of(known, known, _value(schema, ids)))
                    value = re.sub(r"[/?#%\s]", "", value) or "x"
                    url = url.replace("{" + parameter["name"] + "}", value)
                elif data.draw(st.integers(0, 3)) == 0:
                    query[parameter["name"]] = data.draw(_value(schema, ids))
            _check(
                client,
                document,
                operation,
                f"{url}?{urlencode(query)}" if query else url,
            )

        return call

    for path, operation in operations:
        make_call(path, operation)()


@override_settings(FAELLES_API_ANONYMOUS_RATE=100_000)
def test_every_public_object_answers_within_its_schema(client, world):
    """The examples above may miss a filled answer; this asks for each public
    object of every kind, so every field is checked with data in it."""
    document = client.get("/api/v1/openapi.json").json()
    mine = world[0]
    slug = mine.municipality.slug
    checked = 0
    for path, operation in _operations(document):
        name, kind = operation["operationId"].rsplit("_", 1)
        url = path.replace("{slug}", slug)
        if "{id}" not in url:
            response = _check(client, document, operation, url)
            assert response.status_code == 200
            checked += 1
            continue
        parent = next(
            (
                p
                for p, r in (
                    ("BudgetRound", "BudgetProject"),
                    ("TaskCommittee", "Recommendation"),
                )
                if r == name
            ),
            None,
        )
        filled = False
        for pk in mine.public[parent or name]:
            response = _check(client, document, operation, url.replace("{id}", str(pk)))
            assert response.status_code == 200
            filled = filled or kind == "detail" or bool(response.json()["items"])
            checked += 1
        assert filled, url
    assert checked > 30


def test_the_schema_is_openapi_3_1_and_every_reference_resolves(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"] == "3.1.0"
    assert document["info"]["license"]["identifier"] == "CC-BY-4.0"
    text = str(document)
    for name in re.findall(r"#/components/schemas/(\w+)", text):
        assert name in document["components"]["schemas"], name
    for path, item in document["paths"].items():
        assert path.startswith("/api/v1/") and path.endswith("/")
        assert set(item) == {"get"}, path  # read-only
        assert item["get"]["operationId"]
