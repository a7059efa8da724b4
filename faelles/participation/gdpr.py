"""What the activity ladder holds about one person (picked up by the account export).

The acts go with the account when it is deleted: their foreign key to the user
cascades, and nothing counts them, so no ``delete_personal_data`` is needed.
"""

from .models import ParticipationAct


def export_personal_data(user) -> dict:
    return {
        "participation_acts": list(
            ParticipationAct.objects.filter(user=user).values(
                "municipality__slug", "action", "rung", "occurred_at"
            )
        ),
    }
