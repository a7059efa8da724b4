"""What the initiatives app holds about one person: export, and deletion.

On account deletion supports, participations and follows go, and the initiatives'
counters with them (``services.engagement_forget``); initiatives proposed,
comments, stories and trial revisions stay without the person (``SET_NULL``).
"""

from faelles.accounts.models import User

from . import services
from .models import (
    Comment,
    Follow,
    Initiative,
    Participation,
    Story,
    Support,
    TrialRevision,
)


def export_personal_data(user) -> dict:
    return {
        "initiatives_proposed": list(
            Initiative.objects.filter(proposer=user).values(
                "id", "municipality__slug", "title", "state", "created_at"
            )
        ),
        "supports": list(
            Support.objects.filter(user=user).values(
                "initiative_id", "organisation_id", "created_at"
            )
        ),
        "participations": list(
            Participation.objects.filter(user=user).values(
                "initiative_id", "role", "organisation_id", "created_at"
            )
        ),
        "follows": list(
            Follow.objects.filter(user=user).values("initiative_id", "created_at")
        ),
        "stories": list(
            Story.objects.filter(author=user).values(
                "id", "title", "lead", "body", "published_at"
            )
        ),
        "comments": list(
            Comment.objects.filter(author=user).values(
                "initiative_id", "body", "is_hidden", "created_at"
            )
        ),
        "trial_adjustments": list(
            TrialRevision.objects.filter(changed_by=user).values(
                "trial__initiative_id", "reason", "changed_at"
            )
        ),
    }


def delete_personal_data(user: User) -> None:
    """Supports, participations and follows go, and the counters follow them."""
    services.engagement_forget(user=user)
