"""A person's data in events: export, and giving places back on account deletion.

Registrations and calendar feeds go with the account (cascade) once the places are
given back; events the person organised stay without them (``SET_NULL``).
"""

from faelles.accounts.models import User

from . import services
from .models import CalendarToken, Registration


def export_personal_data(user) -> dict:
    return {
        "registrations": list(
            Registration.objects.filter(user=user).values(
                "event_id",
                "event__title",
                "event__municipality__slug",
                "event__starts_at",
                "status",
                "queued_at",
                "checked_in_at",
                "created_at",
            )
        ),
        "calendar_feeds": list(
            CalendarToken.objects.filter(user=user).values(
                "municipality__slug", "created_at"
            )
        ),
    }


def delete_personal_data(user: User) -> None:
    """Give the person's places back (``services.registration_forget``)."""
    services.registration_forget(user=user)
