import pytest

from faelles.organisations.factories import DepartmentFactory

BASE = "/odense/leder/"


@pytest.fixture
def unit(employee):
    """The leader's department (the employee's)."""
    return employee.memberships.get().department


@pytest.fixture
def sub_unit(unit):
    return DepartmentFactory(
        municipality=unit.municipality, name="Bibliotekerne", parent=unit
    )


@pytest.fixture
def elsewhere(municipality):
    """A department the leader does not lead."""
    return DepartmentFactory(municipality=municipality, name="Teknik og Miljø")
