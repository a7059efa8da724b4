import pytest
from django.urls import reverse

from faelles.accounts.factories import MembershipFactory
from faelles.municipalities.factories import MunicipalityFactory, PrincipleFactory
from faelles.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_front_page_lists_active_municipalities(client):
    MunicipalityFactory(name="Rødovre Kommune", slug="rodovre")
    MunicipalityFactory(name="Lukket Kommune", slug="lukket", is_active=False)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert "Rødovre Kommune" in response.text
    assert "Lukket Kommune" not in response.text


def test_home_shows_programme_principles_in_order(client, municipality):
    PrincipleFactory(municipality=municipality, position=2, title="Handlekraft")
    PrincipleFactory(municipality=municipality, position=1, title="Mod")
    response = client.get("/odense/")
    assert response.status_code == 200
    text = response.text
    assert municipality.programme_name in text
    assert text.index("Mod") < text.index("Handlekraft")


def test_home_in_english_uses_english_texts(client, municipality):
    municipality.programme_name_en = "Together for development"
    municipality.save()
    PrincipleFactory(municipality=municipality, title="Mod", title_en="Courage")
    client.post(reverse("set_language"), {"language": "en", "next": "/odense/"})
    response = client.get("/odense/")
    assert "Together for development" in response.text
    assert "Courage" in response.text
    assert 'lang="en"' in response.text


def test_unknown_and_inactive_municipality_is_404(client):
    MunicipalityFactory(slug="lukket", is_active=False)
    assert client.get("/findes-ikke/").status_code == 404
    assert client.get("/lukket/").status_code == 404


def test_member_count_hidden_below_five(client, municipality):
    for _ in range(4):
        MembershipFactory(municipality=municipality)
    assert "personer er med" not in client.get("/odense/").text
    MembershipFactory(municipality=municipality)
    assert "5 personer er med" in client.get("/odense/").text


def test_home_query_count_is_bounded(
    client, municipality, citizen, django_assert_max_num_queries
):
    for _ in range(10):
        OrganisationFactory(municipality=municipality)
        PrincipleFactory(municipality=municipality)
    client.force_login(citizen)
    # Session, user, membership, municipality, member count, principles,
    # organisations, then one or two queries per home section registered by the
    # feature apps (eight today: resources … hearings, opinion maps); never one
    # per object.
    with django_assert_max_num_queries(17):
        assert client.get("/odense/").status_code == 200


def test_theme_css_carries_the_municipality_colours(client, municipality):
    municipality.primary_colour = "#123456"
    municipality.save()
    response = client.get("/odense/tema.css")
    assert response["Content-Type"].startswith("text/css")
    assert "--faelles-primary:#123456" in response.text


def test_join_makes_a_citizen_membership_once(client, outsider, municipality):
    client.force_login(outsider)
    client.post("/odense/bliv-medlem/")
    client.post("/odense/bliv-medlem/")
    membership = outsider.memberships.get()
    assert membership.municipality == municipality
    assert membership.is_citizen and not membership.is_administrator


def test_join_requires_post_and_login(client, municipality):
    assert client.get("/odense/bliv-medlem/").status_code in {302, 405}
    response = client.post("/odense/bliv-medlem/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_theme_css_address_changes_with_the_colours(client, municipality):
    before = client.get("/odense/").text
    municipality.primary_colour = "#654321"
    municipality.save()
    after = client.get("/odense/").text
    link = f"/odense/tema.css?v={municipality.theme_version}"
    assert link in after and link not in before
    versioned = client.get(link)
    assert "max-age=31536000" in versioned["Cache-Control"]
    assert "--faelles-primary:#654321" in versioned.text
    # An old or missing version is never cached: it may already be out of date.
    assert "no-cache" in client.get("/odense/tema.css?v=old")["Cache-Control"]
    assert "no-cache" in client.get("/odense/tema.css")["Cache-Control"]
