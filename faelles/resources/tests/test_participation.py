"""Acts of participation on the activity ladder, and their rungs."""

import pytest

from faelles.accounts.factories import MembershipFactory
from faelles.organisations.factories import (
    OrganisationFactory,
    OrganisationMemberFactory,
)
from faelles.participation.models import ParticipationAct, Rung
from faelles.resources import services
from faelles.resources.models import Collaboration, Side

pytestmark = pytest.mark.django_db


def _post(municipality, person, side, **extra):
    return services.listing_create(
        municipality=municipality,
        actor=person,
        side=side,
        kind="time",
        title="Hjælp til at handle ind",
        text="Jeg kan ikke bære tunge varer efter min operation.",
        **extra,
    )


def _acts(**filters):
    return list(
        ParticipationAct.objects.filter(**filters)
        .order_by("id")
        .values_list("user_id", "action", "rung")
    )


def test_posting_records_the_right_rung(municipality):
    person = MembershipFactory(municipality=municipality).user
    _post(municipality, person, Side.NEED)
    _post(municipality, person, Side.NEED, categories=["families.parents"])
    _post(municipality, person, Side.OFFER)
    organisation = OrganisationFactory(municipality=municipality)
    OrganisationMemberFactory(organisation=organisation, user=person)
    _post(municipality, person, Side.OFFER, organisation=organisation)
    assert [rung for _, _, rung in _acts(user=person)] == [
        Rung.OWN_LIFE,
        Rung.FAMILY,
        Rung.CLOSE_NETWORK,
        Rung.CIVIL_SOCIETY,
    ]
    assert {a for _, a, _ in _acts()} == {"resources.need_post", "resources.offer_post"}


def test_posting_on_behalf_counts_for_the_citizen(municipality, employee):
    citizen = MembershipFactory(municipality=municipality).user
    _post(
        municipality,
        employee,
        Side.NEED,
        owner=citizen,
        behalf_consent_by="Borgeren selv",
        behalf_consent_method="phone",
    )
    assert _acts() == [(citizen.pk, "resources.need_post", Rung.OWN_LIFE)]


def test_a_collaboration_counts_when_it_starts_and_when_it_is_finished(
    municipality, employee
):
    helped = MembershipFactory(municipality=municipality).user
    helper = MembershipFactory(municipality=municipality).user
    need = _post(municipality, helped, Side.NEED)
    offer = _post(municipality, helper, Side.OFFER)
    ParticipationAct.objects.all().delete()
    proposal = services.proposal_respond(need=need, offer=offer, actor=helper)
    services.proposal_accept(proposal=proposal, actor=helped)
    assert sorted(_acts()) == sorted(
        [
            (helped.pk, "resources.collaboration_start", Rung.OWN_LIFE),
            (helper.pk, "resources.collaboration_start", Rung.CLOSE_NETWORK),
        ]
    )
    collaboration = Collaboration.objects.get()
    services.collaboration_set_status(
        collaboration=collaboration, actor=helper, status="finished"
    )
    # Setting the same status again is not a second act.
    services.collaboration_set_status(
        collaboration=collaboration, actor=helper, status="finished"
    )
    finished = _acts(action="resources.collaboration_finish")
    assert sorted(finished) == sorted(
        [
            (helped.pk, "resources.collaboration_finish", Rung.OWN_LIFE),
            (helper.pk, "resources.collaboration_finish", Rung.CLOSE_NETWORK),
        ]
    )
    act = ParticipationAct.objects.filter(action="resources.collaboration_finish")[0]
    assert (act.source_type, act.source_id) == (
        "resources.collaboration",
        str(collaboration.pk),
    )


def test_suggesting_others_match_is_an_act_in_ones_network(municipality, employee):
    neighbour = MembershipFactory(municipality=municipality).user
    need = _post(
        municipality, MembershipFactory(municipality=municipality).user, "need"
    )
    offer = _post(
        municipality, MembershipFactory(municipality=municipality).user, "offer"
    )
    ParticipationAct.objects.all().delete()
    services.proposal_suggest(need=need, offer=offer, actor=neighbour)
    assert _acts() == [(neighbour.pk, "resources.match_suggest", Rung.CLOSE_NETWORK)]
    # An employee facilitating is doing their job, not taking part.
    ParticipationAct.objects.all().delete()
    other = _post(
        municipality, MembershipFactory(municipality=municipality).user, "offer"
    )
    ParticipationAct.objects.all().delete()
    services.proposal_suggest(need=need, offer=other, actor=employee, is_staff=True)
    assert _acts() == []
