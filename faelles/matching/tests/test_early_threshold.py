"""Dropping rows that cannot reach the quality threshold before filtering and
scoring them (``scoring._may_be_relevant``) must not change a single ranking."""

import dataclasses

import numpy as np
import pytest

from faelles.matching import scoring
from faelles.matching.evaluation import SETS, load
from faelles.matching.index import MatchIndex
from faelles.matching.weights import DEFAULT_WEIGHTS


def _every_touched_row(w, text, category):
    return (text > 0) | (category > 0)


@pytest.mark.parametrize(
    "weights",
    [
        DEFAULT_WEIGHTS,
        dataclasses.replace(DEFAULT_WEIGHTS, category_inferred=1.4),
        dataclasses.replace(DEFAULT_WEIGHTS, min_relevance=2.5),
        dataclasses.replace(DEFAULT_WEIGHTS, min_relevance=0.0),
    ],
    ids=["default", "inferred-above-one", "strict", "no-threshold"],
)
def test_rankings_are_the_same_with_and_without_the_early_cut(weights, monkeypatch):
    compared = 0
    for directory, split in SETS.values():
        offers, cases = load(directory, split)
        index = MatchIndex.build(offers, weights=weights)
        early = [
            [(m.id, round(m.score, 9)) for m in index.query(c.need, top=10)]
            for c in cases
        ]
        with monkeypatch.context() as patch:
            patch.setattr(scoring, "_may_be_relevant", _every_touched_row)
            full = [
                [(m.id, round(m.score, 9)) for m in index.query(c.need, top=10)]
                for c in cases
            ]
        assert early == full
        compared += len(cases)
    assert compared > 250


def test_the_cut_drops_rows_that_only_share_a_broad_category():
    w = DEFAULT_WEIGHTS
    text = np.array([0.0, 0.0, 0.2, 0.0], dtype=np.float32)
    # Same root only (0.25 × rarity ≤ 1), an exact category, some text, nothing.
    category = np.array([0.25, 1.0, 0.0, 0.0], dtype=np.float32)
    assert scoring._may_be_relevant(w, text, category).tolist() == [
        False,
        True,
        True,
        False,
    ]
