"""The activity ladder: record acts of participation, count people per rung.

Other apps record their acts through ``record_participation`` (see
docs/activity-ladder.md for the mapping from actions to rungs) and read the
counts with ``people_per_rung``. Groups smaller than five are never shown.
"""

from datetime import datetime

from django.db.models import Count
from django.utils import timezone

from .models import ParticipationAct, Rung

MIN_GROUP = 5

# The mapping used by this app; other apps pass their own rung explicitly.
INITIATIVE_ACTIONS: dict[str, Rung] = {
    "initiative.propose": Rung.CIVIL_SOCIETY,
    "initiative.support": Rung.CIVIL_SOCIETY,
    "initiative.join": Rung.CIVIL_SOCIETY,
    "initiative.comment": Rung.CIVIL_SOCIETY,
    "initiative.story": Rung.CIVIL_SOCIETY,
}


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


def people_per_rung(*, municipality, since: datetime | None = None) -> list[dict]:
    """Distinct people per rung; ``count`` is None when fewer than five."""
    qs = ParticipationAct.objects.filter(municipality=municipality)
    if since is not None:
        qs = qs.filter(occurred_at__gte=since)
    counts = dict(
        qs.values("rung")
        .annotate(people=Count("user", distinct=True))
        .values_list("rung", "people")
    )
    rows = []
    for rung in Rung:
        n = counts.get(rung.value, 0)
        rows.append(
            {
                "rung": rung.value,
                "label": rung.label,
                "count": n if n >= MIN_GROUP else None,
            }
        )
    return rows
