import datetime

import pytest

from faelles.accounts.factories import MembershipFactory
from faelles.organisations.factories import DepartmentFactory
from faelles.reflection import services

BASE = "/odense/refleksion/"
SECRET = "Min hemmelige tanke om lederen"


def colleagues(department, n):
    return [
        MembershipFactory(
            municipality=department.municipality,
            is_employee=True,
            department=department,
        ).user
        for _ in range(n)
    ]


@pytest.fixture
def team(municipality):
    return DepartmentFactory(municipality=municipality, name="Kultur og Fællesskab")


@pytest.fixture
def members(team):
    return colleagues(team, 4)


@pytest.fixture
def facilitator(members):
    return members[0]


@pytest.fixture
def session(municipality, team, facilitator):
    return services.session_create(
        municipality=municipality,
        department=team,
        title="Teammøde i marts",
        day=datetime.date(2027, 3, 4),
        source="builtin:kommunen-3-0",
        actor=facilitator,
    )


def to_phase(session, actor, phase):
    order = ["preparing", "individual", "shared"]
    while order.index(session.phase) < order.index(phase):
        session = services.session_move(session=session, actor=actor, forward=True)
    return session
