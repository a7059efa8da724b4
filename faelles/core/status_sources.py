"""The sources of the status page ("gør status", docs/status.md).

The status page shows, by theme and focus area, everything a municipality has
started — task committees, their recommendations and follow-up, initiatives and
trials, budget projects being built, hearings — each with its state, owner,
last update and what is overdue. It lives in ``faelles/status``; it imports no
feature app. Each feature app that has something to show defines
``SOURCES`` in ``faelles/<app>/status.py``: a list of :class:`StatusSource`,
found by :func:`status_sources` the way ``gdpr.py`` modules are found.

A source answers with querysets, so that the page counts and pages in the
database (20,000 follow-up actions stay fast): ``queryset`` gives the public
rows for a filter, ``overdue`` the condition that makes a row overdue, and
``item`` turns one row into a :class:`StatusItem`. A source only ever lists
what anyone may see on the site; the status page is public.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any

from django.apps import apps
from django.db.models import Q, QuerySet


@dataclass(frozen=True)
class StatusFilter:
    """What the reader asked for. ``person`` is "mine" (the logged-in reader);
    ``department`` an organisation of kind department of the municipality."""

    today: date
    theme: Any = None
    focus_area: Any = None
    department: Any = None
    person: Any = None
    overdue_only: bool = False


@dataclass
class StatusItem:
    kind: str  # the source's key
    title: str
    url: str
    state: str
    owner: str = ""
    theme: str = ""
    focus_area: str = ""
    updated: date | None = None
    due: date | None = None
    overdue: bool = False
    overdue_reason: str = ""
    detail: str = ""  # e.g. a trial's outcome, a decision's reason in brief
    context: str = ""  # e.g. the committee a recommendation belongs to


@dataclass(frozen=True)
class StatusSource:
    key: str
    label: Any  # lazy text, plural ("Opfølgning", "Initiativer og prøvehandlinger")
    order: int
    # (municipality, StatusFilter) -> the public rows matching the filter, or None
    # when the source cannot answer the filter (e.g. no department to filter by).
    queryset: Callable[[Any, StatusFilter], QuerySet[Any] | None]
    # today -> the condition of an overdue row (NEVER for sources without one).
    overdue: Callable[[date], Q]
    # (row, today) -> the row as shown
    item: Callable[[Any, date], StatusItem]
    # The path from a row to its theme id, for the count by theme.
    theme_path: Any = "theme"  # a path or an expression (Coalesce of two paths)
    # False when a row can have several themes (its counts by theme overlap).
    one_theme: bool = True
    # What "overdue" means for this source, in one sentence (shown on the page).
    overdue_rule: Any = ""
    # Extra paths to order by after "overdue first" (newest first by default).
    order_by: tuple[str, ...] = field(default_factory=lambda: ("-pk",))


# A condition no row meets: for sources without a deadline. (Not ``pk__in=[]``:
# Django drops an aggregate whose filter can match nothing to an empty result.)
NEVER = Q(pk__isnull=True)


def as_date(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        from django.utils import timezone

        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def _status_modules() -> Iterator[Any]:
    for config in apps.get_app_configs():
        if not config.name.startswith("faelles."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.status")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.status":
                raise
            continue
        yield module


@cache
def _all_sources() -> tuple[StatusSource, ...]:
    found = [source for module in _status_modules() for source in module.SOURCES]
    keys = [source.key for source in found]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"two status sources share a key: {duplicates}")
    return tuple(sorted(found, key=lambda source: (source.order, source.key)))


def status_sources() -> tuple[StatusSource, ...]:
    """Every app's status sources, in page order."""
    return _all_sources()
