"""The sources of the insight dashboards (``faelles/insight``, docs/insight.md).

The dashboards count what people do on the platform — people active on each
rung of the activity ladder, resources offered and needed, initiatives by
state, committees' recommendations, budget votes, community members, event
sign-ups, who was heard in hearings — by period, area, age band and theme. The
insight app imports no feature app: each app that has figures to show defines
``SOURCES`` in ``faelles/<app>/insight.py``, a list of :class:`InsightSource`
found by :func:`insight_sources` the way ``status.py`` modules are found.

A source answers with a queryset and the paths the rollup needs; the counting,
the suppression of small groups and the storage of the published figures are
the insight app's. A source never decides what is published.

An app whose figures are already published under its own rules — the
social-capital pulse's results per closed round, suppressed by the pulse when
the round closes — lists them as ``TRENDS``, a list of :class:`InsightTrend`:
a series of points the app has suppressed itself, which the insight app stores
with its rollups and shows as they are (never recounted, never for a point the
app hid).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from faelles.core.discovery import collected, ordered_entries


@dataclass(frozen=True)
class InsightGroup:
    key: str
    label: Any
    order: int


# The dashboard's sections. A source names one; "pulse" is the social-capital
# pulse's (app ``pulse``): it plugs in with its own ``insight.py``.
GROUPS: tuple[InsightGroup, ...] = (
    InsightGroup("ladder", _("Aktivitetsstigen"), 10),
    InsightGroup("resources", _("Ressourcer i spil"), 20),
    InsightGroup("initiatives", _("Initiativer og prøvehandlinger"), 30),
    InsightGroup("committees", _("Opgaveudvalg"), 40),
    InsightGroup("budgeting", _("Borgerbudget"), 50),
    InsightGroup("communities", _("Fællesskaber og arrangementer"), 60),
    InsightGroup("dialogue", _("Høringer"), 70),
    InsightGroup("pulse", _("Social kapital"), 80),
)


@dataclass(frozen=True)
class InsightSource:
    """One figure of the dashboards.

    ``queryset(municipality)`` gives the rows counted (only what belongs to the
    municipality; private spaces' rows only if the figure may count them at all).
    Each row counts at the date ``when`` (a path), for the person ``person`` (a
    path to a user: their postcode gives the area, their birth year the age
    band; None when no one person is behind a row: area and age band unknown), and — when ``theme`` is a path — under one theme. ``people=True``
    counts distinct people instead of rows. ``amount`` (a path to a number, e.g.
    hours) is summed beside the count and shown only when the count is;
    ``average=True`` shows amount ÷ count instead of the sum (a pulse score).
    ``internal=True`` keeps the figure off the public dashboard.
    """

    key: str
    label: Any
    group: str
    order: int
    queryset: Callable[[Any], QuerySet[Any]]
    when: str
    person: str | None  # None: no one person is behind a row (a recommendation)
    people: bool = False
    theme: str | None = None
    amount: str | None = None
    amount_label: Any = ""
    average: bool = False
    internal: bool = False
    # A short sentence for the reader: what exactly is counted.
    help_text: Any = ""


@dataclass(frozen=True)
class InsightPoint:
    """One point of an :class:`InsightTrend`, as the app publishes it: ``count``
    (e.g. respondents) is None when the app hid it, and so is every value then;
    a value is None when the app hid it."""

    label: str
    day: date
    count: int | None
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class InsightTrend:
    """A series an app publishes itself, one point per event (a closed pulse
    round), with its own suppression already applied.

    ``points(municipality, start, end)`` gives the points whose ``day`` lies in
    the dashboard's window (``start`` ≤ day < ``end``), oldest first, with one
    value per ``columns`` label (e.g. the scales), each within ``scale`` (the
    chart's axis). It is called by the background refresh, never by a page.
    ``internal=True`` keeps the series off the public dashboard; ``perm`` (a
    permission checked on the municipality) narrows who sees it on the
    internal one to those the app itself shows it to.
    """

    key: str
    label: Any
    group: str
    order: int
    points: Callable[[Any, date, date], list[InsightPoint]]
    columns: tuple[Any, ...]
    count_label: Any
    scale: tuple[float, float] = (0.0, 100.0)
    internal: bool = True
    perm: str | None = None
    help_text: Any = ""


@cache
def _all_sources() -> tuple[InsightSource, ...]:
    found = ordered_entries(collected("insight", "SOURCES"), "insight sources")
    groups = {group.key for group in GROUPS}
    for source in found:
        if source.group not in groups:
            raise ValueError(
                f"insight source {source.key}: unknown group {source.group}"
            )
        if source.people and source.theme:
            # A person can act under several themes: counts by theme would not
            # add up, and suppression relies on totals that are sums.
            raise ValueError(f"insight source {source.key}: people are not by theme")
    return found


def insight_sources() -> tuple[InsightSource, ...]:
    """Every app's insight sources, in page order."""
    return _all_sources()


@cache
def _all_trends() -> tuple[InsightTrend, ...]:
    found = ordered_entries(collected("insight", "TRENDS"), "insight trends")
    groups = {group.key for group in GROUPS}
    for trend in found:
        if trend.group not in groups:
            raise ValueError(f"insight trend {trend.key}: unknown group {trend.group}")
    return found


def insight_trends() -> tuple[InsightTrend, ...]:
    """Every app's published series, in page order."""
    return _all_trends()
