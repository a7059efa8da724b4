"""What the opinion map holds about one person (picked up by the account export).

The export lists the maps the person took part in and the statements they wrote.
Their votes are part of their data too, and are exported for them alone. On
account deletion the pseudonym is unlinked (``SET_NULL``): the votes and
statements stay in the map, linked to no one.
"""

from .models import Participant, Statement, Vote


def export_personal_data(user) -> dict:
    participants = Participant.objects.filter(user=user)
    return {
        "took_part_in": list(
            participants.values("map_id", "map__title", "municipality__slug")
        ),
        "statements": list(
            Statement.objects.filter(author__user=user).values(
                "id", "map_id", "text", "status", "created_at"
            )
        ),
        "votes": list(
            Vote.objects.filter(participant__user=user).values(
                "map_id", "statement_id", "statement__text", "value"
            )
        ),
    }
