"""What the hearings app holds about one person (picked up by the account export).

On deletion, comments keep their text without the person (``SET_NULL``), as
shared contributions do; the role detail (party, job title) that would point
back at them is cleared. Reactions, reports, appeals and the person's
participant row (area and age band) go with the account (``CASCADE``).
"""

from .models import Appeal, Comment, Participant, Reaction, Report


def export_personal_data(user) -> dict:
    return {
        "comments": list(
            Comment.objects.filter(author=user).values(
                "id",
                "hearing_id",
                "hearing__title",
                "paragraph_id",
                "parent_id",
                "body",
                "author_role",
                "author_role_detail",
                "is_hidden",
                "hidden_reason",
                "created_at",
            )
        ),
        "reactions": list(
            Reaction.objects.filter(user=user).values(
                "comment_id", "kind", "created_at"
            )
        ),
        "reports": list(
            Report.objects.filter(reporter=user).values(
                "comment_id", "reason", "created_at"
            )
        ),
        "appeals": list(
            Appeal.objects.filter(author=user).values(
                "comment_id", "text", "outcome", "decision", "created_at"
            )
        ),
        "hearings_taken_part_in": list(
            Participant.objects.filter(user=user).values(
                "hearing_id", "hearing__title", "postcode", "age_band", "first_at"
            )
        ),
    }


def delete_personal_data(user) -> None:
    Comment.objects.filter(author=user).update(author_role_detail="")
