import datetime

import pytest

from faelles.accounts.factories import MembershipFactory
from faelles.organisations.factories import DepartmentFactory
from faelles.teams import services

BASE = "/odense/teams/"
END = datetime.date(2027, 6, 30)


def colleague(department, **roles):
    return MembershipFactory(
        municipality=department.municipality,
        is_employee=True,
        department=department,
        **roles,
    ).user


@pytest.fixture
def culture(municipality):
    return DepartmentFactory(municipality=municipality, name="Kultur og Fritid")


@pytest.fixture
def health(municipality):
    return DepartmentFactory(municipality=municipality, name="Sundhed og Ældre")


@pytest.fixture
def team_leader(culture):
    return colleague(culture)


@pytest.fixture
def nurse(health):
    return colleague(health)


@pytest.fixture
def team(municipality, team_leader):
    return services.team_create(
        municipality=municipality,
        actor=team_leader,
        title="Ensomhed blandt ældre",
        purpose="Find sammen med foreningerne nye veje til de ældre, der sidder alene.",
        end_date=END,
        task="Tre prøvehandlinger før sommerferien",
        call_text="En sygeplejerske og en fra biblioteket",
    )


def url(team, tail=""):
    return f"{BASE}{team.pk}/{tail}"


def join(team, user, actor):
    offer = services.volunteer_offer(team=team, user=user, motivation="Jeg kender dem")
    return services.volunteer_answer(volunteer=offer, actor=actor, accept=True)
