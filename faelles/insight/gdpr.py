"""A person's own data in the insight app.

Exported: the birth year they gave for the statistics, and when. Deleted with
the account (the foreign key cascades), and by the person on the page where they
gave it. The rollups hold only counts of at least five people (or hidden ones),
never a person; a population import keeps who imported it (``SET_NULL`` when
that account is deleted).
"""

from .models import BirthYear


def export_personal_data(user) -> dict:
    found = BirthYear.objects.filter(user=user).first()
    if found is None:
        return {}
    return {
        "birth_year_for_statistics": {
            "year": found.year,
            "given_at": found.given_at.isoformat(),
        }
    }
