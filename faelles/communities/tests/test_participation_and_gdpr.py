"""Acts on the activity ladder, the data export, and leaving cleanly on deletion."""

from decimal import Decimal

import pytest

from faelles.accounts.services import account_delete, account_export
from faelles.communities import movement_services, services
from faelles.communities.factories import (
    CommunityFactory,
    MovementFactory,
    MovementTeamFactory,
)
from faelles.communities.models import Community, CommunityMember, Movement
from faelles.participation.models import ParticipationAct, Rung

pytestmark = pytest.mark.django_db


def _acts(user):
    return list(
        ParticipationAct.objects.filter(user=user)
        .order_by("id")
        .values_list("action", "rung")
    )


def test_joining_hosting_pledging_and_acting_are_recorded(
    municipality, citizen, politician
):
    community = services.community_create(
        municipality=municipality,
        actor=politician,
        name="Hofteholdet",
        description="Vi træner sammen efter en ny hofte.",
        theme="health",
    )
    services.community_join(community=community, user=citizen)
    movement = movement_services.movement_create(
        municipality=municipality,
        actor=politician,
        title="Klimafestival",
        description="Sammen om mindre CO₂.",
        goal="50 ton CO₂",
        led_by="politician",
        unit="co2",
        target=Decimal("50"),
    )
    movement_services.pledge_make(movement=movement, user=citizen, amount=Decimal(1))
    movement_services.pledge_make(movement=movement, user=citizen, amount=Decimal(2))
    movement_services.action_log(
        movement=movement, user=citizen, amount=Decimal(1), description="Cyklede"
    )
    assert _acts(citizen) == [
        ("communities.join", Rung.CLOSE_NETWORK),
        ("movements.pledge", Rung.CIVIL_SOCIETY),  # once, not per change
        ("movements.action", Rung.CIVIL_SOCIETY),
    ]
    assert _acts(politician) == [
        ("communities.host", Rung.CIVIL_SOCIETY),
        ("movements.start", Rung.CIVIL_SOCIETY),
    ]


def test_closed_community_counts_when_approved(municipality, citizen, politician):
    community = CommunityFactory(
        municipality=municipality, access=Community.Access.CLOSED, host=politician
    )
    services.community_join(community=community, user=citizen, message="Må jeg?")
    assert _acts(citizen) == []
    services.membership_decide(
        community=community, actor=politician, user_id=citizen.pk, approve=True
    )
    assert _acts(citizen) == [("communities.join", Rung.CLOSE_NETWORK)]


def test_export_holds_memberships_posts_and_pledges(municipality, citizen, politician):
    community = CommunityFactory(municipality=municipality, host=politician)
    services.community_join(community=community, user=citizen)
    services.post_create(community=community, author=citizen, body="Hej alle")
    movement = MovementFactory(municipality=municipality)
    movement_services.pledge_make(
        movement=movement, user=citizen, amount=Decimal(3), text="Cykle til arbejde"
    )
    data = account_export(user=citizen)["communities"]
    assert data["community_memberships"][0]["community__name"] == community.name
    assert data["board_posts"][0]["body"] == "Hej alle"
    assert data["pledges"][0]["text"] == "Cykle til arbejde"


def test_deleting_an_account_keeps_counts_and_hosts_right(
    municipality, citizen, politician, employee
):
    community = CommunityFactory(municipality=municipality, host=politician)
    services.community_join(community=community, user=citizen)
    services.community_join(community=community, user=employee)
    lonely = CommunityFactory(municipality=municipality, host=politician)
    movement = MovementFactory(municipality=municipality)
    team = MovementTeamFactory(movement=movement)
    movement_services.pledge_make(
        movement=movement, user=politician, amount=Decimal(5), team=team
    )
    movement_services.action_log(
        movement=movement, user=politician, amount=Decimal(2), description="Gik"
    )
    movement_services.pledge_make(movement=movement, user=citizen, amount=Decimal(1))

    account_delete(user=politician)

    community.refresh_from_db()
    assert community.member_count == 2
    # The longest-standing member takes over as host.
    assert (
        CommunityMember.objects.get(community=community, is_host=True).user == citizen
    )
    lonely.refresh_from_db()
    assert not lonely.is_active and lonely.member_count == 0
    movement = Movement.objects.get(pk=movement.pk)
    assert movement.pledged_total == Decimal(1)
    assert movement.achieved_total == 0
    assert movement.participant_count == 1
    team.refresh_from_db()
    assert team.total == 0
