import pytest

from faelles.matching import geo

pytestmark = pytest.mark.engine

MUNICIPALITY_POSTCODES = {
    "Kerteminde": ["5300", "5330", "5350", "5370", "5380", "5390"],
    "Odense": [
        "5000",
        "5200",
        "5210",
        "5220",
        "5230",
        "5240",
        "5250",
        "5260",
        "5270",
        "5290",
        "5320",
        "5491",
    ],
    "Faxe": ["4640", "4654", "4683", "4690", "4652", "4653", "4682"],
    "Skanderborg": ["8660", "8670", "8680", "8362", "8653", "8654", "8464"],
    "Rødovre": ["2610", "2650", "2600", "2720", "2700"],
}


def test_postcodes_of_the_five_municipalities_and_neighbours_are_known():
    postcodes = geo.load()
    assert len(postcodes.codes) > 1000
    for codes in MUNICIPALITY_POSTCODES.values():
        for code in codes:
            assert postcodes.lookup(code) >= 0, code


def test_distances_are_plausible():
    postcodes = geo.load()
    assert 12 < postcodes.distance_km("5000", "5300") < 25  # Odense – Kerteminde
    assert postcodes.distance_km("2610", "2610") == 0
    assert 120 < postcodes.distance_km("2610", "8660") < 200
    assert postcodes.distance_km("2610", "0000") is None
    assert postcodes.distance_km(None, "2610") is None
    assert postcodes.name("5300") == "Kerteminde"
