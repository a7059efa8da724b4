"""No personal data in any open endpoint.

Two walks: one over the schema — no field anywhere is named like something
about a person — and one over the answers of every endpoint with a world
whose people have names and e-mails: none of it comes out.
"""

import re

import pytest
from django.test import override_settings

from .conftest import PERSON_MARKERS

pytestmark = pytest.mark.django_db

#: Parts of a field name that would mean a person or something about one.
PERSONAL = re.compile(
    r"(^|_)(e?mail|phone|telefon|mobile|birth|born|age|cpr|address|adresse|"
    r"postcode|user|users|username|person|people|name_of|display|first|last|"
    r"surname|proposer|organiser|organizer|author|leader|chair|facilitator|"
    r"owner|responsible|created_by|written_by|decided_by|evaluated_by|"
    r"reviewed_by|proposed_by|member|members|voter_ids|ip|token|gender|"
    r"health|consent)($|_)"
)
#: Counts that are statistics about groups, not about one person; each is null
#: below five (``resources.SMALL_GROUP``). Also the age group a community is for.
ALLOWED = {"member_count", "age_group", "voters"}


def _field_names(node, found, where="$"):
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            found.append((f"{where}.{name}", name))
            _field_names(sub, found, f"{where}.{name}")
        for key in ("items",):
            if key in node:
                _field_names(node[key], found, where + "[]")
    return found


def test_no_field_in_the_schema_is_about_a_person(client):
    document = client.get("/api/v1/openapi.json").json()
    names = []
    for component, schema in document["components"]["schemas"].items():
        _field_names(schema, names, component)
    assert len(names) > 100
    flagged = [
        where for where, name in names if name not in ALLOWED and PERSONAL.search(name)
    ]
    assert not flagged, flagged


def test_the_pattern_would_catch_a_person(client):
    for name in (
        "email",
        "proposer_name",
        "organiser",
        "created_by",
        "phone",
        "user_id",
    ):
        assert PERSONAL.search(name), name


@override_settings(FAELLES_API_ANONYMOUS_RATE=100_000)
def test_no_answer_names_or_reaches_a_person(client, world):
    document = client.get("/api/v1/openapi.json").json()
    for w in world:
        slug = w.municipality.slug
        for path in document["paths"]:
            url = path.replace("{slug}", slug)
            urls = [url]
            if "{id}" in url:
                urls = [url.replace("{id}", str(pk)) for pk in range(1, 40)]
            for address in urls:
                response = client.get(address)
                assert response.status_code in (200, 404), address
                body = response.content.decode()
                for marker in PERSON_MARKERS:
                    assert marker not in body, (address, marker)
