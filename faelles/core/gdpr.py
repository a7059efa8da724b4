"""The audit trail of what a person did (picked up by the data export).

After the account is deleted the entries stay, without the person (actor is
SET_NULL), because the municipality must be able to account for changes.
"""

from typing import TYPE_CHECKING, Any

from .models import AuditEntry

if TYPE_CHECKING:
    from faelles.accounts.models import User


def export_personal_data(user: "User") -> dict[str, Any]:
    return {
        "actions": [
            {
                "at": e.created_at.isoformat(),
                "municipality": e.municipality.slug if e.municipality else None,
                "action": e.action,
                "object": f"{e.target_type}:{e.target_id}" if e.target_type else "",
            }
            for e in AuditEntry.objects.filter(actor=user).select_related(
                "municipality"
            )
        ]
    }
