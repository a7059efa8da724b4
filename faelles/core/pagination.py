"""Keyset pagination: constant-time pages however deep the list goes."""

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from faelles.core.params import parse_id


@dataclass
class KeysetPage:
    items: list[Any]
    next_cursor: int | None
    has_previous: bool


def keyset_page(
    queryset: QuerySet[Any], *, after: str | None, per_page: int = 25, field: str = "id"
) -> KeysetPage:
    """Page a queryset ordered by descending ``field`` (a unique integer).

    ``after`` is the last id of the previous page, as given in the URL; anything
    that is not a positive integer starts from the top instead of failing.
    """
    cursor = parse_id(after)
    qs = queryset.order_by(f"-{field}")
    if cursor is not None:
        qs = qs.filter(**{f"{field}__lt": cursor})
    items = list(qs[: per_page + 1])
    more = len(items) > per_page
    items = items[:per_page]
    next_cursor = getattr(items[-1], field) if more and items else None
    return KeysetPage(
        items=items, next_cursor=next_cursor, has_previous=cursor is not None
    )
