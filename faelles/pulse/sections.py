"""The pulse on the leaders' page (faelles/organisations/sections.py): the
latest closed round's published results for the units the page is about."""

from __future__ import annotations

from django.utils import timezone

from faelles.organisations.selectors import department_rows

from . import selectors, services
from .instrument import SCALES

# Rows of the table on the leaders' page; with more, only the top units.
ROWS_SHOWN = 40


def leader_section(request, departments: set[int]) -> dict | None:
    municipality = request.municipality
    if not request.user.has_perm("pulse.export", municipality) or not departments:
        return None
    today = timezone.localdate()
    latest = selectors.closed_rounds(municipality=municipality, today=today).last()
    if latest is None:
        return None
    latest = services.round_results(round_=latest, today=today)
    scope = selectors.scope_for(user=request.user, municipality=municipality)
    allowed = (
        departments if scope.departments is None else departments & scope.departments
    )
    table = selectors.result_table(
        municipality=municipality,
        round_=latest,
        scope=selectors.Scope(set(allowed), scope.own),
        # The units' names from the departments the leaders' page has read
        # already (``departments_read_once``), not by a list of every id.
        names={pk: name for pk, _parent, name, _slug in department_rows(municipality)},
    )
    rows = [row for row in table.rows if row.department_id in allowed]
    if not rows:
        return None
    units = sum(1 for row in rows if not row.own_staff)
    if units > ROWS_SHOWN:
        # Many units (an administrator's page, 300 in a large municipality):
        # the top levels that fit here, every unit one click away on the
        # pulse's own results page.
        rows = _top_levels([row for row in rows if not row.own_staff])
    return {
        "pulse_round": latest,
        "pulse_rows": rows,
        "pulse_scales": SCALES,
        "pulse_units": units,
        "pulse_summary": len(rows) < units,
    }


def _top_levels(rows: list[selectors.Row]) -> list[selectors.Row]:
    """The rows of the most levels from the top that together fit in
    ``ROWS_SHOWN``, at least the top level."""
    depths = sorted({row.depth for row in rows})
    keep = depths[0]
    for depth in depths[1:]:
        if sum(1 for row in rows if row.depth <= depth) > ROWS_SHOWN:
            break
        keep = depth
    return [row for row in rows if row.depth <= keep]
