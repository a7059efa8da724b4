import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from faelles.accounts.factories import MembershipFactory
from faelles.communities.factories import CommunityFactory
from faelles.communities.models import Community, CommunityMember, Post, SharedFile
from faelles.events.factories import EventFactory
from faelles.municipalities.tenancy import tenant_reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def host(municipality):
    return MembershipFactory(municipality=municipality).user


def test_find_filters_by_interest_situation_age_and_area(client, municipality, host):
    CommunityFactory(
        municipality=municipality,
        name="Nye hofter",
        theme="health",
        life_situation="illness",
        age_group="seniors",
        area="Bolbro",
        postcode="5200",
        host=host,
    )
    CommunityFactory(
        municipality=municipality,
        name="Mødregruppe",
        theme="family",
        area="Vollsmose",
        life_situation="new_parent",
        age_group="adults",
    )
    CommunityFactory(
        municipality=municipality, name="Hemmelig", access=Community.Access.INVITATION
    )
    url = tenant_reverse("communities:list", municipality)
    page = client.get(url, {"q": "hofte"}).content.decode()
    assert "Nye hofter" in page and "Mødregruppe" not in page
    page = client.get(url, {"life_situation": "illness", "age_group": "seniors"})
    assert "Nye hofter" in page.content.decode()
    assert "Mødregruppe" not in page.content.decode()
    assert "Nye hofter" in client.get(url, {"area": "5200"}).content.decode()
    assert "Nye hofter" in client.get(url, {"area": "bolbro"}).content.decode()
    everything = client.get(url).content.decode()
    assert "Hemmelig" not in everything


def test_find_query_count_is_bounded(
    client, municipality, host, django_assert_max_num_queries
):
    for i in range(30):
        CommunityFactory(municipality=municipality, name=f"Gruppe {i}")
    client.force_login(host)
    url = tenant_reverse("communities:list", municipality)
    with django_assert_max_num_queries(8):
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["page"].next_cursor is not None
    second = client.get(url, {"efter": response.context["page"].next_cursor})
    assert len(second.context["page"].items) == 10


def test_detail_query_count(
    client, municipality, host, citizen, django_assert_max_num_queries
):
    community = CommunityFactory(municipality=municipality, host=host)
    for i in range(10):
        Post.objects.create(community=community, author=host, body=f"Opslag {i}")
    client.force_login(host)
    with django_assert_max_num_queries(16):
        assert client.get(community.get_absolute_url()).status_code == 200


def test_join_through_the_page(client, municipality, host, citizen):
    community = CommunityFactory(municipality=municipality, host=host)
    client.force_login(citizen)
    response = client.post(
        tenant_reverse("communities:join", municipality, pk=community.pk)
    )
    assert response.status_code == 302
    assert CommunityMember.objects.filter(
        community=community, user=citizen, status="active"
    ).exists()


def test_outsider_and_anonymous_cannot_join(client, municipality, host, outsider):
    community = CommunityFactory(municipality=municipality, host=host)
    url = tenant_reverse("communities:join", municipality, pk=community.pk)
    response = client.post(url)  # not logged in: log in, then back to the group
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert response["Location"].endswith("next=" + community.get_absolute_url())
    client.force_login(outsider)
    assert client.post(url).status_code == 403
    assert community.members.count() == 1


def test_invitation_only_is_hidden_from_non_members(
    client, municipality, host, citizen
):
    community = CommunityFactory(
        municipality=municipality, access=Community.Access.INVITATION, host=host
    )
    client.force_login(citizen)
    assert client.get(community.get_absolute_url()).status_code == 404
    client.force_login(host)
    assert client.get(community.get_absolute_url()).status_code == 200


def test_invited_person_sees_the_invitation_only_community(
    client, municipality, host, citizen
):
    """The invitation's notification links to the page where it is accepted."""
    community = CommunityFactory(
        municipality=municipality, access=Community.Access.INVITATION, host=host
    )
    CommunityMember.objects.create(community=community, user=citizen, status="invited")
    client.force_login(citizen)
    assert client.get(community.get_absolute_url()).status_code == 200
    client.post(tenant_reverse("communities:join", municipality, pk=community.pk))
    assert CommunityMember.objects.get(user=citizen).status == "active"


def test_administrator_sees_an_invitation_only_communitys_events(
    client, municipality, host, municipal_admin
):
    community = CommunityFactory(
        municipality=municipality, access=Community.Access.INVITATION, host=host
    )
    EventFactory(municipality=municipality, community=community, title="Mindestund")
    client.force_login(municipal_admin)
    page = client.get(tenant_reverse("events:list", municipality))
    assert "Mindestund" in page.content.decode()


def test_non_host_cannot_approve(client, municipality, host, citizen):
    community = CommunityFactory(
        municipality=municipality, access=Community.Access.CLOSED, host=host
    )
    other = MembershipFactory(municipality=municipality).user
    CommunityMember.objects.create(community=community, user=other, status="requested")
    client.force_login(citizen)
    url = tenant_reverse("communities:decide", municipality, pk=community.pk)
    assert (
        client.post(url, {"user": other.pk, "decision": "approve"}).status_code == 403
    )
    assert CommunityMember.objects.get(user=other).status == "requested"


def _upload(client, municipality, community, name, content):
    return client.post(
        tenant_reverse("communities:file_upload", municipality, pk=community.pk),
        {"title": "Program", "file": SimpleUploadedFile(name, content)},
    )


def test_file_upload_allow_list_and_size(client, municipality, host, monkeypatch):
    community = CommunityFactory(municipality=municipality, host=host)
    client.force_login(host)
    _upload(client, municipality, community, "virus.exe", b"MZ\x90\x00")
    _upload(client, municipality, community, "fake.pdf", b"<html>not a pdf")
    monkeypatch.setattr("faelles.communities.services.MAX_FILE_BYTES", 10)
    _upload(client, municipality, community, "big.pdf", b"%PDF-1.4 " + b"x" * 50)
    assert SharedFile.objects.count() == 0
    monkeypatch.setattr("faelles.communities.services.MAX_FILE_BYTES", 10_000)
    _upload(client, municipality, community, "program.pdf", b"%PDF-1.4 hej")
    assert SharedFile.objects.get().content_type == "application/pdf"


def test_closed_group_files_only_for_members(client, municipality, host, citizen):
    community = CommunityFactory(
        municipality=municipality, access=Community.Access.CLOSED, host=host
    )
    client.force_login(host)
    _upload(client, municipality, community, "liste.txt", b"Telefonliste\n")
    shared = SharedFile.objects.get()
    url = tenant_reverse(
        "communities:file_download", municipality, pk=community.pk, file_pk=shared.pk
    )
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Telefonliste\n"
    client.force_login(citizen)
    assert client.get(url).status_code == 403
    client.logout()
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_board_post_by_member_only(client, municipality, host, citizen):
    community = CommunityFactory(municipality=municipality, host=host)
    url = tenant_reverse("communities:post_create", municipality, pk=community.pk)
    client.force_login(citizen)
    assert client.post(url, {"body": "Hej"}).status_code == 403
    client.force_login(host)
    client.post(url, {"body": ""})
    assert Post.objects.count() == 0
    client.post(url, {"body": "Vi ses på tirsdag"})
    assert Post.objects.get().body == "Vi ses på tirsdag"


def test_referral_page_for_employees_only(
    client, municipality, host, citizen, employee
):
    community = CommunityFactory(municipality=municipality, host=host)
    url = tenant_reverse("communities:refer", municipality, pk=community.pk)
    client.force_login(citizen)
    assert client.get(url).status_code == 403
    client.force_login(employee)
    response = client.post(url, {"email": citizen.email, "note": "Hej", "consent": ""})
    assert response.status_code == 200
    assert not community.referrals.exists()
    response = client.post(
        url, {"email": citizen.email, "note": "Hej", "consent": "on"}
    )
    assert response.status_code == 302
    assert community.referrals.get().citizen == citizen
    page = client.get(tenant_reverse("communities:referrals", municipality))
    assert str(citizen) in page.content.decode()


def test_hosts_are_offered_to_write_a_good_story(client, municipality, host, citizen):
    community = CommunityFactory(municipality=municipality, host=host)
    story_url = tenant_reverse(
        "initiatives:story_create_community", municipality, community_pk=community.pk
    )
    client.force_login(host)
    assert story_url in client.get(community.get_absolute_url()).text
    assert client.get(story_url).status_code == 200
    client.force_login(citizen)
    assert story_url not in client.get(community.get_absolute_url()).text
