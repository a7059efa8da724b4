import pytest

from faelles.accounts.factories import MembershipFactory
from faelles.organisations.factories import DepartmentFactory
from faelles.pulse.factories import RoundFactory
from faelles.pulse.instrument import ITEM_KEYS

BASE = "/odense/puls/"


def answers(value: int = 4) -> dict[str, int]:
    return dict.fromkeys(ITEM_KEYS, value)


def form_data(value: int = 4) -> dict[str, str]:
    return {f"item_{k}": str(value) for k in ITEM_KEYS}


def staff(department, n):
    return [
        MembershipFactory(
            municipality=department.municipality,
            is_employee=True,
            department=department,
        ).user
        for _ in range(n)
    ]


@pytest.fixture
def open_round(municipality):
    return RoundFactory(municipality=municipality, title="Pulsmåling december")


@pytest.fixture
def units(employee):
    """The employee's department with two units under it."""
    department = employee.memberships.get().department
    nord = DepartmentFactory(
        municipality=department.municipality, parent=department, name="Enhed Nord"
    )
    syd = DepartmentFactory(
        municipality=department.municipality, parent=department, name="Enhed Syd"
    )
    return department, nord, syd
