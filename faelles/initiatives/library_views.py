"""The learning library (læringsbank): evaluated trials, failures as visible as successes."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from faelles.core.params import search_words
from faelles.organisations.models import Organisation

from . import selectors
from .models import Outcome, Theme


def library_readable(request) -> bool:
    """Members read their own library; anyone may when it is shared publicly."""
    if request.user.is_authenticated and (
        request.membership is not None or request.user.is_superuser
    ):
        return True
    return selectors.settings_for(request.municipality).library_public


def _check(request):
    if library_readable(request):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def library(request):
    if response := _check(request):
        return response
    theme = request.GET.get("theme", "")
    department = request.GET.get("department", "")
    outcome = request.GET.get("outcome", "")
    query = search_words(request.GET.get("q"))
    page = selectors.library(
        municipality=request.municipality,
        theme=theme,
        department=department,
        outcome=outcome,
        query=query,
        after=request.GET.get("after"),
    )
    return render(
        request,
        "initiatives/library.html",
        {
            "page": page,
            "theme": theme,
            "department": department,
            "outcome": outcome,
            "query": query,
            "themes": Theme.choices,
            "outcomes": Outcome.choices,
            "departments": Organisation.objects.for_municipality(request.municipality)
            .departments()
            .only("id", "name"),
            "stats": selectors.library_statistics(municipality=request.municipality),
            "is_public": selectors.settings_for(request.municipality).library_public,
        },
    )
