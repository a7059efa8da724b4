"""What the notifications app holds about one person (picked up by the export).

Notifications and the person's settings go with the account (cascade) and nothing
counts them, so no ``delete_personal_data`` is needed.
"""

from .models import Notification, NotificationPreference


def export_personal_data(user) -> dict:
    preference = NotificationPreference.objects.filter(user=user).first()
    return {
        "notifications": [
            {
                "kind": n.kind,
                "title": n.title,
                "body": n.body,
                "url": n.url,
                "created_at": n.created_at.isoformat(),
                "read_at": n.read_at.isoformat() if n.read_at else None,
                "emailed_at": n.emailed_at.isoformat() if n.emailed_at else None,
            }
            for n in Notification.objects.filter(recipient=user).order_by("id")
        ],
        "email_frequency": preference.email_frequency if preference else "immediate",
        "email_frequency_per_kind": preference.kind_frequencies if preference else {},
    }
