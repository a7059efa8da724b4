import pytest
from django.core.exceptions import ValidationError

from faelles.accounts.factories import MembershipFactory
from faelles.notifications.models import Notification
from faelles.resources import matches, services
from faelles.resources.factories import ListingFactory, NeedFactory
from faelles.resources.models import Collaboration, DeclinedPair, Proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(municipality):
    need_owner = MembershipFactory(municipality=municipality).user
    offer_owner = MembershipFactory(municipality=municipality).user
    need = NeedFactory(
        municipality=municipality,
        owner=need_owner,
        title="Nogen til at handle ind",
        text="Jeg kan ikke bære tunge varer efter min operation.",
        categories=["elderly.practical"],
    )
    offer = ListingFactory(
        municipality=municipality,
        owner=offer_owner,
        title="Jeg handler gerne ind for naboer",
        text="Jeg har bil og handler gerne ind for en nabo om ugen.",
        categories=["elderly.practical"],
    )
    return need, offer


def test_respond_accept_and_collaboration(client, pair):
    need, offer = pair
    client.force_login(offer.owner)
    response = client.post(
        f"/odense/ressourcer/{need.pk}/jeg-kan-hjaelpe/",
        {"offer": str(offer.pk), "note": "Jeg bor tæt på."},
    )
    proposal = Proposal.objects.get()
    assert response["Location"] == proposal.get_absolute_url()
    assert proposal.status == Proposal.Status.PROPOSED
    assert proposal.offer_accepted_at and not proposal.need_accepted_at
    assert proposal.reasons
    assert Notification.objects.filter(
        recipient=need.owner, kind="resources.match_proposed"
    ).exists()
    # the helper cannot accept for the need
    assert client.get(proposal.get_absolute_url()).status_code == 200
    client.post(f"/odense/ressourcer/forslag/{proposal.pk}/ja/")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PROPOSED
    client.force_login(need.owner)
    response = client.post(f"/odense/ressourcer/forslag/{proposal.pk}/ja/")
    collaboration = Collaboration.objects.get()
    assert response["Location"] == collaboration.get_absolute_url()
    assert {collaboration.need_owner, collaboration.offer_owner} == {
        need.owner,
        offer.owner,
    }
    assert Notification.objects.filter(
        recipient=offer.owner, kind="resources.collaboration_started"
    ).exists()


def test_respond_needs_own_offer(client, municipality, pair):
    need, offer = pair
    stranger = MembershipFactory(municipality=municipality).user
    client.force_login(stranger)
    client.post(f"/odense/ressourcer/{need.pk}/jeg-kan-hjaelpe/", {"offer": offer.pk})
    assert not Proposal.objects.exists()


def test_decline_stops_the_pair_for_good(client, municipality, pair):
    need, offer = pair
    proposal = services.proposal_respond(need=need, offer=offer, actor=offer.owner)
    assert matches.matches_for(need, levels=["public"])[0].listing == offer
    stranger = MembershipFactory(municipality=municipality).user
    client.force_login(stranger)
    assert (
        client.post(f"/odense/ressourcer/forslag/{proposal.pk}/nej/").status_code == 404
    )
    client.force_login(need.owner)
    client.post(f"/odense/ressourcer/forslag/{proposal.pk}/nej/")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DECLINED
    assert DeclinedPair.objects.filter(need=need, offer=offer).exists()
    assert Notification.objects.filter(
        recipient=offer.owner, kind="resources.match_declined"
    ).exists()
    assert matches.matches_for(need, levels=["public"]) == []
    with pytest.raises(ValidationError):
        services.proposal_respond(need=need, offer=offer, actor=offer.owner)


def test_citizen_suggestion_goes_through_facilitation(
    client, municipality, citizen, employee, pair
):
    need, offer = pair
    client.force_login(citizen)
    client.post("/odense/ressourcer/foreslaa/", {"need": need.pk, "offer": offer.pk})
    proposal = Proposal.objects.get()
    assert proposal.status == Proposal.Status.SUGGESTED
    assert not Notification.objects.filter(kind="resources.match_proposed").exists()
    assert client.get("/odense/ressourcer/formidling/").status_code == 403
    assert (
        client.post(f"/odense/ressourcer/forslag/{proposal.pk}/bekraeft/").status_code
        == 403
    )
    client.force_login(employee)
    assert need.title in client.get("/odense/ressourcer/formidling/").text
    client.post(f"/odense/ressourcer/forslag/{proposal.pk}/bekraeft/")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PROPOSED
    assert proposal.facilitator == employee
    assert Notification.objects.filter(
        kind="resources.match_proposed", recipient=need.owner
    ).exists()


def test_facilitator_adjusts_and_dismisses(
    client, municipality, employee, citizen, pair
):
    need, offer = pair
    better = ListingFactory(
        municipality=municipality,
        title="Indkøbshjælp med bil",
        text="Jeg kører gerne og handler ind.",
    )
    proposal = services.proposal_suggest(need=need, offer=offer, actor=citizen)
    client.force_login(employee)
    client.post(
        f"/odense/ressourcer/forslag/{proposal.pk}/bekraeft/", {"offer": better.pk}
    )
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DISMISSED
    adjusted = Proposal.objects.get(status=Proposal.Status.PROPOSED)
    assert adjusted.offer == better and adjusted.facilitator == employee
    other = services.proposal_suggest(need=need, offer=offer, actor=citizen)
    client.post(f"/odense/ressourcer/forslag/{other.pk}/afvis/")
    other.refresh_from_db()
    assert other.status == Proposal.Status.DISMISSED


def test_employee_suggestion_asks_both_directly(municipality, employee, pair):
    need, offer = pair
    proposal = services.proposal_suggest(
        need=need, offer=offer, actor=employee, is_staff=True
    )
    assert proposal.status == Proposal.Status.PROPOSED
    assert Notification.objects.filter(kind="resources.match_proposed").count() == 2


def test_proposal_page_hidden_from_uninvolved_citizens(client, municipality, pair):
    need, offer = pair
    proposal = services.proposal_respond(need=need, offer=offer, actor=offer.owner)
    client.force_login(MembershipFactory(municipality=municipality).user)
    assert client.get(proposal.get_absolute_url()).status_code == 404
    client.logout()
    assert "/accounts/login/" in client.get(proposal.get_absolute_url())["Location"]


def test_bad_pairs_are_refused(municipality, pair):
    need, offer = pair
    with pytest.raises(ValidationError):
        services.proposal_suggest(need=offer, offer=need, actor=need.owner)
    same_owner = ListingFactory(municipality=municipality, owner=need.owner)
    with pytest.raises(ValidationError):
        services.proposal_suggest(need=need, offer=same_owner, actor=need.owner)
    services.proposal_suggest(need=need, offer=offer, actor=need.owner)
    with pytest.raises(ValidationError):
        services.proposal_suggest(need=need, offer=offer, actor=need.owner)


def test_organisation_member_who_answers_takes_part_in_the_forloeb(
    client, municipality, pair
):
    """For an organisation's listing the member who says yes is that side of the
    forløb — not the listing's creator only, and not every member of the
    organisation (the thread is private)."""
    from faelles.organisations.factories import (
        OrganisationFactory,
        OrganisationMemberFactory,
    )

    need, offer = pair
    association = OrganisationFactory(municipality=municipality)
    creator, volunteer, other_member = (
        OrganisationMemberFactory(
            organisation=association,
            user=MembershipFactory(municipality=municipality).user,
        ).user
        for _ in range(3)
    )
    offer.owner, offer.organisation = creator, association
    offer.save()
    proposal = services.proposal_suggest(need=need, offer=offer, actor=need.owner)
    client.force_login(volunteer)
    response = client.post(f"{proposal.get_absolute_url()}ja/")
    collaboration = Collaboration.objects.get()
    assert response["Location"] == collaboration.get_absolute_url()
    assert (collaboration.need_owner, collaboration.offer_owner) == (
        need.owner,
        volunteer,
    )
    assert client.get(collaboration.get_absolute_url()).status_code == 200
    assert Notification.objects.filter(
        recipient=need.owner, kind="resources.collaboration_started"
    ).exists()
    client.force_login(other_member)
    assert client.get(collaboration.get_absolute_url()).status_code == 404


def test_staff_who_are_neither_side_are_not_told_they_said_yes(
    client, municipality, employee, pair
):
    need, offer = pair
    proposal = services.proposal_suggest(
        need=need, offer=offer, actor=employee, is_staff=True
    )
    client.force_login(employee)
    text = client.get(proposal.get_absolute_url()).text
    assert "Du har sagt ja" not in text
    assert "Begge sider er spurgt." in text
    assert "Den, der har behovet, har ikke svaret endnu." in text
    services.proposal_accept(proposal=proposal, actor=offer.owner)
    text = client.get(proposal.get_absolute_url()).text
    assert "Den, der tilbyder ressourcen, har sagt ja." in text
    # The side that said yes is told so.
    client.force_login(offer.owner)
    assert "Du har sagt ja" in client.get(proposal.get_absolute_url()).text
