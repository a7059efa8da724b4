"""What waits for one employee, gathered from every app's ``work.py``.

Each source is counted in the database and only its first ``SHOW`` rows are
fetched, so the page costs two queries per source whatever the size of the
municipality. The menu's number is the same count, kept for ``COUNT_SECONDS``
per person so that a page view costs no queries for it most of the time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.utils import timezone

from faelles.core.work_sources import WorkItem, WorkSource, work_sources

SHOW = 8
COUNT_SECONDS = 60


@dataclass(frozen=True)
class Section:
    source: WorkSource
    count: int
    items: list[WorkItem]
    more_url: str

    @property
    def overdue(self) -> int:
        return sum(1 for item in self.items if item.overdue)


def _count_key(user, municipality) -> str:
    return f"workplace:count:{municipality.pk}:{user.pk}"


def sections(*, user, municipality, today: date | None = None) -> list[Section]:
    today = today or timezone.localdate()
    found = []
    for source in work_sources(user, municipality):
        queryset = source.queryset(user, municipality)
        count = queryset.count()
        rows = list(queryset[:SHOW]) if count else []
        found.append(
            Section(
                source=source,
                count=count,
                items=[source.item(row, today) for row in rows],
                more_url=source.more_url(municipality) if count > SHOW else "",
            )
        )
    cache.set(
        _count_key(user, municipality),
        sum(s.count for s in found),
        COUNT_SECONDS,
    )
    return found


def waiting_count(request) -> int:
    """How many things wait for the person (for the menu), at most a minute old."""
    user, municipality = request.user, getattr(request, "municipality", None)
    if municipality is None or not user.is_authenticated:
        return 0
    key = _count_key(user, municipality)
    count = cache.get(key)
    if count is None:
        count = sum(
            source.queryset(user, municipality).count()
            for source in work_sources(user, municipality)
        )
        cache.set(key, count, COUNT_SECONDS)
    return count
