"""The insight demo: residents with two years of activity on the ladder, so
the movement between rungs shows something; Odense's pulse rounds on the
internal dashboard; loading it again and again gives the same."""

import io

import pytest

from faelles.accounts.models import User
from faelles.demo.foundation import load_foundation
from faelles.insight import demo
from faelles.insight.models import TrendPoint
from faelles.insight.selectors import InsightFilter, dashboard
from faelles.participation.models import ParticipationAct
from faelles.pulse import demo as pulse_demo

pytestmark = pytest.mark.django_db


def test_the_demo_shows_movement_and_social_capital_each_time_the_same(client):
    municipalities = load_foundation()
    some = {slug: municipalities[slug] for slug in ("odense", "skanderborg")}
    pulse_demo.load_demo(municipalities=some, stdout=io.StringIO())
    counts = []
    for _ in range(3):
        demo.load_demo(municipalities=some, stdout=io.StringIO())
        counts.append(
            (
                ParticipationAct.objects.filter(action=demo.HISTORY_ACTION).count(),
                User.objects.filter(email__startswith="aktiv-").count(),
            )
        )
    assert counts[0] == counts[1] == counts[2]
    assert counts[0][1] == demo.HISTORY["odense"][0] + demo.HISTORY["skanderborg"][0]

    board = dashboard(municipality=some["skanderborg"], f=InsightFilter())
    moves = dict(board.movement.series)
    assert len(board.movement.changes) == 6
    assert all(n and n >= 5 for n in moves["Rykket op"] + moves["Samme trin"])
    # Skanderborg climbs more than Odense: it measures its work by the ladder.
    odense = dict(
        dashboard(municipality=some["odense"], f=InsightFilter()).movement.window
    )
    skanderborg = dict(board.movement.window)
    assert skanderborg["Rykket op"] / skanderborg["Rykket ned"] > (
        odense["Rykket op"] / odense["Rykket ned"]
    )

    points = list(TrendPoint.objects.filter(municipality=some["odense"]))
    assert len(points) == 3 and all(p.count >= 5 for p in points)
    client.login(email="medarbejder@odense.faelles.example", password="faelles-demo")
    page = client.get("/odense/indsigt/intern/").content.decode()
    assert "Social kapital i hele kommunen" in page
    assert points[-1].label in page
