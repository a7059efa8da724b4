"""Writes shared by every app: the one way an edit form's fields reach a row, and
the guard that a service is given only the fields it may write."""

from __future__ import annotations

import copy
from collections.abc import Callable, Collection, Mapping
from typing import Any, TypeVar

from django.db import models, transaction

from .audit import audit

M = TypeVar("M", bound=models.Model)


def check_fields(
    fields: Collection[str], allowed: Collection[str], *, what: str = "fields"
) -> None:
    """A caller's mistake, not the user's: a field the service does not write."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"unknown {what}: {sorted(unknown)}")


@transaction.atomic
def model_update(
    instance: M,
    *,
    fields: Mapping[str, Any],
    actor: Any,
    action: str,
    before_save: Callable[[M, dict[str, Any]], None] | None = None,
) -> M:
    """Lock ``instance``'s row, assign ``fields``, validate, save and audit.

    ``before_save(locked, old)`` runs after the assignment and before
    ``full_clean``, with ``old`` the values the given fields had: it may raise
    ``ValidationError`` (nothing is saved) or set derived fields. Only changed
    columns (and ``auto_now`` ones) are written. Returns the locked, saved copy;
    the ``instance`` passed in is left as it was.
    """
    model = type(instance)
    locked = model._default_manager.select_for_update().get(pk=instance.pk)
    columns = [f for f in model._meta.concrete_fields if not f.primary_key]
    snapshot = {f.attname: copy.deepcopy(getattr(locked, f.attname)) for f in columns}
    old = {name: getattr(locked, name) for name in fields}
    for name, value in fields.items():
        setattr(locked, name, value)
    if before_save is not None:
        before_save(locked, old)
    locked.full_clean()
    written = {model._meta.get_field(name).name for name in fields}
    written |= {
        f.name
        for f in columns
        if getattr(f, "auto_now", False)
        or getattr(locked, f.attname) != snapshot[f.attname]
    }
    locked.save(update_fields=sorted(written))
    audit(
        action=action,
        actor=actor,
        municipality=getattr(locked, "municipality", None),
        target=locked,
        data={"fields": sorted(fields)},
    )
    return locked
