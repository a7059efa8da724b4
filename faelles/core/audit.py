"""The one way services write to the audit log, and what each entry means.

Every app describes the audit verbs it uses in ``<app>/audit_verbs.py``:

``VERBS``
    ``{"budgeting.round_create": Verb(_("oprettede borgerbudgettet")), ...}``, the
    words the administration log shows after the person's name, and how the verb
    is recorded (:class:`Record`).
``TARGETS``
    ``{"budgeting.budgetround": Target(may_see), ...}``: the kinds of object the
    log may link to, each with a predicate ``(viewer, obj) -> bool`` saying
    whether the viewer may see that object (``None``: anyone who may read the
    log) and the relations the predicate reads. Objects of other kinds are named
    by their kind only — never by title, which could say more than the log
    should.

A test (``faelles/core/tests/test_audit_log.py``) fails when a verb used in the
code has no description. See ``docs/architecture.md`` ("Audit log") for why a
citizen's ordinary participation is not written at all.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, time
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol, cast

from django.apps import apps
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import module_has_submodule

from .models import AuditEntry

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from faelles.municipalities.models import Municipality

VERBS_MODULE = "audit_verbs"


class Record(enum.Enum):
    """How an action is kept in the audit log."""

    #: Administrative or state-changing: written with the person, shown to the
    #: municipality's administrators.
    SHOWN = "shown"
    #: Written with the person for the platform's own use (a rate limit, tracing
    #: an account takeover), never shown to anyone.
    HIDDEN = "hidden"
    #: A citizen's ordinary participation (sign-ups, joining, supports, pledges):
    #: not written. The participation itself is the record; a second, timed copy
    #: would only be more personal data to protect (GDPR art. 5(1)(c)).
    NOT_WRITTEN = "not_written"
    #: Counted per object and day, without the person and without the time of day
    #: (ballots: that votes were cast, never by whom or when exactly).
    DAILY = "daily"


@dataclass(frozen=True)
class Verb:
    """What an audit verb means: the log's words and how it is recorded.

    ``sentence`` follows the person's name ("Anna Jensen *skiftede fase i*
    Vi tør prioritere"); for :attr:`Record.DAILY` it may use ``%(count)s``.
    """

    sentence: StrOrPromise  # usually a lazy translation
    record: Record = Record.SHOWN

    @property
    def participation(self) -> bool:
        return self.record in (Record.NOT_WRITTEN, Record.DAILY)


@dataclass(frozen=True)
class Target:
    """A kind of object the log links to, and who may see one.

    An object of the kind has a page: the model defines ``get_absolute_url``.
    """

    may_see: Callable[[Any, models.Model], bool] | None = None
    #: Relations ``may_see`` reads, fetched with the objects (one query a kind).
    select_related: tuple[str, ...] = ()


class _HasPage(Protocol):
    def get_absolute_url(self) -> str: ...


def _app_modules() -> Iterable[Any]:
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, VERBS_MODULE):
            yield import_module(f"{config.name}.{VERBS_MODULE}")


@cache
def verbs() -> dict[str, Verb]:
    """Every described audit verb of every installed app."""
    found: dict[str, Verb] = {}
    for module in _app_modules():
        for action, verb in getattr(module, "VERBS", {}).items():
            if action in found:
                raise ValueError(f"audit verb {action!r} is described twice")
            found[action] = verb
    return found


@cache
def targets() -> dict[str, Target]:
    """The kinds of object the log links to, with who may see them."""
    found: dict[str, Target] = {}
    for module in _app_modules():
        found.update(getattr(module, "TARGETS", {}))
    return found


def verb_for(action: str) -> Verb:
    """The description of ``action``; an undescribed one is shown as its code."""
    return verbs().get(action) or Verb(sentence=action)


def audit(
    *,
    action: str,
    actor: Any = None,
    municipality: Municipality | None = None,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> AuditEntry | None:
    """Record an action as its verb says; ``None`` when it is not written.

    ``now`` (default: the present) is for services that take a time themselves,
    such as the demo's history.
    """
    now = now or timezone.now()
    record = verb_for(action).record
    if record is Record.NOT_WRITTEN:
        return None
    target_type = target._meta.label_lower if target is not None else ""
    target_id = str(target.pk) if target is not None else ""
    if record is Record.DAILY:
        return _count_day(action, municipality, target_type, target_id, now)
    return AuditEntry.objects.create(
        created_at=now,
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        municipality=municipality,
        target_type=target_type,
        target_id=target_id,
        data=data or {},
    )


def _count_day(
    action: str,
    municipality: Municipality | None,
    target_type: str,
    target_id: str,
    now: datetime,
) -> AuditEntry:
    """Add one to the day's count of ``action`` on the object (no person, no time).

    The row is dated to local midnight, so not even the first of the day's
    actions can be timed. Two first actions of a day at the same instant may make
    two rows for the day; their counts still add up.
    """
    midnight = timezone.make_aware(
        datetime.combine(timezone.localdate(now), time.min),
    )
    rows = AuditEntry.objects.filter(
        municipality=municipality,
        action=action,
        target_type=target_type,
        target_id=target_id,
        created_at=midnight,
    )
    entry = rows.order_by("id").first()
    if entry is not None:
        rows.filter(pk=entry.pk).update(count=F("count") + 1)
        entry.refresh_from_db(fields=["count"])
        return entry
    return AuditEntry.objects.create(
        municipality=municipality,
        action=action,
        target_type=target_type,
        target_id=target_id,
        created_at=midnight,
        count=1,
    )


def unshown_actions() -> list[str]:
    """Verbs the administration log never shows (rows written before the
    registry existed included)."""
    unshown = (Record.HIDDEN, Record.NOT_WRITTEN)
    return sorted(a for a, v in verbs().items() if v.record in unshown)


@dataclass
class LogRow:
    """One line of the administration log, ready to show."""

    entry: AuditEntry
    sentence: str
    target_name: str
    target_url: str
    dated_only: bool


def log_rows(
    entries: list[AuditEntry], *, viewer: Any, municipality: Municipality
) -> list[LogRow]:
    """Readable lines for a page of entries: one query per kind of object linked.

    An object is named and linked only when its kind is described in a
    ``TARGETS`` and the viewer may see it; otherwise only its kind is given.
    """
    wanted: dict[str, set[str]] = {}
    for entry in entries:
        if entry.target_type in targets():
            wanted.setdefault(entry.target_type, set()).add(entry.target_id)
    found: dict[tuple[str, str], models.Model] = {}
    for label, ids in wanted.items():
        model = apps.get_model(label)
        pks = _valid_pks(model, ids)
        qs = model._default_manager.filter(pk__in=pks).select_related(
            *targets()[label].select_related
        )
        if any(f.name == "municipality" for f in model._meta.fields):
            qs = qs.filter(municipality=municipality)
        for obj in qs:
            found[(label, str(obj.pk))] = obj
    rows = []
    for entry in entries:
        verb = verb_for(entry.action)
        sentence = str(verb.sentence)
        if "%(count)" in sentence:
            sentence = sentence % {"count": entry.count}
        obj = found.get((entry.target_type, entry.target_id))
        name, url = "", ""
        if obj is not None and _may_see(viewer, entry.target_type, obj):
            # Every kind in a TARGETS has a page (see ``Target``).
            name, url = str(obj), cast(_HasPage, obj).get_absolute_url()
        elif entry.target_type:
            name = _kind_name(entry.target_type)
        rows.append(
            LogRow(
                entry=entry,
                sentence=sentence[:1].upper() + sentence[1:],
                target_name=name,
                target_url=url,
                dated_only=verb.record is Record.DAILY,
            )
        )
    return rows


def _may_see(viewer: Any, label: str, obj: models.Model) -> bool:
    may_see = targets()[label].may_see
    return may_see is None or may_see(viewer, obj)


def _valid_pks(model: type[models.Model], ids: set[str]) -> list[Any]:
    """The ids that are valid for the model's primary key (others are dropped)."""
    field = model._meta.pk
    valid = []
    for value in ids:
        try:
            valid.append(field.to_python(value))
        except Exception:  # noqa: BLE001, S112 - a stale or foreign id links nothing
            continue
    return valid


def _kind_name(label: str) -> str:
    try:
        return str(apps.get_model(label)._meta.verbose_name)
    except LookupError:
        return ""
