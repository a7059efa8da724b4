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
from faelles.municipalities.factories import theme as theme_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(municipality, citizen):
    initiatives = InitiativeFactory.create_batch(30, municipality=municipality)
    for i in initiatives:
        InitiativeTheme.objects.create(
            municipality=municipality,
            initiative=i,
            theme=theme_of(municipality, "nature"),
        )
    return initiatives


def test_list_queries_do_not_grow(
    client, municipality, citizen, many, django_assert_max_num_queries
):
    client.force_login(citizen)
    with django_assert_max_num_queries(8):
        response = client.get("/odense/initiativer/")
    assert response.status_code == 200
    assert response.content.decode().count('class="faelles-card"') == 20
    after = response.context["page"].next_cursor
    with django_assert_max_num_queries(8):
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
    with django_assert_max_num_queries(18):
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
    # 8, plus 4 while the outcome statistics are computed (then cached)
    # and 1 for the municipality's themes (filter and labels)
    # and 1 for the teams' shared reflection summaries (core/library_sources.py)
    # and 1 for the cross-department teams' shared evaluations (the same registry)
    with django_assert_max_num_queries(15):
        response = client.get("/odense/initiativer/laeringsbank/")
    assert response.status_code == 200
    assert response.content.decode().count('class="faelles-card"') == 20
    # statistics from the cache; themes; the shared reflection summaries and
    # the teams' shared evaluations
    with django_assert_max_num_queries(11):
        client.get("/odense/initiativer/laeringsbank/")


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


@pytest.mark.parametrize(
    "path,bound",
    [
        ("/odense/initiativer/historier/", 8),
        ("/odense/initiativer/historier/feed/", 6),
        ("/odense/initiativer/mine-opgaver/", 10),
        ("/odense/initiativer/uden-svar/", 8),
        # 13, and 1 for the cross-department teams' shared evaluations
        ("/odense/initiativer/laeringsbank/?q=bro&outcome=worked&theme=health", 14),
    ],
)
def test_other_pages_have_bounded_queries(
    client,
    municipality,
    employee,
    municipal_admin,
    path,
    bound,
    django_assert_max_num_queries,
):
    for _ in range(15):
        initiative = InitiativeFactory(municipality=municipality, facilitator=employee)
        initiative.team.add(municipal_admin)
        StoryFactory(initiative=initiative)
        EvaluatedTrialFactory(initiative__municipality=municipality)
    client.force_login(municipal_admin)
    with django_assert_max_num_queries(bound):
        response = client.get(path)
    assert response.status_code == 200


def test_detail_of_a_busy_initiative_stays_bounded(
    client, municipality, citizen, employee, django_assert_max_num_queries
):
    """Many comments, replies, needs, images and a trial: the count does not grow."""
    initiative = InitiativeFactory(
        municipality=municipality, state=State.EVALUATING, facilitator=employee
    )
    initiative.team.add(employee)
    TrialFactory(initiative=initiative, criteria=[("a", "1"), ("b", "2"), ("c", "3")])
    NeedFactory.create_batch(6, initiative=initiative)
    for root in CommentFactory.create_batch(40, initiative=initiative):
        CommentFactory.create_batch(3, initiative=initiative, parent=root)
    client.force_login(employee)
    with django_assert_max_num_queries(18):
        response = client.get(initiative.get_absolute_url())
    assert response.status_code == 200
    assert response.context["next_comment"] is not None  # paged after 20 threads
