"""Every list answers in a bounded number of SQL queries, however many items:
the municipality, the page, and at most one bulk query for what the page's
items share (their themes, their published answers)."""

import pytest

from faelles.api.resources import BY_NAME, RESOURCES
from faelles.initiatives.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def test_every_list_is_a_few_queries(client, world, django_assert_max_num_queries):
    mine, _theirs = world
    slug = mine.municipality.slug
    InitiativeFactory.create_batch(30, municipality=mine.municipality)
    for resource in RESOURCES:
        if resource.parent:
            pk = mine.public[resource.parent][0]
            url = (
                f"/api/v1/kommuner/{slug}/{BY_NAME[resource.parent].path}/{pk}/"
                f"{resource.path}/?limit=100"
            )
            most = 4  # + the parent's existence
        else:
            url = f"/api/v1/kommuner/{slug}/{resource.path}/?limit=100"
            most = 3
        with django_assert_max_num_queries(most):
            response = client.get(url)
        assert response.status_code == 200, url
