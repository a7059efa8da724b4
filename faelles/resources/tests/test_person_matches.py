"""“Match til dig” on a person's own page — and nothing about listings on others'."""

import pytest

from faelles.accounts.factories import MembershipFactory
from faelles.accounts.models import ProfileVisibility
from faelles.resources.factories import ListingFactory, NeedFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(municipality):
    person = MembershipFactory(
        municipality=municipality,
        user__profile_visibility=ProfileVisibility.MEMBERS,
    ).user
    NeedFactory(
        municipality=municipality,
        owner=person,
        title="Lektiehjælp til min datter",
        text="Min datter har brug for hjælp til matematik og brøker.",
        categories=["youth.homework"],
    )
    ListingFactory(
        municipality=municipality,
        title="Matematikhjælp for udskolingen",
        text="Jeg hjælper gerne med matematik og brøker.",
        categories=["youth.homework"],
    )
    return person


def test_own_page_shows_matches_with_a_reason(
    client, person, django_assert_max_num_queries
):
    client.force_login(person)
    url = f"/odense/personer/{person.pk}/"
    client.get(url)
    with django_assert_max_num_queries(16):
        page = client.get(url).text
    assert "Match til dig" in page
    assert "Matematikhjælp for udskolingen" in page
    assert "Begge nævner" in page


def test_others_do_not_learn_what_a_person_posted(client, municipality, person):
    client.force_login(MembershipFactory(municipality=municipality).user)
    page = client.get(f"/odense/personer/{person.pk}/").text
    assert "Match til dig" not in page
    assert "Lektiehjælp til min datter" not in page


def test_own_page_without_listings_invites_to_post(client, municipality):
    person = MembershipFactory(municipality=municipality).user
    client.force_login(person)
    page = client.get(f"/odense/personer/{person.pk}/").text
    assert "Tilbyd en ressource" in page


def test_data_export_covers_listings_and_collaborations(municipality, employee):
    from faelles.accounts.services import account_export
    from faelles.resources import services

    need = NeedFactory(municipality=municipality, title="Hjælp til indkøb")
    offer = ListingFactory(municipality=municipality, title="Jeg handler ind")
    proposal = services.proposal_suggest(
        need=need, offer=offer, actor=employee, is_staff=True
    )
    services.proposal_accept(proposal=proposal, actor=need.owner)
    services.proposal_accept(proposal=proposal, actor=offer.owner)
    data = account_export(user=need.owner)["resources"]
    assert [x["title"] for x in data["listings"]] == ["Hjælp til indkøb"]
    assert data["collaborations"][0]["role"] == "need"
    assert [x["side"] for x in data["proposals_answered_yes"]] == ["need"]
    staff = account_export(user=employee)["resources"]
    assert staff["proposals_made"][0]["offer"] == "Jeg handler ind"
    assert staff["collaborations"][0]["role"] == "facilitator"
