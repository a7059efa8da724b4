"""The learning library (læringsbank): evaluated trials, failures as visible as successes."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from faelles.core import access
from faelles.core.library_sources import filled_sections
from faelles.core.params import search_words
from faelles.municipalities.themes import theme_options
from faelles.organisations.models import Organisation

from . import selectors
from .models import Outcome


def library_readable(request) -> bool:
    """Members read their own library; anyone may when it is shared publicly."""
    if request.user.is_authenticated and (
        request.membership is not None or request.user.is_superuser
    ):
        return True
    return selectors.settings_for(request.municipality).library_public


def require_library(request) -> None:
    """The library and the newspaper drawn from it: login, then 403, unless
    readable."""
    if not library_readable(request):
        access.require_login(request)
        raise PermissionDenied


def library(request):
    require_library(request)
    theme = request.GET.get("theme", "")
    department = request.GET.get("department", "")
    outcome = request.GET.get("outcome", "")
    query = search_words(request.GET.get("q"))
    page = selectors.library(
        municipality=request.municipality,
        user=request.user,
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
            "themes": theme_options(request.municipality),
            "outcomes": Outcome.choices,
            "departments": Organisation.objects.for_municipality(request.municipality)
            .departments()
            .only("id", "name"),
            "stats": selectors.library_statistics(municipality=request.municipality),
            "is_public": selectors.settings_for(request.municipality).library_public,
            # What other apps share to the library (core/library_sources.py)
            "sections": filled_sections(request.municipality),
        },
    )
