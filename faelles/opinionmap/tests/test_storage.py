"""MapState survives JSON: an update continued from the stored state is the same as
one continued from the state itself."""

import json

import numpy as np
import pytest

from faelles.opinionmap import VoteMatrix, update
from faelles.opinionmap.storage import state_from_json, state_to_json

pytestmark = pytest.mark.engine


def _matrix(seed: int) -> VoteMatrix:
    rng = np.random.default_rng(seed)
    camp = np.arange(60) % 3
    stance = rng.choice([-1, 1], size=(3, 20))
    rows, cols, votes = [], [], []
    for p in range(60):
        for s in range(20):
            if rng.random() < 0.8:
                rows.append(1000 + p)
                cols.append(s)
                votes.append(stance[camp[p], s] if rng.random() < 0.85 else 0)
    return VoteMatrix.from_arrays(rows, cols, votes)


def test_state_round_trips_through_json():
    first = update(_matrix(1))
    stored = json.loads(json.dumps(state_to_json(first.state)))
    assert state_from_json(stored) == first.state
    assert state_from_json({}) is None
    again = update(_matrix(2), previous=state_from_json(stored))
    direct = update(_matrix(2), previous=first.state)
    assert again.participant_groups == direct.participant_groups
    assert again.state == direct.state
