"""Staff-only communities (a LederForum): seen, found and joined by the
municipality's staff only; a 404 for everyone else (docs/staff-only.md)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from faelles.communities import services
from faelles.communities.factories import CommunityFactory
from faelles.communities.models import Community
from faelles.communities.selectors import community_search
from faelles.municipalities.tenancy import tenant_reverse

pytestmark = pytest.mark.django_db

NAME = "LederForum Odense"


@pytest.fixture
def forum(municipality, employee):
    return CommunityFactory(
        municipality=municipality,
        name=NAME,
        staff_only=True,
        host=employee,
        created_by=employee,
    )


def test_listed_searched_and_shown_to_staff_with_the_badge(
    client, municipality, forum, employee, municipal_admin
):
    for person in (employee, municipal_admin):
        client.force_login(person)
        page = client.get(tenant_reverse("communities:list", municipality)).content
        assert NAME.encode() in page
        assert b"Kun for medarbejdere" in page
        detail = client.get(forum.get_absolute_url())
        assert detail.status_code == 200
        assert b"Kun for medarbejdere" in detail.content


def test_hidden_from_citizens_politicians_and_anonymous(
    client, municipality, forum, citizen, politician
):
    for person in (None, citizen, politician):
        client.logout()
        if person is not None:
            client.force_login(person)
        for url in (
            tenant_reverse("communities:list", municipality),
            tenant_reverse("communities:list", municipality) + "?q=LederForum",
            tenant_reverse("municipalities:home", municipality),
        ):
            assert NAME.encode() not in client.get(url).content, (person, url)
        assert client.get(forum.get_absolute_url()).status_code == 404
    found = community_search(
        municipality=municipality, user=AnonymousUser(), query="LederForum"
    )
    assert list(found.items) == []


def test_another_municipalitys_staff_get_404(client, forum, other_admin):
    client.force_login(other_admin)
    url = f"/{forum.municipality.slug}/faellesskaber/{forum.pk}/"
    assert client.get(url).status_code == 404


def test_only_staff_see_the_field_and_create_a_staff_only_community(
    client, municipality, citizen, employee
):
    url = tenant_reverse("communities:create", municipality)
    client.force_login(citizen)
    assert b'name="staff_only"' not in client.get(url).content
    client.force_login(employee)
    assert b'name="staff_only"' in client.get(url).content
    response = client.post(
        url,
        {
            "name": "Netværk for tovholdere",
            "description": "Vi deler erfaringer fra vores prøvehandlinger.",
            "theme": "health",
            "access": "open",
            "age_group": "all",
            "life_situation": "any",
            "staff_only": "on",
        },
    )
    assert response.status_code == 302
    assert Community.objects.get(name="Netværk for tovholdere").staff_only


def test_a_citizen_cannot_make_one_through_the_form_or_the_service(
    client, municipality, citizen
):
    client.force_login(citizen)
    client.post(
        tenant_reverse("communities:create", municipality),
        {
            "name": "Hemmelig klub",
            "description": "Kun for os.",
            "theme": "health",
            "access": "open",
            "age_group": "all",
            "life_situation": "any",
            "staff_only": "on",
        },
    )
    assert not Community.objects.filter(staff_only=True).exists()
    with pytest.raises(ValidationError):
        services.community_create(
            municipality=municipality,
            actor=citizen,
            name="Hemmelig klub",
            description="Kun for os.",
            theme="health",
            staff_only=True,
        )
    assert not Community.objects.filter(staff_only=True).exists()


def test_opening_to_citizens_is_one_way(municipality, forum, employee, citizen):
    services.community_update(community=forum, actor=employee, staff_only=False)
    forum.refresh_from_db()
    assert not forum.staff_only
    assert Community.objects.visible_to(citizen, municipality).filter(pk=forum.pk)
    with pytest.raises(ValidationError):
        services.community_update(community=forum, actor=employee, staff_only=True)
    forum.refresh_from_db()
    assert not forum.staff_only


def test_a_citizen_is_never_referred_to_a_staff_only_community(
    forum, employee, citizen
):
    with pytest.raises(ValidationError):
        services.referral_create(
            community=forum, actor=employee, citizen=citizen, consent=True
        )
    assert not forum.referrals.exists()
