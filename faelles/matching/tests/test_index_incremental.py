import pytest

from faelles.matching import MatchIndex
from faelles.matching.tests.factories import record

pytestmark = pytest.mark.engine


def test_add_remove_and_replace():
    index = MatchIndex.build([record("Lektiehjælp", id="a")])
    need = record("Lektiehjælp")
    index.add(record("Lektiehjælp i matematik", id="b"))
    assert {m.id for m in index.query(need)} == {"a", "b"}
    assert index.remove("a") is True
    assert index.remove("a") is False
    assert [m.id for m in index.query(need)] == ["b"]
    index.add(record("Strikkeklub", id="b"))  # same id replaces
    assert index.query(need) == []
    assert len(index) == 1 and "b" in index and index.get("b").title == "Strikkeklub"


def test_incremental_equals_rebuilt():
    records = [
        record(f"Lektiehjælp nummer {i}", f"tekst {i % 7}", id=str(i))
        for i in range(50)
    ]
    index = MatchIndex.build(records[:10])
    for r in records[10:]:
        index.add(r)
    for r in records[::3]:
        index.remove(r.id)
    need = record("Lektiehjælp", "tekst 3")
    fresh = MatchIndex.build(
        r for r in records if r.id not in {x.id for x in records[::3]}
    )
    got = [(m.id, round(m.score, 5)) for m in index.query(need, top=20)]
    want = [(m.id, round(m.score, 5)) for m in fresh.query(need, top=20)]
    assert got == want
    compact = index.rebuild()
    assert [(m.id, round(m.score, 5)) for m in compact.query(need, top=20)] == want


def test_index_grows_past_its_initial_capacity():
    index = MatchIndex()
    for i in range(3000):
        index.add(record("Lektiehjælp", id=str(i)))
    assert len(index) == 3000
    assert len(index.query(record("Lektiehjælp"), top=10)) == 10


def test_empty_index_and_zero_top():
    assert MatchIndex().query(record("Lektiehjælp")) == []
    index = MatchIndex.build([record("Lektiehjælp")])
    assert index.query(record("Lektiehjælp"), top=0) == []
