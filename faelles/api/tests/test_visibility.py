"""Only what is public comes out: every list holds exactly the public rows of
its own municipality, and every hidden row is a 404 on its own address."""

import pytest

from faelles.api.resources import BY_NAME, RESOURCES

pytestmark = pytest.mark.django_db

PARENT_OF = {
    "BudgetProject": "BudgetRound",
    "Recommendation": "TaskCommittee",
}


def _list_url(slug, resource, world):
    if resource.parent:
        return None
    return f"/api/v1/kommuner/{slug}/{resource.path}/?limit=100"


def _child_ids(client, slug, resource, parent_ids):
    parent = BY_NAME[resource.parent]
    ids = set()
    for pk in parent_ids:
        response = client.get(
            f"/api/v1/kommuner/{slug}/{parent.path}/{pk}/{resource.path}/?limit=100"
        )
        assert response.status_code == 200, response.content
        ids |= {item["id"] for item in response.json()["items"]}
    return ids


@pytest.mark.parametrize("name", [r.name for r in RESOURCES if r.name != "Theme"])
def test_a_list_holds_exactly_the_public_rows(client, world, name):
    resource = BY_NAME[name]
    mine, theirs = world
    slug = mine.municipality.slug
    if resource.parent:
        parent_ids = mine.public[resource.parent]
        got = _child_ids(client, slug, resource, parent_ids)
    else:
        response = client.get(_list_url(slug, resource, world))
        assert response.status_code == 200, response.content
        got = {item["id"] for item in response.json()["items"]}
    assert got == set(mine.public[name])
    assert not got & set(mine.hidden[name])
    assert not got & set(theirs.public[name])


@pytest.mark.parametrize("name", [r.name for r in RESOURCES if r.detail])
def test_a_hidden_row_is_404_and_a_public_one_is_found(client, world, name):
    resource = BY_NAME[name]
    mine, _theirs = world
    slug = mine.municipality.slug
    for pk in mine.public[name]:
        response = client.get(f"/api/v1/kommuner/{slug}/{resource.path}/{pk}/")
        assert response.status_code == 200
        assert response.json()["id"] == pk
    for pk in mine.hidden[name]:
        response = client.get(f"/api/v1/kommuner/{slug}/{resource.path}/{pk}/")
        assert response.status_code == 404
        assert response.json() == {"detail": "Findes ikke."}


def test_a_hidden_parent_has_no_children(client, world):
    mine, _theirs = world
    slug = mine.municipality.slug
    for name in ("BudgetRound", "TaskCommittee"):
        child = next(r for r in RESOURCES if r.parent == name)
        for pk in mine.hidden[name]:
            url = f"/api/v1/kommuner/{slug}/{BY_NAME[name].path}/{pk}/{child.path}/"
            assert client.get(url).status_code == 404


def test_a_draft_answer_is_not_shown(client, world):
    mine, _theirs = world
    slug = mine.municipality.slug
    items = client.get(f"/api/v1/kommuner/{slug}/hoeringer/").json()["items"]
    answers = {h["id"]: h["answer"] for h in items}
    answered, draft = mine.public["Hearing"]
    assert answers[answered]["heard"] == "Vi hørte mange gode forslag."
    assert answers[draft] is None


def test_trials_are_shown_only_when_the_library_is_shared(client, world):
    from faelles.initiatives.models import InitiativeSettings

    mine, _theirs = world
    slug = mine.municipality.slug
    InitiativeSettings.objects.filter(municipality=mine.municipality).update(
        library_public=False
    )
    response = client.get(f"/api/v1/kommuner/{slug}/proevehandlinger/")
    assert response.json()["items"] == []
    pk = mine.public["Trial"][0]
    assert (
        client.get(f"/api/v1/kommuner/{slug}/proevehandlinger/{pk}/").status_code == 404
    )


def test_small_counts_of_people_are_not_shown(client, world):
    mine, _theirs = world
    slug = mine.municipality.slug
    round_ = client.get(
        f"/api/v1/kommuner/{slug}/borgerbudgetter/{mine.public['BudgetRound'][1]}/"
    ).json()
    assert round_["results"]["voters"] is None  # 3 voters
    assert round_["results"]["funded"]
    community = client.get(
        f"/api/v1/kommuner/{slug}/faellesskaber/{mine.public['Community'][0]}/"
    ).json()
    assert community["member_count"] is None  # one host
