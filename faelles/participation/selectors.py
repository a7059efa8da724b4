"""Reading the activity ladder: people per rung. Groups smaller than five are never shown."""

from datetime import datetime

from django.db.models import Count

from .models import ParticipationAct, Rung

MIN_GROUP = 5


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
