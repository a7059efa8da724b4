"""Phases: what an object that moves through steps permits now (docs/phases.md).

A budget round, a hearing, a task committee each go through an ordered sequence
of phases. A :class:`Phase` declares its key, its (translatable) name, the named
actions it permits (``"proposals"``, ``"vote"``, ``"results"`` …) and how its
start and end dates are read from the object. An app declares its
:class:`PhaseSequence` once and registers it for its model::

    register("budgeting.BudgetRound", ROUND_PHASES)

Rules then ask what the current phase permits, never which phase it is:
``phase_permits("vote")`` is a django-rules predicate. Like the other registries
in core, this module never imports a feature app.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import rules
from django.utils import timezone
from django.utils.functional import Promise

DateReader = str | Callable[[Any], datetime | None] | None


class UnknownPhase(LookupError):
    """A key that is not in the sequence (a typo, or a stale value in the database)."""


class UnknownAction(LookupError):
    """An action that no phase of the sequence permits (most likely a typo)."""


def _read(reader: DateReader, obj: Any) -> datetime | None:
    if reader is None:
        return None
    value: datetime | None = (
        getattr(obj, reader) if isinstance(reader, str) else reader(obj)
    )
    return value


@dataclass(frozen=True)
class Phase:
    """One step. ``permits`` hold while the phase is current; ``within_dates``
    only between its start and end as well (an unset start or end leaves that
    side open, unless ``needs_dates``)."""

    key: str
    name: str | Promise
    # Any collection of action names; stored as a frozenset.
    permits: Collection[str] = field(default_factory=frozenset)
    within_dates: Collection[str] = field(default_factory=frozenset)
    start: DateReader = None
    end: DateReader = None
    needs_dates: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", str(self.key))
        object.__setattr__(self, "permits", frozenset(self.permits))
        object.__setattr__(self, "within_dates", frozenset(self.within_dates))

    @property
    def actions(self) -> frozenset[str]:
        """Everything the phase may permit, dates aside (for lists and badges)."""
        return frozenset(self.permits) | frozenset(self.within_dates)

    def allows(self, action: str) -> bool:
        return action in self.actions

    def start_of(self, obj: Any) -> datetime | None:
        return _read(self.start, obj)

    def end_of(self, obj: Any) -> datetime | None:
        return _read(self.end, obj)

    def is_open(self, obj: Any, now: datetime) -> bool:
        """Whether ``now`` lies between the phase's dates on ``obj`` (end exclusive)."""
        start, end = self.start_of(obj), self.end_of(obj)
        if self.needs_dates and (start is None or end is None):
            return False
        return (start is None or start <= now) and (end is None or now < end)

    def __str__(self) -> str:
        return str(self.name)


class PhaseSequence:
    """The ordered phases of one kind of object.

    With ``field`` the current phase is the key stored on the object (staff move
    it on; the dates only open and close what the phase permits within them).
    Without it the dates decide: the current phase is the last one whose
    window holds the time, and none before the first start.
    """

    def __init__(self, *phases: Phase, field: str | None = None) -> None:
        keys = [p.key for p in phases]
        if not phases or len(set(keys)) != len(keys):
            raise ValueError(f"a phase sequence needs distinct keys, got {keys}")
        if field is None and any(p.start is None for p in phases):
            raise ValueError("phases read from dates each need a start date")
        self.phases = tuple(phases)
        self.field = field
        self._index = {key: i for i, key in enumerate(keys)}

    def __iter__(self) -> Iterator[Phase]:
        return iter(self.phases)

    def __len__(self) -> int:
        return len(self.phases)

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __getitem__(self, key: str) -> Phase:
        return self.phases[self.index(key)]

    def index(self, key: str) -> int:
        try:
            return self._index[key]
        except KeyError:
            raise UnknownPhase(
                f"unknown phase {key!r}; the phases are {', '.join(self._index)}"
            ) from None

    @property
    def choices(self) -> list[tuple[str, str | Promise]]:
        """For the model field that stores the key."""
        return [(p.key, p.name) for p in self.phases]

    def current(self, obj: Any, *, now: datetime | None = None) -> Phase | None:
        if self.field is not None:
            return self[getattr(obj, self.field)]
        now = now or timezone.now()
        current = None
        for phase in self.phases:
            if phase.start_of(obj) is not None and phase.is_open(obj, now):
                current = phase
        return current

    def next(self, obj: Any, *, now: datetime | None = None) -> Phase | None:
        """The phase after the current one (before the first: the first to come)."""
        now = now or timezone.now()
        current = self.current(obj, now=now)
        if current is not None:
            i = self._index[current.key] + 1
            return self.phases[i] if i < len(self.phases) else None
        for phase in self.phases:
            start = phase.start_of(obj)
            if start is not None and start > now:
                return phase
        return None

    def _check(self, actions: Iterable[str]) -> None:
        known = frozenset().union(*(p.actions for p in self.phases))
        unknown = sorted(set(actions) - known)
        if unknown:
            raise UnknownAction(
                f"no phase permits {', '.join(unknown)}; "
                f"known actions: {', '.join(sorted(known))}"
            )

    def permits(self, obj: Any, action: str, *, now: datetime | None = None) -> bool:
        """Whether the current phase of ``obj`` permits ``action`` at ``now``."""
        self._check([action])
        now = now or timezone.now()
        phase = self.current(obj, now=now)
        if phase is None:
            return False
        if action in phase.permits:
            return True
        return action in phase.within_dates and phase.is_open(obj, now)

    def keys_permitting(self, *actions: str) -> list[str]:
        """Keys of the phases that permit any of ``actions`` (for queryset filters)."""
        self._check(actions)
        return [p.key for p in self.phases if p.actions & set(actions)]


_sequences: dict[str, PhaseSequence] = {}


def register(model_label: str, sequence: PhaseSequence) -> None:
    """Give ``"app.Model"`` its phases (once; the app that owns the model does it)."""
    registered = _sequences.setdefault(model_label, sequence)
    if registered is not sequence:
        raise ValueError(f"{model_label} already has a phase sequence")


def sequence_for(obj: Any) -> PhaseSequence:
    label = obj._meta.label
    try:
        return _sequences[label]
    except KeyError:
        raise LookupError(f"{label} has no registered phase sequence") from None


def current_phase(obj: Any, *, now: datetime | None = None) -> Phase | None:
    return sequence_for(obj).current(obj, now=now)


def next_phase(obj: Any, *, now: datetime | None = None) -> Phase | None:
    return sequence_for(obj).next(obj, now=now)


def permits(obj: Any, action: str, *, now: datetime | None = None) -> bool:
    return sequence_for(obj).permits(obj, action, now=now)


def phase_permits(
    action: str, *, of: Callable[[Any], Any] | None = None
) -> rules.Predicate:
    """A django-rules predicate: does the current phase of the target (or of
    ``of(target)``, e.g. a project's round) permit ``action`` now?"""

    def predicate(user: Any, target: Any) -> bool:
        obj = of(target) if of is not None and target is not None else target
        return obj is not None and permits(obj, action)

    made: rules.Predicate = rules.predicate(  # type: ignore[no-untyped-call]
        predicate, name=f"phase_permits_{action}"
    )
    return made
