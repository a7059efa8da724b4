"""A person's data in communities and movements: export, and leaving cleanly on
account deletion.

Board posts and referrals received go with the account (cascade); shared files,
referrals made, communities created and movements led stay without the person
(``SET_NULL``).
"""

from faelles.accounts.models import User

from . import movement_services, services
from .models import CommunityMember, MovementAction, Pledge, Post, Referral, SharedFile


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


def delete_personal_data(user: User) -> None:
    """Leave communities and movements cleanly: hosts, counts and totals stay right
    (the rules live in ``services.membership_forget`` and
    ``movement_services.pledge_forget``)."""
    services.membership_forget(user=user)
    movement_services.pledge_forget(user=user)
