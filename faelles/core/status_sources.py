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

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any

from django.apps import apps
from django.db.models import Q, QuerySet

from faelles.core.discovery import collected, ordered_entries


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
    # The models ("app_label.Model") whose rows the source reads: a save or a
    # delete of one of them makes the cached page stale (see "The cache" below).
    depends_on: tuple[str, ...] = ()


# A condition no row meets: for sources without a deadline. (Not ``pk__in=[]``:
# Django drops an aggregate whose filter can match nothing to an empty result.)
NEVER = Q(pk__isnull=True)


def as_date(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        from django.utils import timezone

        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


@cache
def _all_sources() -> tuple[StatusSource, ...]:
    return ordered_entries(collected("status", "SOURCES"), "status sources")


def status_sources() -> tuple[StatusSource, ...]:
    """Every app's status sources, in page order."""
    return _all_sources()


# --- The cache ----------------------------------------------------------------------
#
# The page's results (the table by theme and the sections) are the same for every
# reader with the same filters, so they are rendered once and kept in the shared
# cache under the municipality's *version*. Any save or delete of a model a source
# reads (``depends_on``, and ``COMMON_DEPENDENCIES``) gives the municipality a new
# version as the transaction commits, so the next reader sees the change. A write
# that bypasses ``save()`` — a queryset's ``update()`` — and changes what a source
# shows calls :func:`status_changed` itself. What depends on the clock alone (a
# hearing announced at 10:00, a deadline passing) shows within ``CACHE_SECONDS``.

CACHE_SECONDS = 60
COMMON_DEPENDENCIES = (
    "municipalities.Municipality",
    "municipalities.Theme",
    "municipalities.FocusArea",
    "organisations.Organisation",
    "accounts.User",
    "accounts.Membership",
)
_ALL = "status:version:all"


def _version_key(municipality_id: object) -> str:
    return f"status:version:{municipality_id}"


def status_version(municipality_id: object) -> str:
    """The municipality's current version: part of every cached page's key."""
    from django.core.cache import cache

    found = cache.get_many([_ALL, _version_key(municipality_id)])
    return f"{found.get(_ALL, 0)}.{found.get(_version_key(municipality_id), 0)}"


def _new_version(key: str) -> None:
    import time

    from django.core.cache import cache

    # A fresh number rather than incr(): no race between two writers, and a key
    # the cache evicted cannot come back as an old version.
    cache.set(key, time.time_ns(), None)


def status_changed(municipality_id: object = None) -> None:
    """The status page of ``municipality_id`` (of every municipality: None) must be
    read afresh. At once, and again when the transaction commits, so that a reader
    between the write and the commit cannot keep the old page under the new
    version."""
    from django.db import transaction

    key = _ALL if municipality_id is None else _version_key(municipality_id)
    _new_version(key)
    transaction.on_commit(lambda: _new_version(key))


def _changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    if kwargs.get("update_fields") is not None and set(kwargs["update_fields"]) <= {
        "last_login"
    }:
        return  # a login changes nothing on the page
    if sender._meta.label == "municipalities.Municipality":
        status_changed(instance.pk)
        return
    status_changed(getattr(instance, "municipality_id", None))


def _m2m_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        status_changed(getattr(instance, "municipality_id", None))


def connect_invalidation() -> list[str]:
    """Listen to the models the sources read (called once, by the status app).
    Returns their labels, for the tests."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    labels = set(COMMON_DEPENDENCIES)
    for source in status_sources():
        labels.update(source.depends_on)
    for label in sorted(labels):
        if ".through:" in label:  # "app.Model.through:field": a many-to-many table
            model_label, field_name = label.split(".through:")
            model = apps.get_model(model_label)
            through = getattr(model, field_name).through
            m2m_changed.connect(
                _m2m_changed, sender=through, dispatch_uid=f"status:{label}"
            )
            continue
        model = apps.get_model(label)
        post_save.connect(_changed, sender=model, dispatch_uid=f"status:s:{label}")
        if label != "accounts.User":
            # A user is deleted only by account_delete, with no receiver on the
            # way (tests/test_deletion_path.py); their memberships' deletion,
            # which it cascades to, renews the version.
            post_delete.connect(
                _changed, sender=model, dispatch_uid=f"status:d:{label}"
            )
    return sorted(labels)
