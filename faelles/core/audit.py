"""The one way services write to the audit log."""

from typing import Any

from django.db import models

from .models import AuditEntry


def audit(
    *,
    action: str,
    actor=None,
    municipality=None,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    return AuditEntry.objects.create(
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        municipality=municipality,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        data=data or {},
    )
