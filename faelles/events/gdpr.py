"""A person's data in events: export, and giving places back on account deletion."""

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


def forget_person(user) -> None:
    """Before an account is deleted: cancel the person's places so the next on the
    waiting list is promoted, exactly as if they had cancelled themselves."""
    from .services import registration_cancel

    active = Registration.objects.filter(user=user).exclude(
        status=Registration.Status.CANCELLED
    )
    for registration in active.select_related("event"):
        registration_cancel(event=registration.event, user=user)
