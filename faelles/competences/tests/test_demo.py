"""Kerteminde's competence directory in the demo, and the scale seeder."""

import io
import random

import pytest

from faelles.accounts.factories import MembershipFactory
from faelles.competences import demo, selectors
from faelles.competences.models import Profile, ProfileTerm, Question, QuestionStatus
from faelles.demo.foundation import load_foundation

pytestmark = pytest.mark.django_db


class _Bar:
    def update(self, n):
        pass

    def close(self):
        pass


def test_kerteminde_has_a_few_dozen_employees_twice_the_same(client):
    municipalities = load_foundation()
    for _ in range(2):  # running it again replaces, not adds
        demo.load_demo(municipalities=municipalities, stdout=io.StringIO())
    kerteminde = municipalities["kerteminde"]
    assert Profile.objects.filter(municipality=kerteminde).count() == len(demo.PEOPLE)
    assert Question.objects.filter(municipality=kerteminde).count() == 2
    results = selectors.search(municipality=kerteminde, text="kan tale arabisk")
    names = {hit.profile.user.display_name for hit in results.hits}
    assert {"Omar Haddad", "Aisha Mohamed", "Yusuf Demir"} <= names
    assert "Ib Thorsen" not in {
        h.profile.user.display_name
        for h in selectors.search(municipality=kerteminde, language="de").hits
    }
    client.login(
        email="medarbejder@kerteminde.faelles.example", password="faelles-demo"
    )
    work = client.get("/kerteminde/arbejde/").content.decode()
    assert "Spørgsmål fra kolleger" in work and "sommerfest" in work
    page = client.get("/kerteminde/kompetencer/?q=fundraising").content.decode()
    assert "Morten Juhl" in page
    thanked = Question.objects.get(municipality=kerteminde, thanked_at__isnull=False)
    assert thanked.status == QuestionStatus.ANSWERED


def test_seed_gives_about_half_the_employees_a_profile_once(municipality):
    for i in range(40):
        MembershipFactory(
            municipality=municipality,
            is_employee=True,
            user__email=f"seed-odense-{i}@seed.faelles.example",
        )
    for _ in range(2):
        demo.seed(
            municipality=municipality,
            scale="small",
            rng=random.Random(1),
            progress=lambda total, desc: _Bar(),
        )
    count = Profile.objects.filter(municipality=municipality).count()
    assert 10 < count < 30
    assert ProfileTerm.objects.filter(municipality=municipality).exists()
    assert selectors.search(municipality=municipality, text="regneark").total >= 1
