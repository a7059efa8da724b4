"""What recognition adds to the municipality's home page and to a person's page."""

from __future__ import annotations

from faelles.accounts.selectors import membership_for

from . import selectors
from .forms import ThanksForm


def home_section(request) -> dict | None:
    """An invitation to the celebration page, without a query: the home page
    reads a bounded number of queries (municipalities' test), and the open
    awards, winners and thanks are one click away."""
    if getattr(request, "municipality", None) is None:
        return None
    return {"celebrate": True}


def person_section(request, person) -> dict | None:
    """ "Sig tak" on the page of a person the viewer may see (the page itself is
    shown only then), and nominations for open awards."""
    user = request.user
    municipality = request.municipality
    if not user.is_authenticated or user.pk == person.pk:
        return None
    if membership_for(user, municipality) is None:
        return None
    return {
        "person": person,
        "form": ThanksForm(),
        "open_awards": selectors.open_awards(municipality=municipality),
    }
