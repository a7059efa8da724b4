"""A person's own placements in the paradigm self-assessment.

Exported: every placement and note the person gave, with the round and the row.
When the account is deleted, the person's own placements (``Answer``) are
deleted with it (the foreign key cascades; no rule decides anything about the
rest of the round, so no ``delete_personal_data`` hook is needed). The group's
counts then describe the people who remain, and a round left with fewer than 5
answers shows no figures again. A round the person opened, and agreed
placements they recorded, belong to the department and stay, without the
person (``SET_NULL``); the audit log keeps the action, not the actor.
"""

from .models import Answer


def export_personal_data(user) -> dict:
    answers = (
        Answer.objects.filter(user=user)
        .select_related("assessment", "assessment__department")
        .order_by("assessment__opened_at", "assessment_id", "row")
    )
    return {
        "answers": [
            {
                "round": a.assessment.title,
                "department": a.assessment.department.name,
                "municipality_id": a.assessment.municipality_id,
                "row": a.row,
                "placement": a.value,
                "note": a.note,
                "updated_at": a.updated_at.isoformat(),
            }
            for a in answers
        ]
    }
