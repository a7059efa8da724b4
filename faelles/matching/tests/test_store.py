"""The match index on disk (faelles/matching/store.py)."""

import datetime as dt

import pytest

from faelles.matching import MatchIndex, Weights, store
from faelles.matching.tests.factories import record

pytestmark = pytest.mark.engine

TODAY = dt.date(2026, 12, 6)


def _records():
    texts = [
        ("Lektiehjælp", "Matematik og dansk for 7. klasse"),
        ("Kaffe med en nabo", "Jeg drikker gerne kaffe med en, der er alene"),
        ("Cykler", "Jeg reparerer cykler og bremser"),
        ("Gaming", "Frivillige driver en klub for unge, der spiller"),
    ]
    return [
        record(
            f"{texts[i % 4][0]} {i}",
            texts[i % 4][1],
            id=str(i),
            postcode=("5000", "5300", "4640")[i % 3],
            categories=["health.chronic.copd"] if i % 5 == 0 else [],
            availability=["mon-morning", "sat-evening"] if i % 2 else [],
            available_from="2026-01-01" if i % 3 == 0 else None,
            languages=["da", "ar"] if i % 4 == 0 else [],
            has=["børneattest"] if i % 6 == 0 else [],
            created=f"2026-11-{i % 28 + 1:02d}",
            capacity=4 if i % 7 == 0 else None,
            commitment="group" if i % 7 == 0 else None,
        )
        for i in range(60)
    ]


NEEDS = [
    record("Hjælp til lektier", "Min søn har svært ved matematik", postcode="5000"),
    record("Ensom", "Jeg sidder alene og savner en at drikke kaffe med"),
    record("Punktering", "Min cykel har en flad slange", availability=["sat-evening"]),
]


def _ranked(index):
    return [
        [(m.id, round(m.score, 9), m.reasons) for m in index.query(n, 10, TODAY)]
        for n in NEEDS
    ]


def test_a_loaded_index_ranks_exactly_as_the_one_saved(tmp_path):
    index = MatchIndex.build(_records())
    index.remove("3")
    path = tmp_path / "1-offer.idx"
    store.save(index, path, meta={"revision": 7, "day": "2026-12-06"})
    loaded, meta = store.load(path)
    assert meta == {"revision": 7, "day": "2026-12-06"}
    assert len(loaded) == len(index) == 59
    assert "3" not in loaded and loaded.get("3") is None
    assert loaded.get("8") == index.get("8")
    assert _ranked(loaded) == _ranked(index)


def test_a_loaded_index_changes_like_a_built_one(tmp_path):
    records = _records()
    index = MatchIndex.build(records)
    path = tmp_path / "x.idx"
    store.save(index, path, meta={})
    loaded, _ = store.load(path)
    for target in (index, loaded):
        target.remove("1")
        target.add(record("Kaffe og kage", "Vi drikker kaffe hver fredag", id="new"))
        target.add(record("Cykler igen", "Nu også knallerter", id="2"))  # replaces
    assert _ranked(loaded) == _ranked(index)
    assert [r.id if r else None for r in loaded.records] == [
        r.id if r else None for r in index.records
    ]
    # Saved again after the changes, loaded again: still the same.
    store.save(loaded, path, meta={})
    again, _ = store.load(path)
    assert _ranked(again) == _ranked(index)
    assert _ranked(again.rebuild()) == _ranked(index.rebuild())


def test_a_file_of_another_engine_version_or_a_broken_file_is_refused(tmp_path):
    path = tmp_path / "x.idx"
    store.save(MatchIndex.build(_records()[:5]), path, meta={})
    with pytest.raises(store.StoreError, match="another version"):
        store.load(path, template=MatchIndex(weights=Weights(text=3.0)))
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) - 100])
    with pytest.raises(store.StoreError, match="truncated"):
        store.load(path)
    path.write_bytes(b"not an index")
    with pytest.raises(store.StoreError, match="not a match index"):
        store.load(path)
    with pytest.raises(store.StoreError):
        store.load(tmp_path / "missing.idx")


def test_an_empty_index_round_trips(tmp_path):
    path = tmp_path / "empty.idx"
    store.save(MatchIndex(), path, meta={"revision": 0})
    loaded, _ = store.load(path)
    assert len(loaded) == 0 and loaded.query(NEEDS[0]) == []
    loaded.add(record("Lektiehjælp", id="a"))
    assert [m.id for m in loaded.query(NEEDS[0])] == ["a"]


def test_saving_replaces_the_file_whole(tmp_path):
    path = tmp_path / "x.idx"
    store.save(MatchIndex.build(_records()[:5]), path, meta={"n": 1})
    store.save(MatchIndex.build(_records()[:9]), path, meta={"n": 2})
    loaded, meta = store.load(path)
    assert meta == {"n": 2} and len(loaded) == 9
    assert [p.name for p in tmp_path.iterdir()] == ["x.idx"]
