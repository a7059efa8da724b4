"""The pulse on the leaders' page (faelles/organisations/sections.py): the
latest closed round's published results for the units the page is about."""

from __future__ import annotations

from django.utils import timezone

from faelles.organisations.selectors import department_rows

from . import selectors, services
from .instrument import SCALES


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
    return {"pulse_round": latest, "pulse_rows": rows, "pulse_scales": SCALES}
