"""What can be nominated for an award: a person, an organisation, an initiative
or a community of the municipality. Initiatives and communities come from their
own apps (allowed in tests/test_architecture.py); only public ones are offered,
and a private (invitation-only) community is refused as if it did not exist."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faelles.accounts.models import Membership
from faelles.communities.models import Community
from faelles.initiatives.models import Initiative
from faelles.organisations.models import Organisation

KINDS = {
    "person": ("nominee_user", gettext_lazy("En person")),
    "organisation": (
        "nominee_organisation",
        gettext_lazy("En forening, virksomhed eller institution"),
    ),
    "initiative": ("nominee_initiative", gettext_lazy("Et initiativ")),
    "community": ("nominee_community", gettext_lazy("Et fællesskab")),
}


def initiatives(municipality) -> QuerySet[Initiative]:
    # Awards are public: an internal (staff-only) initiative is never offered.
    return Initiative.objects.filter(
        municipality=municipality, staff_only=False
    ).visible()


def communities(municipality) -> QuerySet[Community]:
    return Community.objects.filter(
        municipality=municipality, is_active=True
    ).visible_to(AnonymousUser(), municipality)


def organisations(municipality) -> QuerySet[Organisation]:
    return Organisation.objects.for_municipality(municipality).civil()


def people(municipality) -> QuerySet[Membership]:
    return Membership.objects.filter(
        municipality=municipality, user__is_active=True
    ).select_related("user")


def resolve(*, municipality, kind: str, pk: Any) -> tuple[str, Any]:
    """``(field, object)`` for the nominee chosen, or a ``ValidationError``
    that says the same whether the object is missing, another municipality's
    or private."""
    missing = ValidationError(
        {
            "nominee": _(
                "Vælg en person, en organisation, et initiativ eller et fællesskab fra kommunen."
            )
        }
    )
    if kind not in KINDS:
        raise missing
    field = KINDS[kind][0]
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise missing from None
    found: Any
    if kind == "person":
        membership = people(municipality).filter(user_id=pk).first()
        found = membership.user if membership else None
    elif kind == "organisation":
        found = organisations(municipality).filter(pk=pk).first()
    elif kind == "initiative":
        found = initiatives(municipality).filter(pk=pk).first()
    else:
        found = communities(municipality).filter(pk=pk).first()
    if found is None:
        raise missing
    return field, found


SEARCH_LIMIT = 20


def search(*, municipality, kind: str, words: str) -> list[tuple[int, str]]:
    """Up to ``SEARCH_LIMIT`` nominees of ``kind`` whose name contains
    ``words``, alphabetically (the first ones when no words are given)."""
    rows: Any
    if kind == "organisation":
        rows = organisations(municipality).filter(name__icontains=words)
        rows = rows.order_by("name", "id").values_list("pk", "name")
    elif kind == "initiative":
        rows = initiatives(municipality).filter(title__icontains=words)
        rows = rows.order_by("title", "id").values_list("pk", "title")
    elif kind == "community":
        rows = communities(municipality).filter(name__icontains=words)
        rows = rows.order_by("name", "id").values_list("pk", "name")
    else:
        return []
    return list(rows[:SEARCH_LIMIT])
