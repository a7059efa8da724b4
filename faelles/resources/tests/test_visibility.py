import pytest

from faelles.accounts.factories import MembershipFactory
from faelles.resources.factories import ListingFactory, NeedFactory
from faelles.resources.models import Visibility

pytestmark = pytest.mark.django_db

KOL = {
    "title": "Jeg lever med KOL og vil gerne lære andre at leve med det",
    "text": "Jeg har levet med KOL i mange år og deler gerne mine erfaringer.",
    "categories": ["health.chronic.copd"],
    "kind": "lived_experience",
}


@pytest.fixture
def restricted(municipality):
    return ListingFactory(
        municipality=municipality, visibility=Visibility.EMPLOYEES, **KOL
    )


@pytest.fixture
def members_only(municipality):
    return ListingFactory(
        municipality=municipality,
        visibility=Visibility.MEMBERS,
        title="Strikkeklub for begyndere",
        text="Vi strikker sammen hver onsdag og lærer nye at strikke.",
    )


def test_employees_only_offer_is_invisible_to_citizens(
    client, municipality, citizen, employee, restricted
):
    url = f"/odense/ressourcer/{restricted.pk}/"
    assert client.get(url).status_code == 404
    client.force_login(citizen)
    assert client.get(url).status_code == 404
    assert restricted.title not in client.get("/odense/ressourcer/?q=KOL").text
    client.force_login(employee)
    assert client.get(url).status_code == 200
    assert restricted.title in client.get("/odense/ressourcer/?q=KOL").text


def test_owner_always_sees_own_restricted_offer(client, restricted):
    client.force_login(restricted.owner)
    assert client.get(f"/odense/ressourcer/{restricted.pk}/").status_code == 200


def test_members_only_is_hidden_from_anonymous_and_outsiders(
    client, municipality, members_only, outsider, citizen
):
    url = f"/odense/ressourcer/{members_only.pk}/"
    assert client.get(url).status_code == 404
    assert members_only.title not in client.get("/odense/ressourcer/").text
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(citizen)
    assert client.get(url).status_code == 200
    assert members_only.title in client.get("/odense/ressourcer/").text


def test_restricted_offer_never_shows_in_matches_for_citizens(
    client, municipality, citizen, employee, restricted
):
    need = NeedFactory(
        municipality=municipality,
        owner=citizen,
        visibility=Visibility.MEMBERS,
        title="Hjælp til at leve med KOL",
        text="Jeg har lige fået KOL og vil gerne lære at leve med det.",
        categories=["health.chronic.copd"],
        kind="lived_experience",
    )
    client.force_login(citizen)
    page = client.get(f"/odense/ressourcer/{need.pk}/").text
    assert restricted.title not in page
    assert restricted.title not in client.get("/odense/ressourcer/mine/").text
    fragment = client.get(f"/odense/ressourcer/{need.pk}/mine-match/")
    assert fragment.status_code == 200
    assert restricted.title not in fragment.text
    client.force_login(employee)
    assert restricted.title in client.get(f"/odense/ressourcer/{need.pk}/").text


def test_public_need_shows_only_public_matches_to_anonymous(
    client, municipality, members_only
):
    need = NeedFactory(
        municipality=municipality,
        title="Lær mig at strikke",
        text="Jeg vil gerne lære at strikke en sweater.",
    )
    public = ListingFactory(
        municipality=municipality,
        title="Strikning for alle",
        text="Jeg lærer gerne andre at strikke.",
    )
    page = client.get(f"/odense/ressourcer/{need.pk}/").text
    assert public.title in page
    assert members_only.title not in page


def test_other_member_cannot_see_members_listing_of_another_municipality(
    client, municipality, other_municipality, members_only
):
    other = MembershipFactory(municipality=other_municipality).user
    client.force_login(other)
    assert client.get(f"/faxe/ressourcer/{members_only.pk}/").status_code == 404
    assert client.get(f"/odense/ressourcer/{members_only.pk}/").status_code == 404
