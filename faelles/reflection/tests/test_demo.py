"""Skanderborg's and Odense's demo: a closed session shared to the library and
an open one in the individual phase that follows up the earlier actions."""

import io

import pytest

from faelles.demo.foundation import load_foundation
from faelles.reflection import demo, selectors
from faelles.reflection.models import Phase, Session

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_closed_and_an_open_session_per_team_twice_the_same(client):
    municipalities = load_foundation()
    for _ in range(2):  # running it again replaces, not adds
        demo.load_demo(municipalities=municipalities, stdout=io.StringIO())
    for slug in ("skanderborg", "odense"):
        sessions = Session.objects.filter(municipality=municipalities[slug])
        assert sessions.count() == 2
        closed = sessions.get(phase=Phase.CLOSED)
        current = sessions.get(phase=Phase.INDIVIDUAL)
        assert closed.summary_shared_at is not None and closed.actions.count() == 3
        assert all(q.shared_answer for q in closed.questions.all())
        items = selectors.follow_up(session=current)
        assert {i.action.pk for i in items} == set(
            closed.actions.values_list("pk", flat=True)
        )
        client.login(
            email=f"medarbejder@{slug}.faelles.example", password="faelles-demo"
        )
        library = client.get(f"/{slug}/initiativer/laeringsbank/")
        assert closed.summary.splitlines()[0][:40] in library.content.decode()
    simon = Session.objects.get(
        municipality=municipalities["skanderborg"], phase=Phase.INDIVIDUAL
    )
    client.login(
        email="medarbejder@skanderborg.faelles.example", password="faelles-demo"
    )
    index = client.get("/skanderborg/refleksion/").content.decode()
    assert simon.title in index
    page = client.get(simon.get_absolute_url()).content.decode()
    assert "Gem mine noter" in page and "Opfølgning på tidligere handlinger" in page
