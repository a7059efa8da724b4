"""What waits for an employee: the sources of the workspace (docs/workplace.md).

The workspace (``faelles/workplace``, "Mit arbejde") shows one employee everything
that waits for them across the platform: initiatives they facilitate, initiatives
without a facilitator, proposals waiting for facilitation, follow-up they own,
team actions, statements to moderate. It imports no feature app. Each feature app
that hands work to employees defines ``SOURCES`` in ``faelles/<app>/work.py``: a
list of :class:`WorkSource`, found by :func:`work_sources` the way ``status.py``
and ``gdpr.py`` modules are found.

A source answers with a queryset (so the workspace counts in the database and
shows only the first rows), and only for people whose role gives them that work:
``applies`` is the permission check, ``queryset`` the rows waiting for this person,
``item`` one row as shown. Everything a source lists is something the person may
open: the rows come from the same selectors and rules as the feature's own pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from django.db.models import QuerySet

from faelles.core.discovery import collected, ordered_entries


@dataclass(frozen=True)
class WorkItem:
    title: str
    url: str
    state: str = ""
    due: date | None = None
    overdue: bool = False
    context: str = ""  # e.g. the committee an action belongs to


@dataclass(frozen=True)
class WorkSource:
    key: str
    label: Any  # lazy text, plural ("Initiativer jeg faciliterer")
    order: int
    # (user, municipality) -> may this person have this kind of work here?
    applies: Callable[[Any, Any], bool]
    # (user, municipality) -> the rows waiting for this person, oldest or most
    # urgent first
    queryset: Callable[[Any, Any], QuerySet[Any]]
    # (row, today) -> the row as shown
    item: Callable[[Any, date], WorkItem]
    # municipality -> the feature's own page with the whole list ("" for none)
    more_url: Callable[[Any], str] = lambda municipality: ""
    # One sentence on what the list holds and what to do (shown under the heading).
    help_text: Any = ""


@dataclass(frozen=True)
class WorkTool:
    """A staff tool the workspace links to under "Værktøjer" (one line: the name
    and what it is for). Declared as ``TOOLS`` in the app's ``work.py``."""

    key: str
    label: Any  # lazy text ("Teamrefleksion")
    description: Any  # lazy text, what it is for
    url_name: str  # a tenant URL name without arguments ("reflection:index")
    order: int
    # (user, municipality) -> may this person use the tool here?
    applies: Callable[[Any, Any], bool] = lambda user, municipality: True


@cache
def _all_sources() -> tuple[WorkSource, ...]:
    return ordered_entries(collected("work", "SOURCES"), "work sources")


def work_sources(user: Any, municipality: Any) -> list[WorkSource]:
    """The sources that apply to this person in this municipality, in order."""
    return [s for s in _all_sources() if s.applies(user, municipality)]


@dataclass(frozen=True)
class StaffOnlySource:
    """One kind of staff-only space (communities, events, initiatives) for the
    staff's page "Kun for medarbejdere" (``workplace:staff_only``,
    docs/staff-only.md). Declared as ``STAFF_ONLY`` in the app's ``work.py``."""

    key: str
    label: Any  # lazy text, plural ("Fællesskaber")
    order: int
    # municipality -> the staff-only rows, newest or soonest first; each row
    # has ``get_absolute_url`` and a ``str``
    queryset: Callable[[Any], QuerySet[Any]]
    # (row) -> one line under the name ("" for none)
    detail: Callable[[Any], str] = lambda row: ""
    # a tenant URL name without arguments where staff make a new one ("" for none)
    create_url_name: str = ""


@cache
def staff_only_sources() -> tuple[StaffOnlySource, ...]:
    return ordered_entries(collected("work", "STAFF_ONLY"), "staff-only sources")


@cache
def _all_tools() -> tuple[WorkTool, ...]:
    return ordered_entries(collected("work", "TOOLS"), "work tools")


def work_tools(user: Any, municipality: Any) -> list[WorkTool]:
    """The staff tools this person may use in this municipality, in order."""
    return [t for t in _all_tools() if t.applies(user, municipality)]
