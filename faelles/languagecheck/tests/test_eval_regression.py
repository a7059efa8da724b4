"""The labelled set as a regression test; figures in docs/benchmarks.md."""

import json

import pytest

from faelles.languagecheck.evaluation import (
    EVAL_DIR,
    SPLITS,
    SubstringBaseline,
    evaluate,
    load,
    parse_marked,
    run,
)

pytestmark = pytest.mark.engine


def test_the_labelled_set_is_big_and_varied():
    cases = [c for split in SPLITS for c in load(split)]
    assert len(cases) >= 40
    assert len({c.id for c in cases}) == len(cases)
    assert len(load("heldout")) >= 14
    assert len({c.genre for c in cases}) >= 8
    assert sum(1 for c in cases if not c.gold) >= 10  # texts with nothing to flag


def test_gold_marks_may_span_a_line_break():
    text, gold = parse_marked("Vi [[leverer\nydelser]] og {{bedes}}.")
    assert text == "Vi leverer\nydelser og bedes."
    assert [(text[g.start : g.end], g.paradigm) for g in gold] == [
        ("leverer\nydelser", "2.0"),
        ("bedes", "1.0"),
    ]


def test_findings_on_the_labelled_set_are_unchanged():
    """Any change to the engine or lexicon that moves a finding shows up here;
    if it is intended, regenerate with ``bench/eval_languagecheck.py --update``."""
    expected = json.loads((EVAL_DIR / "expected.json").read_text(encoding="utf-8"))
    for split in SPLITS:
        found = run(load(split))
        got = {cid: [[f.start, f.end, f.term] for f in fs] for cid, fs in found.items()}
        assert got == expected[split]


@pytest.mark.parametrize(
    ("split", "floor"), [("dev", 0.95), ("heldout", 0.95), ("stress", 0.8)]
)
def test_quality_does_not_regress(split, floor):
    result = evaluate(split)
    assert result["overlap"]["precision"] >= floor
    assert result["overlap"]["recall"] >= floor
    assert result["exact"]["f1"] >= floor - 0.05


def test_context_beats_a_plain_substring_search():
    for split in SPLITS:
        engine = evaluate(split)["overlap"]
        baseline = evaluate(split, SubstringBaseline())["overlap"]
        assert engine["precision"] > baseline["precision"] + 0.3
        assert engine["recall"] >= baseline["recall"] - 0.1
