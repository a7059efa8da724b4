"""Every list answers in a bounded number of SQL queries, however many items:
the municipality, the page, and at most one bulk query for what the page's
items share (their themes, their published answers)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from faelles.api.resources import BY_NAME, RESOURCES
from faelles.committees.factories import (
    FollowUpActionFactory,
    RecommendationFactory,
    TaskCommitteeFactory,
)
from faelles.committees.phases import Phase
from faelles.initiatives.factories import InitiativeFactory
from faelles.organisations.factories import DepartmentFactory

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


def test_recommendations_with_their_follow_up_are_four_queries(
    client, world, django_assert_num_queries
):
    """A committee's recommendations carry every follow-up action: the page, then
    all the page's actions in one query, however many there are."""
    mine, _theirs = world
    m = mine.municipality
    committee = TaskCommitteeFactory(
        municipality=m,
        phase=Phase.FOLLOW_UP,
        handed_over_at=timezone.now() - timedelta(days=30),
    )
    departments = [DepartmentFactory(municipality=m) for _ in range(3)]
    today = timezone.localdate()
    recommendations = RecommendationFactory.create_batch(
        30, municipality=m, committee=committee
    )
    for r in recommendations:
        for i, department in enumerate(departments):
            FollowUpActionFactory(
                municipality=m,
                recommendation=r,
                owner=department,
                due_date=today + timedelta(days=30 - 10 * i),
            )
    url = (
        f"/api/v1/kommuner/{m.slug}/opgaveudvalg/{committee.pk}/anbefalinger/?limit=100"
    )
    # the municipality, the committee's existence, the page, the page's actions
    with django_assert_num_queries(4):
        response = client.get(url)
    assert response.status_code == 200
    items = response.json()["items"]
    assert [r["id"] for r in items] == sorted(
        (r.pk for r in recommendations), reverse=True
    )
    for item in items:
        follow_up = item["follow_up"]
        assert [a["department"] for a in follow_up] == [
            d.name for d in reversed(departments)
        ]
        assert [a["due_date"] for a in follow_up] == sorted(
            a["due_date"] for a in follow_up
        )
