"""Recording acts of participation on the activity ladder.

Other apps record their acts through ``record_participation`` (see
docs/activity-ladder.md for the mapping from actions to rungs).
"""

from datetime import datetime

from django.utils import timezone

from .models import ParticipationAct, Rung


def record_participation(
    *,
    municipality,
    user,
    action: str,
    rung: int,
    source=None,
    occurred_at: datetime | None = None,
) -> ParticipationAct | None:
    """Record one act of participation on the ladder.

    ``action`` is a dotted name (``"<app>.<verb>"``), ``rung`` a ``Rung`` value,
    ``source`` optionally the model instance the act concerns. Anonymous users are
    ignored (returns None). Call it from inside the service that performs the act,
    so the act and the record commit or roll back together.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    act = ParticipationAct(
        municipality=municipality,
        user=user,
        action=action[:60],
        rung=int(Rung(rung)),
        source_type=source._meta.label_lower if source is not None else "",
        source_id=str(source.pk) if source is not None else "",
        occurred_at=occurred_at or timezone.now(),
    )
    act.full_clean()
    act.save()
    return act
