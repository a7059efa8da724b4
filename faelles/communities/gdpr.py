"""A person's data in communities and movements: export, and clean leaving on
account deletion (counters, hosts and movement totals stay right)."""

from django.db import transaction
from django.db.models import F, Sum

from .models import (
    Community,
    CommunityMember,
    Movement,
    MovementAction,
    MovementTeam,
    Pledge,
    Post,
    Referral,
    SharedFile,
)


def export_personal_data(user) -> dict:
    return {
        "community_memberships": list(
            CommunityMember.objects.filter(user=user).values(
                "community_id",
                "community__name",
                "community__municipality__slug",
                "status",
                "is_host",
                "message",
                "created_at",
                "joined_at",
            )
        ),
        "board_posts": list(
            Post.objects.filter(author=user).values(
                "community_id", "body", "created_at"
            )
        ),
        "shared_files": list(
            SharedFile.objects.filter(uploaded_by=user).values(
                "community_id", "title", "size", "created_at"
            )
        ),
        "referrals_received": list(
            Referral.objects.filter(citizen=user).values(
                "community__name", "note", "consent_at", "status", "answered_at"
            )
        ),
        "referrals_made": list(
            Referral.objects.filter(referred_by=user).values(
                "community__name", "citizen_id", "status", "created_at"
            )
        ),
        "pledges": list(
            Pledge.objects.filter(user=user).values(
                "movement_id",
                "movement__title",
                "amount",
                "text",
                "team__name",
                "on_leaderboard",
                "achieved",
                "created_at",
            )
        ),
        "movement_actions": list(
            MovementAction.objects.filter(user=user).values(
                "movement_id", "amount", "description", "done_on"
            )
        ),
    }


@transaction.atomic
def forget_person(user) -> None:
    """Before an account is deleted: leave communities and movements properly.

    A sole host hands over to the longest-standing member (or the community is
    closed when nobody is left); member counts and movement totals are reduced.
    """
    memberships = CommunityMember.objects.select_for_update().filter(user=user)
    for membership in memberships:
        community_id = membership.community_id
        if membership.is_host and not (
            CommunityMember.objects.filter(community_id=community_id, is_host=True)
            .exclude(pk=membership.pk)
            .exists()
        ):
            successor = (
                CommunityMember.objects.filter(
                    community_id=community_id, status=CommunityMember.Status.ACTIVE
                )
                .exclude(pk=membership.pk)
                .order_by("joined_at", "id")
                .first()
            )
            if successor is not None:
                successor.is_host = True
                successor.save(update_fields=["is_host"])
            else:
                Community.objects.filter(pk=community_id).update(is_active=False)
        if membership.status == CommunityMember.Status.ACTIVE:
            Community.objects.filter(pk=community_id).update(
                member_count=F("member_count") - 1
            )
    memberships.delete()

    for pledge in Pledge.objects.filter(user=user):
        Movement.objects.select_for_update().filter(pk=pledge.movement_id).first()
        achieved = (
            MovementAction.objects.filter(
                movement_id=pledge.movement_id, user=user
            ).aggregate(s=Sum("amount"))["s"]
            or 0
        )
        Movement.objects.filter(pk=pledge.movement_id).update(
            pledged_total=F("pledged_total") - pledge.amount,
            achieved_total=F("achieved_total") - achieved,
            participant_count=F("participant_count") - 1,
        )
        if pledge.team_id and pledge.achieved:
            MovementTeam.objects.filter(pk=pledge.team_id).update(
                total=F("total") - pledge.achieved
            )
    Pledge.objects.filter(user=user).delete()
    MovementAction.objects.filter(user=user).delete()
