"""The employee's workspace ("Mit arbejde"): everything waiting for the person."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from faelles.core import access
from faelles.core.work_sources import staff_only_sources, work_tools

from . import selectors


@never_cache
def index(request):
    access.require_login(request)
    if not request.user.has_perm("workplace.view", request.municipality):
        raise Http404  # a staff-only page does not exist for anyone else
    sections = selectors.sections(user=request.user, municipality=request.municipality)
    return render(
        request,
        "workplace/index.html",
        {
            "sections": [s for s in sections if s.count],
            "empty": [s for s in sections if not s.count],
            "total": sum(s.count for s in sections),
            "tools": work_tools(request.user, request.municipality),
        },
    )


STAFF_ONLY_ROWS = 50  # per kind; a municipality has a handful of each


@never_cache
def staff_only(request):
    """The staff-only spaces of the municipality (docs/staff-only.md): what
    only its employees and administrators see. A 404 for anyone else."""
    access.require_login(request)
    if not request.user.has_perm("workplace.view", request.municipality):
        raise Http404
    sections = []
    for source in staff_only_sources():
        rows = list(source.queryset(request.municipality)[: STAFF_ONLY_ROWS + 1])
        sections.append(
            {
                "source": source,
                "rows": [(row, source.detail(row)) for row in rows[:STAFF_ONLY_ROWS]],
                "more": len(rows) > STAFF_ONLY_ROWS,
            }
        )
    return render(request, "workplace/staff_only.html", {"sections": sections})


@never_cache
def count(request):
    """The menu's number (htmx, after the page): empty for anyone without a
    workspace or with nothing waiting. One request fills both menus: the menu bar
    asks, and the drawer's copy comes along out of band (``hx-swap-oob``)."""
    user = request.user
    n = 0
    if user.is_authenticated and user.has_perm("workplace.view", request.municipality):
        n = selectors.waiting_count(request)
    return render(request, "workplace/_count.html", {"n": n})
