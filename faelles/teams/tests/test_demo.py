"""Skanderborg's demo teams, and the bulk seeder."""

import io
import random

import pytest

from faelles.accounts.factories import MembershipFactory
from faelles.demo.foundation import load_foundation
from faelles.organisations.factories import DepartmentFactory
from faelles.teams import demo
from faelles.teams.models import State, Task, Team, TeamMember, Volunteer

pytestmark = pytest.mark.django_db


def test_the_demo_has_three_teams_across_departments_twice_the_same(client):
    municipalities = load_foundation()
    for _ in range(2):  # running it again replaces, not adds
        demo.load_demo(municipalities=municipalities, stdout=io.StringIO())
    skanderborg = municipalities["skanderborg"]
    teams = {t.title: t for t in Team.objects.filter(municipality=skanderborg)}
    assert set(teams) == set(demo.TITLES)
    heart, cafe, benches = (teams[t] for t in demo.TITLES)
    assert heart.state == State.ACTIVE and cafe.state == State.FORMING
    assert benches.state == State.CLOSED and benches.evaluation_shared_at
    assert (
        TeamMember.objects.filter(team=heart).values("department").distinct().count()
        == 3
    )
    client.login(
        email="medarbejder@skanderborg.faelles.example", password="faelles-demo"
    )
    work = client.get("/skanderborg/arbejde/").content.decode()
    assert "Aftal lokaler med Hjerteforeningen" in work
    assert "Anders Holm" in work  # waiting for Simon's answer on the café
    page = client.get(heart.get_absolute_url()).content.decode()
    assert "3 afdelinger er repræsenteret." in page
    assert "Hjerteforeningen i Skanderborg" in page
    library = client.get("/skanderborg/initiativer/laeringsbank/").content.decode()
    assert "At gå turen sammen med gåholdet." in library


def test_seed_small(municipality):
    class Bar:
        def update(self, n):
            pass

    departments = [DepartmentFactory(municipality=municipality) for _ in range(4)]
    for i in range(20):
        MembershipFactory(
            municipality=municipality,
            is_employee=True,
            department=departments[i % 4],
        )
    demo.seed(
        municipality=municipality,
        scale="small",
        rng=random.Random(1),
        progress=lambda total, description: Bar(),
    )
    assert Team.objects.filter(municipality=municipality).count() == 40
    assert TeamMember.objects.count() == 200
    assert Task.objects.count() == 160
    assert Volunteer.objects.exists()
    closed = Team.objects.filter(state=State.CLOSED)
    assert closed.count() == 14 and all(t.evaluation_shared_at for t in closed)
