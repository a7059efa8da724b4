"""Scoped lookups: the only way views fetch tenant-owned objects.

"Missing" and "belongs to another municipality" are answered the same way, 404,
so an id never reveals that an object exists elsewhere.
"""

from typing import Any

from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse


def scoped(queryset_or_model, municipality) -> QuerySet:
    qs = (
        queryset_or_model._default_manager.all()
        if isinstance(queryset_or_model, type) and issubclass(queryset_or_model, Model)
        else queryset_or_model
    )
    return qs.filter(municipality=municipality)


def get_scoped_or_404(queryset_or_model: Any, municipality: Any, **lookup: Any) -> Any:
    if municipality is None:
        raise Http404
    return get_object_or_404(scoped(queryset_or_model, municipality), **lookup)


def tenant_reverse(viewname: str, municipality, **kwargs) -> str:
    """Reverse a tenant URL; ``municipality`` may be an object, a slug or an id."""
    if isinstance(municipality, str):
        slug = municipality
    elif isinstance(municipality, int):
        slug = slug_for(municipality)
    else:
        slug = municipality.slug
    return reverse(viewname, kwargs={"municipality_slug": slug, **kwargs})


_slug_cache: dict[int, str] = {}


def slug_for(municipality_id: int) -> str:
    """The slug of a municipality by id, without a query after the first time.

    Used by ``get_absolute_url`` of tenant-owned models, so lists do not load the
    municipality row once per item. Cleared whenever a municipality is saved.
    """
    if municipality_id not in _slug_cache:
        from .models import Municipality

        _slug_cache[municipality_id] = Municipality.objects.values_list(
            "slug", flat=True
        ).get(pk=municipality_id)
    return _slug_cache[municipality_id]


def clear_slug_cache(**kwargs) -> None:
    _slug_cache.clear()
