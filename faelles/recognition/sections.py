"""What recognition adds to the municipality's home page and to a person's page."""

from __future__ import annotations

from django.utils import timezone

from faelles.accounts.selectors import membership_for
from faelles.disclosure import THRESHOLD

from . import selectors
from .forms import ThanksForm


def home_section(request) -> dict | None:
    municipality = getattr(request, "municipality", None)
    if municipality is None:
        return None
    today = timezone.localdate()
    given = selectors.thanks_given_in_year(municipality=municipality, year=today.year)
    return {
        "open_awards": selectors.open_awards(municipality=municipality, today=today)[
            :3
        ],
        "latest_thanks": list(selectors.public_thanks(municipality=municipality)[:2]),
        "thanks_this_year": given if given >= THRESHOLD else None,
    }


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
