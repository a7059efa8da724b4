"""The units' initiatives and trials on the leaders' page
(``organisations/sections.py``, docs/leaders.md)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from faelles.accounts.models import Membership
from faelles.municipalities.tenancy import tenant_reverse
from faelles.organisations.selectors import in_departments

from .models import Initiative, Trial

SHOWN = 20


def _url(municipality) -> tuple[str, str]:
    """The address of an initiative around its id: one ``reverse`` a list."""
    marker = "987654321"
    url = tenant_reverse("initiatives:detail", municipality, pk=int(marker))
    before, _marker, after = url.partition(marker)
    return before, after


def leader_context(request, departments: set[int]) -> dict | None:
    """Initiatives the units are responsible for, or that one of their
    employees facilitates, newest first, each with its latest trial (state and
    outcome). Only what anyone may see: withdrawn initiatives are left out.

    For every department of the municipality (an administrator's page) the
    units are a subquery, not a list of hundreds of ids sent twice."""
    municipality = request.municipality
    if not departments:
        return None
    units = in_departments(municipality, departments)
    facilitated_here = Exists(
        Membership.objects.filter(
            municipality=municipality,
            user=OuterRef("facilitator"),
            is_employee=True,
            department__in=units,
        )
    )
    initiatives = list(
        Initiative.objects.for_municipality(municipality)
        .visible()
        .filter(Q(department__in=units) | Q(facilitated_here))
        .select_related("department", "facilitator")
        .only(
            "pk",
            "municipality_id",
            "title",
            "state",
            "department__name",
            "facilitator__display_name",
        )
        .order_by("-id")[:SHOWN]
    )
    if not initiatives:
        return {"rows": [], "shown": SHOWN}
    latest: dict[int, Trial] = {}
    for trial in (
        Trial.objects.filter(initiative__in=[i.pk for i in initiatives])
        .only("pk", "initiative_id", "round", "starts_on", "ends_on", "outcome")
        .order_by("initiative_id", "round")
    ):
        latest[trial.initiative_id] = trial
    before, after = _url(municipality)
    return {
        "rows": [
            {
                "initiative": i,
                "trial": latest.get(i.pk),
                "url": f"{before}{i.pk}{after}",
            }
            for i in initiatives
        ],
        "shown": SHOWN,
    }
