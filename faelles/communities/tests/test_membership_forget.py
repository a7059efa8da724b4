"""Leaving communities and movements on account deletion: the rules live in
services, called from ``gdpr.delete_personal_data`` — never from a signal.

The hook is called here without deleting the account, so these tests fail when a
rule is moved into a receiver on the user's deletion or the hook skips it.
"""

from decimal import Decimal

import pytest

from faelles.communities import gdpr, movement_services, services
from faelles.communities.factories import (
    CommunityFactory,
    MovementFactory,
    MovementTeamFactory,
)
from faelles.communities.models import (
    Community,
    CommunityMember,
    Movement,
    MovementAction,
    Pledge,
)
from faelles.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def _host(community) -> list:
    return list(
        CommunityMember.objects.filter(community=community, is_host=True).values_list(
            "user", flat=True
        )
    )


def test_the_hook_hands_hosting_to_the_longest_standing_member(
    municipality, citizen, politician, employee
):
    community = CommunityFactory(municipality=municipality, host=politician)
    services.community_join(community=community, user=citizen)
    services.community_join(community=community, user=employee)

    gdpr.delete_personal_data(politician)

    assert _host(community) == [citizen.pk]
    community.refresh_from_db()
    assert community.is_active and community.member_count == 2
    assert not CommunityMember.objects.filter(user=politician).exists()
    entry = AuditEntry.objects.get(action="communities.host_set")
    assert entry.actor is None and entry.municipality == municipality
    assert entry.data == {"user": citizen.pk, "is_host": True}


def test_the_hook_closes_a_community_with_nobody_left_to_host(
    municipality, citizen, politician
):
    community = CommunityFactory(
        municipality=municipality, access=Community.Access.CLOSED, host=politician
    )
    # Someone who only asked to join cannot take over.
    services.community_join(community=community, user=citizen, message="Må jeg?")

    gdpr.delete_personal_data(politician)

    community.refresh_from_db()
    assert not community.is_active and community.member_count == 0
    assert _host(community) == []
    assert CommunityMember.objects.get(community=community).user == citizen
    assert AuditEntry.objects.filter(
        action="communities.close", actor=None, target_id=str(community.pk)
    ).exists()


def test_no_hand_over_while_another_host_remains(municipality, citizen, politician):
    community = CommunityFactory(municipality=municipality, host=politician)
    services.community_join(community=community, user=citizen)
    services.host_set(
        community=community, actor=politician, user_id=citizen.pk, is_host=True
    )
    AuditEntry.objects.all().delete()

    services.membership_forget(user=politician)

    assert _host(community) == [citizen.pk]
    community.refresh_from_db()
    assert community.is_active and community.member_count == 1
    assert not AuditEntry.objects.exists()


def test_a_pending_request_does_not_count_as_a_member(
    municipality, citizen, politician
):
    community = CommunityFactory(
        municipality=municipality, access=Community.Access.CLOSED, host=politician
    )
    services.community_join(community=community, user=citizen, message="Må jeg?")

    services.membership_forget(user=citizen)

    community.refresh_from_db()
    assert community.member_count == 1 and community.is_active
    assert _host(community) == [politician.pk]


def test_the_hook_takes_pledges_and_actions_off_the_totals(
    municipality, citizen, politician
):
    movement = MovementFactory(municipality=municipality)
    team = MovementTeamFactory(movement=movement)
    movement_services.pledge_make(
        movement=movement, user=politician, amount=Decimal(5), team=team
    )
    movement_services.action_log(
        movement=movement, user=politician, amount=Decimal(2), description="Gik"
    )
    movement_services.pledge_make(movement=movement, user=citizen, amount=Decimal(1))
    movement_services.action_log(
        movement=movement, user=citizen, amount=Decimal(1), description="Cyklede"
    )

    gdpr.delete_personal_data(politician)

    movement = Movement.objects.get(pk=movement.pk)
    assert (
        movement.pledged_total,
        movement.achieved_total,
        movement.participant_count,
    ) == (Decimal(1), Decimal(1), 1)
    team.refresh_from_db()
    assert team.total == 0
    assert not Pledge.objects.filter(user=politician).exists()
    assert not MovementAction.objects.filter(user=politician).exists()
    assert Pledge.objects.filter(user=citizen).exists()
