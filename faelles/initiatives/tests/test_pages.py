"""Every page renders, with a bounded number of queries."""

import pytest

from faelles.initiatives.factories import (
    CommentFactory,
    EvaluatedTrialFactory,
    InitiativeFactory,
    NeedFactory,
    StoryFactory,
    TrialFactory,
)
from faelles.initiatives.models import InitiativeTheme, State

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(municipality, citizen):
    initiatives = InitiativeFactory.create_batch(30, municipality=municipality)
    for i in initiatives:
        InitiativeTheme.objects.create(
            municipality=municipality, initiative=i, theme="nature"
        )
    return initiatives


def test_list_queries_do_not_grow(
    client, municipality, citizen, many, django_assert_max_num_queries
):
    client.force_login(citizen)
    with django_assert_max_num_queries(12):
        response = client.get("/odense/initiativer/")
    assert response.status_code == 200
    assert response.content.decode().count('class="faelles-card"') == 20
    after = response.context["page"].next_cursor
    with django_assert_max_num_queries(12):
        response = client.get(f"/odense/initiativer/?after={after}&theme=nature")
    assert response.content.decode().count('class="faelles-card"') == 10


def test_detail_queries_are_bounded(
    client, municipality, citizen, employee, django_assert_max_num_queries
):
    initiative = InitiativeFactory(
        municipality=municipality, state=State.TRYING, facilitator=employee
    )
    TrialFactory(initiative=initiative)
    NeedFactory.create_batch(3, initiative=initiative)
    roots = CommentFactory.create_batch(10, initiative=initiative)
    for root in roots:
        CommentFactory.create_batch(2, initiative=initiative, parent=root)
    client.force_login(citizen)
    with django_assert_max_num_queries(30):
        response = client.get(initiative.get_absolute_url())
    assert response.status_code == 200
    assert "Vi tror, at en fast badebro" in response.content.decode()


def test_anonymous_reads_list_and_detail(client, municipality):
    initiative = InitiativeFactory(municipality=municipality)
    assert client.get("/odense/initiativer/").status_code == 200
    response = client.get(initiative.get_absolute_url())
    assert response.status_code == 200
    assert "Log ind for at støtte" in response.content.decode()


def test_library_queries_are_bounded(
    client, municipality, citizen, django_assert_max_num_queries
):
    EvaluatedTrialFactory.create_batch(25, initiative__municipality=municipality)
    client.force_login(citizen)
    with django_assert_max_num_queries(14):
        response = client.get("/odense/initiativer/laeringsbank/")
    assert response.status_code == 200
    assert response.content.decode().count('class="faelles-card"') == 20


@pytest.mark.parametrize(
    "url",
    [
        "/odense/initiativer/ny/",
        "/odense/initiativer/historier/",
        "/odense/initiativer/avis/",
        "/odense/initiativer/mine-opgaver/",
        "/odense/initiativer/uden-svar/",
        "/odense/initiativer/indstillinger/",
    ],
)
def test_admin_pages_render(client, municipal_admin, url):
    client.force_login(municipal_admin)
    assert client.get(url).status_code == 200


def test_story_pages_render(client, municipality, employee):
    story = StoryFactory(initiative__municipality=municipality)
    client.force_login(employee)
    assert client.get(story.get_absolute_url()).status_code == 200
    assert (
        client.get(f"/odense/initiativer/historier/{story.pk}/fotos/").status_code
        == 200
    )
    assert (
        client.get(f"/odense/initiativer/{story.initiative_id}/historie/").status_code
        == 200
    )
