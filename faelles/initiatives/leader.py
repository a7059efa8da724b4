"""The units' initiatives and trials on the leaders' page
(``organisations/sections.py``, docs/leaders.md)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from faelles.accounts.models import Membership

from .models import Initiative, Trial

SHOWN = 20


def leader_context(request, departments: set[int]) -> dict | None:
    """Initiatives the units are responsible for, or that one of their
    employees facilitates, newest first, each with its latest trial (state and
    outcome). Only what anyone may see: withdrawn initiatives are left out."""
    municipality = request.municipality
    if not departments:
        return None
    facilitated_here = Exists(
        Membership.objects.filter(
            municipality=municipality,
            user=OuterRef("facilitator"),
            is_employee=True,
            department__in=departments,
        )
    )
    initiatives = list(
        Initiative.objects.for_municipality(municipality)
        .visible()
        .filter(Q(department__in=departments) | Q(facilitated_here))
        .select_related("department", "facilitator")
        .order_by("-id")[:SHOWN]
    )
    latest: dict[int, Trial] = {}
    for trial in Trial.objects.filter(
        initiative__in=[i.pk for i in initiatives]
    ).order_by("initiative_id", "round"):
        latest[trial.initiative_id] = trial
    return {
        "rows": [{"initiative": i, "trial": latest.get(i.pk)} for i in initiatives],
        "shown": SHOWN,
    }
