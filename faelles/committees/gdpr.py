"""What the task committees hold about one person (the account export).

No delete_personal_data hook is needed: when an account is deleted, the
database's own rules do it. Applications (with the age band, gender and area the call asked for) and seats
go with the account (cascade). A finished draw keeps its pool as lottery
numbers with strata and no name, so that the published draw can still be
checked; once the application is gone nothing leads from a number to the
person. Recommendations, decisions and follow-up stay as the municipality's
record, without the person (``SET_NULL``).
"""

from .models import (
    ActionUpdate,
    Application,
    CommitteeMember,
    FollowUpAction,
    MeetingDocument,
    Recommendation,
    TaskCommittee,
)


def export_personal_data(user) -> dict:
    return {
        "applications": list(
            Application.objects.filter(user=user).values(
                "committee_id",
                "committee__title",
                "municipality__slug",
                "applies_as",
                "organisation__name",
                "motivation",
                "age_band",
                "gender",
                "area",
                "status",
                "created_at",
            )
        ),
        "seats": list(
            CommitteeMember.objects.filter(user=user).values(
                "committee_id",
                "committee__title",
                "municipality__slug",
                "role",
                "by_lot",
                "joined_at",
            )
        ),
        "committees_chaired": list(
            TaskCommittee.objects.filter(chair=user).values(
                "id", "title", "municipality__slug"
            )
        ),
        "committees_created": list(
            TaskCommittee.objects.filter(created_by=user).values(
                "id", "title", "municipality__slug", "created_at"
            )
        ),
        "decisions_recorded": list(
            Recommendation.objects.filter(decided_by=user).values(
                "id", "title", "decision", "decided_at"
            )
        ),
        "follow_up_responsible": list(
            FollowUpAction.objects.filter(responsible=user).values(
                "id", "title", "status", "due_date"
            )
        ),
        "progress_updates": list(
            ActionUpdate.objects.filter(author=user).values(
                "action_id", "status", "progress", "text", "created_at"
            )
        ),
        "documents_uploaded": list(
            MeetingDocument.objects.filter(uploaded_by=user).values(
                "meeting_id", "title", "created_at"
            )
        ),
    }
