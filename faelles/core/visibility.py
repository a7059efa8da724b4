"""What belongs to a private space is exactly as visible as the space.

A *private parent* is a model some of whose rows are hidden from some people —
an invitation-only community, and a staff-only space ("Kun for medarbejdere": a
community, an event or an initiative only the municipality's staff may see,
docs/staff-only.md). The app that owns it registers it once, in
``AppConfig.ready()``::

    register_private_parent(
        "communities.Community",
        hidden=hidden_communities,          # (user, municipality) -> QuerySet
        perm="communities.view_community",  # the rule for one row
    )

``hidden(user, municipality)`` returns the parent rows the person may *not* see
(few: the invitation-only groups they are not in), so filtering children by it is
one small ``NOT IN`` subquery. Everything that hangs off a private parent — events,
stories, anything with a foreign key to it — derives its visibility from here:

* ``visible_q(Model, user, municipality)``: the ``Q`` that keeps rows of any model
  whose foreign keys to private parents point at visible rows or at nothing. Each
  child QuerySet exposes it as ``visible_to(user, municipality)``.
* ``hidden_under(queryset, user, municipality)``: the rows hidden *because of*
  a parent — for a private parent that is itself a child (a staff-only event of
  an invitation-only community), its ``hidden`` is its own hidden rows plus these,
  so what hangs off it follows the whole chain.
* ``parents_visible``: the django-rules predicate for one row (detail pages, feeds
  of one object, actions).
* ``private_links(Model)``: the foreign keys concerned; ``tests/test_visibility.py``
  walks them and requires a registered case for every such model.

Foundation code (core) never imports a feature app: the registry is filled by the
apps themselves.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

import rules
from django.apps import apps
from django.db import models
from django.db.models import Q


@dataclass(frozen=True)
class PrivateParent:
    label: str  # "app_label.modelname", lower case as Django spells it
    hidden: Callable[..., models.QuerySet[Any]]
    perm: str


PARENTS: dict[str, PrivateParent] = {}

_QS = TypeVar("_QS", bound=models.QuerySet[Any])
_F = TypeVar("_F", bound=Callable[..., Any])


def register_private_parent(
    label: str, *, hidden: Callable[..., models.QuerySet[Any]], perm: str
) -> None:
    label = label.lower()
    PARENTS[label] = PrivateParent(label=label, hidden=hidden, perm=perm)


def private_links(model: type[models.Model]) -> list[models.ForeignKey[Any, Any]]:
    """The model's foreign keys (and one-to-ones) to a registered private parent."""
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, models.ForeignKey)
        and field.related_model is not None
        and field.related_model._meta.label_lower in PARENTS
    ]


def child_models() -> list[type[models.Model]]:
    """Every installed model that belongs to a possibly private parent."""
    return [model for model in apps.get_models() if private_links(model)]


def visible_q(
    model: type[models.Model], user: Any, municipality: Any, *, prefix: str = ""
) -> Q:
    """Rows of ``model`` whose private parents ``user`` may see.

    ``prefix`` (``"event__"``) applies the rule to a model reached through a
    relation, e.g. registrations of visible events.
    """
    condition = Q()
    for field in private_links(model):
        hidden = PARENTS[field.related_model._meta.label_lower].hidden(
            user, municipality
        )
        name = prefix + field.name
        condition &= Q(**{f"{name}__isnull": True}) | ~Q(
            **{f"{name}__in": hidden.values("pk")}
        )
    return condition


def hidden_under(queryset: _QS, user: Any, municipality: Any) -> _QS:
    """``queryset`` limited to rows that point at a parent ``user`` may not see
    (the complement of ``visible_children`` without the NULL pitfalls of
    negating it)."""
    condition: Q | None = None
    for field in private_links(queryset.model):
        hidden = PARENTS[field.related_model._meta.label_lower].hidden(
            user, municipality
        )
        part = Q(**{f"{field.name}__in": hidden.values("pk")})
        condition = part if condition is None else condition | part
    return queryset.none() if condition is None else queryset.filter(condition)


def visible_children(queryset: _QS, user: Any, municipality: Any) -> _QS:
    """``queryset`` limited to rows whose private parents ``user`` may see."""
    return queryset.filter(visible_q(queryset.model, user, municipality))


def visible_rows(queryset: _QS, user: Any, municipality: Any) -> _QS:
    """``queryset`` limited to rows ``user`` may see: rows of a private parent
    that are not hidden themselves, and none of whose parents is hidden."""
    queryset = visible_children(queryset, user, municipality)
    parent = PARENTS.get(queryset.model._meta.label_lower)
    if parent is not None:
        queryset = queryset.exclude(
            pk__in=parent.hidden(user, municipality).values("pk")
        )
    return queryset


@rules.predicate  # type: ignore[untyped-decorator]  # rules.predicate is unannotated
def parents_visible(user: Any, obj: models.Model | None) -> bool:
    """One row: every private parent it points at is visible to the person."""
    if obj is None:
        return True
    for field in private_links(type(obj)):
        if getattr(obj, field.attname) is None:
            continue
        parent = getattr(obj, field.name)
        if not user.has_perm(
            PARENTS[field.related_model._meta.label_lower].perm, parent
        ):
            return False
    return True


@rules.predicate  # type: ignore[untyped-decorator]  # rules.predicate is unannotated
def is_staff_only(user: Any, obj: models.Model | None) -> bool:
    """A staff-only space (``staff_only``: a community, an event, an initiative);
    each app composes it with its staff predicate (docs/staff-only.md)."""
    return bool(getattr(obj, "staff_only", False))


# --- registry for the generated test (tests/test_visibility.py) ----------------


@dataclass(frozen=True)
class Look:
    """One place where a child of a private parent could show.

    ``shows`` is text that reveals the child on a list, feed or export page; when
    it is empty the URL is the child's own (a detail page, a feed or an action of
    one object) and people who may not see the parent get a 404. ``members_see``
    is False where even insiders do not see the child — a page or export that
    holds only what anyone may see — or where an insider's answer is not about
    visibility at all; ``outsiders_see`` is True only for a personal address whose
    secret is the credential (an insider's calendar feed).
    """

    url: str
    shows: str = ""
    method: str = "get"
    members_see: bool = True
    outsiders_see: bool = False


@dataclass(frozen=True)
class ChildCase:
    """How to put a child under a private parent and where to look for it.

    ``make(parent, field, *, insider, outsider)`` attaches a new child to
    ``parent`` through the foreign key ``field`` and returns its ``Look``s.
    ``views`` are the view modules that show such children: every tenant URL
    they serve must be looked at by some case or be named in ``not_shown`` with
    the reason, so a new list, feed or export cannot be forgotten.
    """

    label: str
    make: Callable[..., list[Look]]
    views: tuple[str, ...] = ()
    not_shown: dict[str, str] | None = None


@dataclass(frozen=True)
class ParentCase:
    """One kind of hidden row of a private parent (a model may have several: an
    invitation-only community, a staff-only community). ``staff_see``: the
    municipality's employees and administrators see it (a staff-only space), so
    the generated test does not count an employee as an outsider."""

    name: str
    make: Callable[..., Any]
    staff_see: bool = False


PARENT_CASES: dict[str, dict[str, ParentCase]] = {}
CHILD_CASES: dict[str, ChildCase] = {}


def private_parent_case(
    label: str, *, name: str = "", staff_see: bool = False
) -> Callable[[_F], _F]:
    """``make(municipality) -> (parent, insider)``: a row hidden from outsiders
    and a person (not an administrator) who may see it. ``name`` tells several
    kinds of hidden row of one model apart (the function's name by default)."""

    def register(func: _F) -> _F:
        case = ParentCase(name=name or func.__name__, make=func, staff_see=staff_see)
        PARENT_CASES.setdefault(label.lower(), {})[case.name] = case
        return func

    return register


def visibility_case(
    label: str,
    *,
    views: Iterable[str] = (),
    not_shown: dict[str, str] | None = None,
) -> Callable[[_F], _F]:
    def register(func: _F) -> _F:
        CHILD_CASES[label.lower()] = ChildCase(
            label=label.lower(),
            make=func,
            views=tuple(views),
            not_shown=dict(not_shown or {}),
        )
        return func

    return register
