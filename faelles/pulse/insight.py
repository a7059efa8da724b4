"""The social-capital pulse on the insight dashboards (``core/insight_sources.py``):
the whole municipality's scale scores and number of answers per closed round.

The points are the pulse's own published results (``Round.results``, the cell
``all``), computed and suppressed by ``services.round_results`` exactly as on
the pulse's pages: a round whose municipality-wide cell the pulse hid — fewer
than five answers, or hidden so that a small unit cannot be worked out — has
neither count nor scores here either. Units are left out: who sees which unit
is the pulse's own rule (``selectors.scope_for``), and its results page shows
them.

Internal only, and there only for the people the pulse shows its results to
(``pulse.use``: employees and administrators; not politicians, as on the
pulse's own pages). See docs/pulse.md, "On the insight dashboard".
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from faelles.core.insight_sources import InsightPoint, InsightTrend

from . import results, selectors, services
from .instrument import SCALES


def _points(municipality, start: date, end: date) -> list[InsightPoint]:
    today = timezone.localdate()
    closed = [
        round_
        for round_ in selectors.closed_rounds(municipality=municipality, today=today)
        if start <= round_.last_day < end
    ]
    # Computed (once, and stored on the round) if a round closed by its date
    # has no results yet — the refresh runs in the background.
    closed = [services.round_results(round_=r, today=today) for r in closed]
    return [
        InsightPoint(
            label=point.round.title,
            day=point.round.last_day,
            count=point.n,
            values=tuple(point.scores),
        )
        for point in selectors.trend(rounds_=closed, key=results.ALL)
    ]


TRENDS = [
    InsightTrend(
        key="pulse.social_capital",
        label=_("Social kapital i hele kommunen"),
        group="pulse",
        order=10,
        points=_points,
        columns=tuple(_(scale.label) for scale in SCALES),
        count_label=_("Antal svar"),
        scale=(0.0, 100.0),
        internal=True,
        perm="pulse.use",
        help_text=_(
            "Pulsmålingens skalaer (0–100, højere er bedre) for hver afsluttet "
            "runde, som pulsmålingen selv viser dem: ingen tal for en runde med "
            "færre end 5 svar."
        ),
    )
]
