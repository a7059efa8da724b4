"""Who may do what in communities and movements."""

import rules

from faelles.accounts.rules import (
    can_administer,
    can_moderate,
    is_member,
    is_staff_member,
)
from faelles.core.visibility import is_staff_only

from .models import Community, CommunityMember
from .selectors import community_membership


def _membership(user, community) -> CommunityMember | None:
    if community is None:
        return None
    return community_membership(community=community, user=user)


@rules.predicate
def is_host(user, community) -> bool:
    membership = _membership(user, community)
    return bool(membership and membership.is_host)


@rules.predicate
def is_community_member(user, community) -> bool:
    membership = _membership(user, community)
    return bool(membership and membership.status == CommunityMember.Status.ACTIVE)


@rules.predicate
def is_invited(user, community) -> bool:
    membership = _membership(user, community)
    return bool(membership and membership.status == CommunityMember.Status.INVITED)


@rules.predicate
def is_open_community(user, community) -> bool:
    return community is not None and community.access == Community.Access.OPEN


@rules.predicate
def is_invitation_only(user, community) -> bool:
    return community is not None and community.access == Community.Access.INVITATION


@rules.predicate
def is_movement_leader(user, movement) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and movement is not None
        and movement.leader_id == user.pk
    )


can_manage_community = is_host | can_administer
# Invitation-only communities are visible to their members and hosts only (and
# to the people invited, so they can accept) — and so is everything that belongs
# to them (``Community.objects.hidden_from``, ``faelles.core.visibility``).
# A staff-only community is seen by the municipality's staff only (employees and
# administrators; politicians are not staff) — docs/staff-only.md.
rules.add_perm(
    "communities.view_community",
    (~is_invitation_only | is_community_member | is_invited | can_manage_community)
    & (~is_staff_only | is_staff_member),
)
rules.add_perm("communities.create_community", is_member)
rules.add_perm("communities.make_staff_only", is_staff_member)
rules.add_perm("communities.change_community", can_manage_community)
rules.add_perm("communities.manage_members", can_manage_community)
rules.add_perm(
    "communities.join", is_member & ~is_invitation_only & ~is_community_member
)
rules.add_perm("communities.contact_hosts", is_member & ~is_invitation_only)
rules.add_perm(
    "communities.view_board", is_open_community | is_community_member | can_moderate
)
rules.add_perm("communities.post", is_community_member)
rules.add_perm("communities.delete_post", can_manage_community | can_moderate)
rules.add_perm(
    "communities.download_file", is_open_community | is_community_member | can_moderate
)
rules.add_perm("communities.upload_file", is_community_member)
rules.add_perm("communities.refer", is_staff_member)

rules.add_perm("communities.create_movement", is_member)
rules.add_perm("communities.change_movement", is_movement_leader | can_administer)
rules.add_perm("communities.pledge", is_member)
