"""The prøvehandling lifecycle as a small explicit state machine.

idea → preparing → trying → evaluating → anchored / stopped / repeated
(repeated → preparing starts a new round). The proposer may withdraw while the
initiative is not yet evaluated; the municipality (facilitator, team, employees,
administrators) moves it forward or stops it. Politicians, moderators and other
citizens move nothing — they support, join and comment.

This module holds plain data and pure functions; ``services.initiative_transition``
applies them inside a transaction with the audit trail.
"""

from dataclasses import dataclass
from enum import Enum

from .models import State


class Actor(Enum):
    MUNICIPALITY = "municipality"  # facilitator, team, employees, administrators
    PROPOSER = "proposer"


@dataclass(frozen=True)
class Step:
    source: str
    target: str
    by: Actor
    # name of a precondition checked by services (see CHECKS there)
    requires: str = ""


STEPS: tuple[Step, ...] = (
    Step(State.IDEA, State.PREPARING, Actor.MUNICIPALITY),
    Step(State.IDEA, State.STOPPED, Actor.MUNICIPALITY),
    Step(State.IDEA, State.WITHDRAWN, Actor.PROPOSER),
    Step(State.PREPARING, State.TRYING, Actor.MUNICIPALITY, requires="trial_planned"),
    Step(State.PREPARING, State.STOPPED, Actor.MUNICIPALITY),
    Step(State.PREPARING, State.WITHDRAWN, Actor.PROPOSER),
    Step(State.TRYING, State.EVALUATING, Actor.MUNICIPALITY),
    Step(State.TRYING, State.WITHDRAWN, Actor.PROPOSER),
    Step(State.EVALUATING, State.ANCHORED, Actor.MUNICIPALITY, requires="evaluated"),
    Step(State.EVALUATING, State.STOPPED, Actor.MUNICIPALITY, requires="evaluated"),
    Step(State.EVALUATING, State.REPEATED, Actor.MUNICIPALITY, requires="evaluated"),
    Step(State.REPEATED, State.PREPARING, Actor.MUNICIPALITY),
)

_BY_PAIR = {(s.source, s.target): s for s in STEPS}

FINAL_STATES = frozenset({State.ANCHORED, State.STOPPED, State.WITHDRAWN})
# States in which a trial exists and may be shown.
TRIAL_STATES = frozenset(
    {State.TRYING, State.EVALUATING, State.ANCHORED, State.STOPPED, State.REPEATED}
)


def step_for(source: str, target: str) -> Step | None:
    return _BY_PAIR.get((source, target))


def allowed_targets(source: str, actors: set[Actor]) -> list[str]:
    """Targets reachable from ``source`` by someone who acts as any of ``actors``."""
    return [s.target for s in STEPS if s.source == source and s.by in actors]
