"""Stored match indexes (faelles/matching/store.py via resources/matches.py): a
worker loads the index another built, catches up what changed since, and ranks
exactly as an index built from the database; a file the database does not vouch
for is never used."""

import datetime as dt
import uuid

import pytest

from faelles.resources import matches
from faelles.resources.factories import ListingFactory, NeedFactory
from faelles.resources.models import Listing, MatchState

TODAY = dt.date(2026, 12, 6)
TEXTS = [
    ("Lektiehjælp i matematik", "Jeg hjælper skolebørn med matematik og brøker."),
    ("Kaffe og en snak", "Pensioneret lærer drikker gerne kaffe med en ensom nabo."),
    ("Cykelreparation", "Jeg fikser punkteringer og bremser på børnecykler."),
    ("Haven om foråret", "Hjælp til at grave bede og beskære æbletræer."),
    ("Gaming-klub", "Frivillige driver en klub for unge, der spiller computer."),
    ("Læs højt", "Jeg læser højt for ældre med dårligt syn, gerne hver uge."),
]


@pytest.fixture
def stored(settings, tmp_path):
    settings.FAELLES_MATCHING_INDEX_DIR = str(tmp_path / "matching")
    return tmp_path / "matching"


def _offers(municipality, n=30):
    return [
        ListingFactory(
            municipality=municipality,
            title=f"{TEXTS[i % len(TEXTS)][0]} {i}",
            text=TEXTS[i % len(TEXTS)][1],
            postcode=("5000", "5300", "4640")[i % 3],
            expires_on=TODAY + dt.timedelta(days=60),
        )
        for i in range(n)
    ]


def _ranked(municipality, needs):
    index = matches.index_for(municipality.pk, "offer", TODAY)
    out = []
    for need in needs:
        row = Listing.objects.filter(pk=need.pk).values(*matches.FIELDS).get()
        query = matches.record_from(row, certified=False, for_query=True)
        out.append(
            [
                (m.id, round(m.score, 9), m.reasons)
                for m in index.query(query, 10, TODAY)
            ]
        )
    return out


def test_a_worker_loads_the_stored_index_and_catches_up(municipality, stored):
    offers = _offers(municipality)
    needs = [NeedFactory(municipality=municipality, title=t, text=x) for t, x in TEXTS]
    matches.warm(today=TODAY)
    path = matches.stored_path(municipality.pk, "offer")
    assert path.exists()
    assert MatchState.objects.get(municipality=municipality).offer_index_token

    # After the file was written: one new offer, one changed, one withdrawn.
    ListingFactory(
        municipality=municipality,
        title="Kaffe hver torsdag",
        text="Jeg drikker gerne kaffe med en nabo, der sidder meget alene.",
        expires_on=TODAY + dt.timedelta(days=60),
    )
    offers[1].text = "Nu tilbyder jeg i stedet hjælp med cykler og bremser."
    offers[1].save()
    matches.bump(municipality, [offers[1].pk])
    Listing.objects.filter(pk=offers[2].pk).update(is_active=False)
    matches.bump(municipality, [offers[2].pk])

    matches.clear_cache()  # a new worker
    loaded = _ranked_without_building(municipality, needs)
    matches.clear_cache()
    built = _ranked_built(municipality, needs)
    assert loaded == built
    assert all(str(offers[2].pk) not in [m[0] for m in r] for r in loaded)
    matches.clear_cache()
    _ranked_without_building(municipality, needs)
    index = matches.index_for(municipality.pk, "offer", TODAY)
    assert "cykler og bremser" in index.get(str(offers[1].pk)).text
    assert str(offers[2].pk) not in index
    assert len(index) == 30


def _ranked_without_building(municipality, needs):
    real = matches._build

    def refuse(*args, **kwargs):
        raise AssertionError("the stored index should have been loaded")

    matches._build = refuse
    try:
        return _ranked(municipality, needs)
    finally:
        matches._build = real


def _ranked_built(municipality, needs, settings=None):
    real = matches._load
    matches._load = lambda *a, **k: None
    try:
        return _ranked(municipality, needs)
    finally:
        matches._load = real


def test_a_file_the_database_does_not_vouch_for_is_not_loaded(municipality, stored):
    _offers(municipality, 6)
    matches.warm(today=TODAY)
    # A restore from a backup (or a newer file by another worker) changes the token.
    MatchState.objects.filter(municipality=municipality).update(
        offer_index_token=uuid.uuid4()
    )
    matches.clear_cache()
    assert matches._load(municipality.pk, "offer", TODAY) is None
    assert len(matches.index_for(municipality.pk, "offer", TODAY)) == 6


def test_a_file_ahead_of_the_database_is_not_loaded(municipality, stored):
    _offers(municipality, 4)
    matches.warm(today=TODAY)
    MatchState.objects.filter(municipality=municipality).update(revision=0)
    matches.clear_cache()
    assert matches._load(municipality.pk, "offer", TODAY) is None


def test_a_damaged_or_foreign_file_is_ignored(municipality, stored):
    _offers(municipality, 4)
    matches.warm(today=TODAY)
    path = matches.stored_path(municipality.pk, "offer")
    path.write_bytes(path.read_bytes()[:200])
    matches.clear_cache()
    assert matches._load(municipality.pk, "offer", TODAY) is None
    path.write_bytes(b"something else entirely")
    assert matches._load(municipality.pk, "offer", TODAY) is None
    assert len(matches.index_for(municipality.pk, "offer", TODAY)) == 4


def test_a_loaded_index_catches_up_a_new_day(municipality, stored):
    offers = _offers(municipality, 5)
    Listing.objects.filter(pk=offers[0].pk).update(expires_on=TODAY)
    matches.bump(municipality, [offers[0].pk])
    matches.index_for(municipality.pk, "offer", TODAY)
    matches.save_stored(municipality.pk, "offer")
    matches.clear_cache()
    tomorrow = TODAY + dt.timedelta(days=1)
    index = matches.index_for(municipality.pk, "offer", tomorrow)
    assert str(offers[0].pk) not in index
    assert len(index) == 4


def test_without_a_folder_nothing_is_stored(municipality, settings, tmp_path):
    settings.FAELLES_MATCHING_INDEX_DIR = ""
    _offers(municipality, 3)
    matches.warm(today=TODAY)
    assert matches.stored_path(municipality.pk, "offer") is None
    assert MatchState.objects.get(municipality=municipality).offer_index_token is None
