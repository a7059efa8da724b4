from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

from django.db.models import Count, QuerySet

from faelles.accounts.selectors import membership_for

from .models import Organisation, OrganisationMember


def organisation_list(
    *, municipality, kind: str = "", query: str = ""
) -> QuerySet[Organisation]:
    qs = Organisation.objects.for_municipality(municipality)
    qs = qs.filter(kind=kind) if kind in Organisation.Kind.values else qs.civil()
    if query:
        qs = qs.filter(name__icontains=query)
    return qs.order_by("name", "id")


def with_member_counts(organisations) -> list[Organisation]:
    """Member counts for one page of organisations, in one grouped query."""
    organisations = list(organisations)
    counts = dict(
        OrganisationMember.objects.filter(
            organisation__in=[o.pk for o in organisations]
        )
        .values_list("organisation")
        .annotate(n=Count("id"))
    )
    for organisation in organisations:
        organisation.member_count = counts.get(organisation.pk, 0)
    return organisations


def organisations_acting_as(user, municipality) -> QuerySet[Organisation]:
    """Organisations the user may act on behalf of in this municipality."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.for_municipality(municipality).filter(
        members__user=user
    )


def acting_organisation(request):
    """The organisation the person currently acts for, if they still may.

    Looked up at most once per request (the header shows it on every page); no
    query at all unless the person chose to act for an organisation.
    """
    if not hasattr(request, "_acting_organisation"):
        org_id = (
            request.session.get(f"acting_as:{request.municipality.pk}")
            if getattr(request, "municipality", None)
            else None
        )
        request._acting_organisation = (
            organisations_acting_as(request.user, request.municipality)
            .filter(pk=org_id)
            .first()
            if org_id
            else None
        )
    return request._acting_organisation


# --- the municipality's departments as a tree (forvaltning → afdeling → enhed) ---


_READ_ONCE = "_departments_read_once"


@contextmanager
def departments_read_once(municipality) -> Iterator[None]:
    """Within the block, the departments of ``municipality`` (this object) are
    read from the database at most once: :func:`department_tree`,
    :func:`department_rows` and :func:`departments_led_by` share one query.

    For one request's view (the leaders' page asks for the tree in the page, in
    the goals and in the pulse): departments change, so the memo is dropped
    when the block ends and never outlives the request.
    """
    if hasattr(municipality, _READ_ONCE):  # already inside a block
        yield
        return
    setattr(municipality, _READ_ONCE, None)
    try:
        yield
    finally:
        delattr(municipality, _READ_ONCE)


def department_rows(municipality) -> list[tuple[int, int | None, str, str]]:
    """Every department of the municipality as ``(id, parent id, name, slug)``,
    by name (the results of a pulse round depend on the order); one query (once inside
    :func:`departments_read_once`). A municipality has at most a few hundred."""
    rows = getattr(municipality, _READ_ONCE, None)
    if rows is None:
        rows = list(
            Organisation.objects.filter(
                municipality=municipality, kind=Organisation.Kind.DEPARTMENT
            ).values_list("pk", "parent_id", "name", "slug")
        )
        if hasattr(municipality, _READ_ONCE):
            setattr(municipality, _READ_ONCE, rows)
    return rows


def department_tree(municipality) -> dict[int, int | None]:
    """Every department of the municipality: id → the id of the one it sits under.

    One query (none more inside :func:`departments_read_once`).
    """
    return {pk: parent for pk, parent, _name, _slug in department_rows(municipality)}


def covers_every_department(municipality, departments: set[int]) -> bool:
    """Whether ``departments`` is every department of the municipality (an
    administrator's leaders' page), so a read may filter by the municipality
    instead of sending hundreds of ids."""
    rows = department_rows(municipality)
    return len(departments) >= len(rows) and departments.issuperset(
        pk for pk, *_rest in rows
    )


def in_departments(municipality, departments: set[int]) -> Any:
    """The value for a ``department__in=`` filter: the ids, or, when they are
    every department of the municipality, a subquery of them (the same rows,
    without a list of hundreds of ids to build, send and parse)."""
    if covers_every_department(municipality, departments):
        return Organisation.objects.filter(
            municipality=municipality, kind=Organisation.Kind.DEPARTMENT
        ).values("pk")
    return departments


def descendants(tree: dict[int, int | None], root: int) -> set[int]:
    """``root`` and every department under it, at any depth, in ``tree``."""
    children: dict[int | None, list[int]] = {}
    for pk, parent in tree.items():
        children.setdefault(parent, []).append(pk)
    found, stack = set(), [root]
    while stack:
        pk = stack.pop()
        if pk in found:
            continue
        found.add(pk)
        stack.extend(children.get(pk, ()))
    return found


def unit_ids_under(department: Organisation) -> set[int]:
    """The department itself and every unit under it."""
    return descendants(department_tree(department.municipality), department.pk)


def departments_led_by(user, municipality) -> set[int]:
    """The departments a leader leads: their own and every unit under it.

    Empty for anyone who is not a leader (an employee with ``is_leader``) here.
    """
    membership = membership_for(user, municipality)
    if (
        membership is None
        or not membership.is_employee
        or not membership.is_leader
        or membership.department_id is None
    ):
        return set()
    return descendants(department_tree(municipality), membership.department_id)


class _Node(Protocol):
    pk: Any
    name: str
    parent_id: int | None


N = TypeVar("N", bound=_Node)


def as_tree(departments: Iterable[N]) -> list[N]:
    """Departments in tree order (each followed by its units, by name), each with
    ``depth`` (0 at the top). Units whose parent is not among ``departments`` are
    shown at the top level."""
    departments = sorted(departments, key=lambda d: (d.name.lower(), d.pk))
    present = {d.pk for d in departments}
    children: dict[int | None, list[N]] = {}
    for d in departments:
        parent = d.parent_id if d.parent_id in present else None
        children.setdefault(parent, []).append(d)
    ordered: list[N] = []

    def walk(parent: int | None, depth: int) -> None:
        for d in children.get(parent, ()):
            d.depth = depth  # type: ignore[attr-defined]  # shown by the template
            ordered.append(d)
            walk(d.pk, depth + 1)

    walk(None, 0)
    return ordered
