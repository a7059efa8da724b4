"""Odense's demo: units with three closed rounds showing a trend, one open
round waiting for the demo employee, and answered concerns."""

import io

import pytest

from faelles.demo.foundation import load_foundation
from faelles.pulse import demo
from faelles.pulse.models import Concern, ConcernStatus, Round

pytestmark = pytest.mark.django_db


def test_odense_has_three_closed_rounds_and_an_open_one_each_time_the_same(client):
    municipalities = load_foundation()
    for _ in range(4):  # the weekly "Sig fra" quota allows three: more must load
        demo.load_demo(municipalities=municipalities, stdout=io.StringIO())
    odense = municipalities["odense"]
    rounds = list(Round.objects.filter(municipality=odense).order_by("opens_on"))
    assert len(rounds) == 4
    closed = [r for r in rounds if r.results is not None]
    assert len(closed) == 3
    assert (
        Concern.objects.filter(
            municipality=odense, status=ConcernStatus.ANSWERED
        ).count()
        == 3
    )
    client.login(email="medarbejder@odense.faelles.example", password="faelles-demo")
    assert rounds[-1].title in client.get("/odense/arbejde/").content.decode()
    client.login(email="admin@odense.faelles.example", password="faelles-demo")
    page = client.get("/odense/puls/resultater/").content.decode()
    assert "Bibliotekerne" in page and "Aktivitetscentre" in page
    assert page.count("<polyline") >= 4
