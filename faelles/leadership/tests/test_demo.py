"""Odense's and Kerteminde's leaders: goals with a history, one follow-up
overdue in the employee's workspace; the scale seed."""

import io
import random

import pytest

from faelles.demo.foundation import load_foundation
from faelles.leadership import demo
from faelles.leadership.models import CheckIn, Goal
from faelles.organisations.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


class _Bar:
    def update(self, n):
        pass

    def close(self):
        pass


def test_demo_leaders_see_their_goals_and_the_overdue_one_waits(client):
    municipalities = load_foundation()
    for _ in range(2):  # running it again replaces, not adds
        demo.load_demo(municipalities=municipalities, stdout=io.StringIO())
    for slug, n in (("odense", 3), ("kerteminde", 2)):
        goals = Goal.objects.filter(municipality=municipalities[slug])
        assert goals.count() == n
        assert CheckIn.objects.filter(goal__in=goals).count() >= n
        client.login(email=f"leder@{slug}.faelles.example", password="faelles-demo")
        page = client.get(f"/{slug}/leder/")
        assert page.status_code == 200
        text = page.content.decode()
        assert all(g.title in text for g in goals)
        client.login(
            email=f"medarbejder@{slug}.faelles.example", password="faelles-demo"
        )
        work = client.get(f"/{slug}/arbejde/").content.decode()
        assert "Mål, der venter på opfølgning" in work
        assert client.get(f"/{slug}/leder/").status_code == 404


def test_seed_gives_every_seeded_unit_a_few_goals_once(municipality):
    units = [
        DepartmentFactory(municipality=municipality, slug=f"seed-afdeling-{i}")
        for i in range(3)
    ]
    for _ in range(2):
        demo.seed(
            municipality=municipality,
            scale="small",
            rng=random.Random(1),
            progress=lambda total, description: _Bar(),
        )
    for unit in units:
        assert 2 <= Goal.objects.filter(department=unit).count() <= 4
    assert CheckIn.objects.count() >= Goal.objects.count()
