from .models import Notification


def export_personal_data(user) -> dict:
    return {
        "notifications": [
            {
                "title": n.title,
                "body": n.body,
                "created_at": n.created_at.isoformat(),
                "read_at": n.read_at.isoformat() if n.read_at else None,
            }
            for n in Notification.objects.filter(recipient=user)
        ],
        "email_frequency": getattr(
            getattr(user, "notification_preference", None),
            "email_frequency",
            "immediate",
        ),
    }
