"""Keeps matching quality from regressing; figures in docs/benchmarks.md (matching section)."""

import pytest

from faelles.matching.evaluation import evaluate, load

pytestmark = pytest.mark.engine

MARGIN = 0.02


def test_the_labelled_set_is_big_enough():
    offers, cases = load()
    assert len(cases) >= 150
    assert len(offers) >= 150
    assert sum(1 for c in cases if not c.need.categories) >= 100


def test_engine_quality_does_not_regress():
    result = evaluate("engine")
    assert result["ndcg@10"] >= 0.907 - MARGIN
    assert result["recall@10"] >= 0.911 - MARGIN


def test_the_hard_set_is_big_and_hard():
    for half in ("hard_dev", "hard_test"):
        result = evaluate("plain_bm25", dataset=half)
        assert result["cases"] >= 40
        assert result["ndcg@10"] < 0.45  # word overlap alone does not find them


def test_hard_set_quality_does_not_regress():
    assert evaluate("engine", dataset="hard_dev")["ndcg@10"] >= 0.857 - MARGIN
    # The test half is never tuned on; this only guards against regressions.
    assert evaluate("engine", dataset="hard_test")["ndcg@10"] >= 0.675 - MARGIN


def test_vocabulary_beats_plain_bm25():
    engine = evaluate("engine")
    baseline = evaluate("plain_bm25")
    assert engine["ndcg@10"] > baseline["ndcg@10"] + 0.05
    assert engine["recall@10"] > baseline["recall@10"] + 0.1
