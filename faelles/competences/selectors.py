"""Reads of the competence directory; each takes the municipality.

A profile is listed only while its owner is an employee of the municipality
with an active account, and only with what they share.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    When,
    Window,
)

from faelles.accounts.models import Membership
from faelles.core.queries import the_one
from faelles.organisations.models import Organisation
from faelles.organisations.selectors import department_tree, descendants

from .models import Profile, ProfileTerm, Question, QuestionStatus
from .search import query_terms

PER_PAGE = 20


def _employees(municipality) -> QuerySet[Membership]:
    return Membership.objects.filter(
        municipality=municipality, is_employee=True, user__is_active=True
    )


def _listed(
    municipality,
    *,
    departments: set[int] | None = None,
    language: str = "",
    via: str = "",
) -> list[Any]:
    """The conditions for a listed profile (see :func:`listed_profiles`), for a
    query of profiles (``via=""``) or of rows that point at one
    (``via="profile__"``).

    Whether the owner is an active employee here is the profile's ``listed``
    column, kept by database triggers (``listing.py``): one column of the
    profile, where joining every account and membership misled PostgreSQL's
    planner in a database shared with other municipalities. A department filter
    still looks up the membership, within the partial index of employees'
    memberships (accounts' ``membership_employee_users``).
    """
    conditions: list[Any] = [Q(**{f"{via}listed": True})]
    if departments is not None:
        conditions.append(
            Exists(
                Membership.objects.filter(
                    municipality=municipality,
                    is_employee=True,
                    user=OuterRef(f"{via}user"),
                    department_id__in=departments,
                )
            )
        )
    if via:
        conditions.append(Q(**{f"{via}municipality": municipality}))
    if language:
        conditions.append(
            Exists(
                ProfileTerm.objects.filter(
                    profile=OuterRef("profile_id" if via else "pk"),
                    term=f"l:{language}",
                )
            )
        )
    return conditions


def listed_profiles(
    *, municipality, departments: set[int] | None = None, language: str = ""
) -> QuerySet[Profile]:
    """Profiles others may find: the owner is an employee here with an active
    account and shares something (the ``listed`` column; given ``departments``,
    works in one of them; given ``language``, speaks it)."""
    return Profile.objects.filter(municipality=municipality).filter(
        *_listed(municipality, departments=departments, language=language)
    )


def own_profile(*, municipality, user) -> Profile | None:
    return the_one(Profile.objects.filter(municipality=municipality, user=user))


def departments(*, municipality) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        municipality=municipality, kind=Organisation.Kind.DEPARTMENT
    ).order_by("name")


@dataclass
class Hit:
    profile: Profile
    membership: Membership | None
    score: int


@dataclass
class Results:
    hits: list[Hit]
    total: int
    page: int
    pages: int
    searched: bool  # a text was searched for (and had words that count)
    empty_query: bool  # a text was given, but only of stop words


def search(
    *,
    municipality,
    text: str = "",
    department: Organisation | None = None,
    language: str = "",
    page: int = 1,
    per_page: int = PER_PAGE,
) -> Results:
    """The profiles matching ``text`` (best first) and the filters, one page.

    Ranked in the database from the indexed terms: a word of the search counts
    twice, a concept once. Three queries whatever the municipality's size: the
    page of ids with the number of hits (without a text: the page of ids, then
    their number), the profiles, their memberships (and the count again only
    for a page past the last).
    """
    units = None
    if department is not None:
        units = descendants(department_tree(municipality), department.pk)
    profiles = listed_profiles(
        municipality=municipality, departments=units, language=language
    )
    weights = query_terms(text) if text.strip() else {}
    empty_query = bool(text.strip()) and not weights
    if empty_query:
        return Results([], 0, 1, 1, searched=False, empty_query=True)
    ranked: QuerySet[Any, Any]
    if weights:
        by_weight: dict[int, list[str]] = {}
        for term, weight in weights.items():
            by_weight.setdefault(weight, []).append(term)
        score = Sum(
            Case(
                *(When(term__in=terms, then=w) for w, terms in by_weight.items()),
                default=0,
                output_field=IntegerField(),
            )
        )
        ranked = (
            ProfileTerm.objects.filter(
                municipality=municipality, term__in=list(weights)
            )
            .filter(
                *_listed(
                    municipality,
                    departments=units,
                    language=language,
                    via="profile__",
                )
            )
            .values("profile_id")
            .annotate(score=score)
            .order_by("-score", "profile_id")
        )
        # The page and the number of hits in one query (``COUNT(*) OVER ()``):
        # ranking the profiles that have the words is the main cost, done once.
        ranked = ranked.annotate(total=Window(Count("*")))
    else:
        # Everyone, by name: the page straight from the index of listed profiles
        # in name order (``owner_name``, kept by triggers), and the number from
        # the same index; no account is joined and nothing is sorted.
        ranked = profiles.values("pk").order_by("owner_name", "pk")
    page = max(page, 1)
    rows: list[Any] = list(ranked[(page - 1) * per_page : page * per_page])
    if weights:
        total = rows[0]["total"] if rows else 0
    elif page == 1 and len(rows) < per_page:
        total = len(rows)  # all of them fit on the first page
    else:
        total = profiles.count()
    if not rows and page > 1:  # past the last page: show the last one
        if weights:
            total = ranked.count()
        page = max(1, -(-total // per_page))
        rows = list(ranked[(page - 1) * per_page : page * per_page])
    pages = max(1, -(-total // per_page))
    ids = [r["profile_id"] if weights else r["pk"] for r in rows]
    scores = {r["profile_id"]: r["score"] for r in rows} if weights else {}
    by_id = Profile.objects.select_related("user").in_bulk(ids)
    for profile in by_id.values():
        profile.municipality = municipality  # for its URL, without a query each
    memberships = {
        m.user_id: m
        for m in _employees(municipality)
        .filter(user_id__in=[p.user_id for p in by_id.values()])
        .select_related("department")
        .order_by()  # a lookup table: the model's order would join and sort
    }
    hits = [
        Hit(by_id[pk], memberships.get(by_id[pk].user_id), scores.get(pk, 0))
        for pk in ids
        if pk in by_id
    ]
    return Results(hits, total, page, pages, searched=bool(weights), empty_query=False)


def membership_of(*, municipality, user) -> Membership | None:
    return the_one(
        _employees(municipality).filter(user=user).select_related("department")
    )


def is_listed(profile: Profile) -> bool:
    """Whether others may open this profile: its owner is still an employee of
    its municipality."""
    return _employees(profile.municipality).filter(user_id=profile.user_id).exists()


def questions_to(*, municipality, user) -> QuerySet[Question]:
    """Every question this person was asked, or was among those asked."""
    return (
        Question.objects.filter(municipality=municipality)
        .filter(Q(recipient=user) | Q(invited=user))
        .distinct()
        .select_related("asker", "recipient", "answered_by")
    )


def questions_from(*, municipality, user) -> QuerySet[Question]:
    return Question.objects.filter(
        municipality=municipality, asker=user
    ).select_related("recipient", "answered_by")


def open_count_from(*, municipality, user) -> int:
    return Question.objects.filter(
        municipality=municipality, asker=user, status=QuestionStatus.OPEN
    ).count()
