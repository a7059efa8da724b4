"""Small query helpers for the paths every page takes."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, QuerySet

M = TypeVar("M", bound=Model)


def the_one(queryset: QuerySet[M]) -> M | None:
    """The single row of a lookup by a unique key (a slug, one membership per
    person and municipality), or ``None``.

    Unlike ``first()`` it asks for no order: any ``ORDER BY`` — the model's
    default, or the primary key that ``first()`` adds — makes Django hash every
    selected column while compiling (``SQLCompiler._order_by_pairs``), about a
    third of the compile time of a lookup with ``select_related``, and the
    model's default order may join other tables only to sort one row.
    """
    return next(iter(queryset.order_by()[:1]), None)
