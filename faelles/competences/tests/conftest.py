import pytest

from faelles.competences.factories import employee_in, profile_for
from faelles.organisations.factories import DepartmentFactory

BASE = "/odense/kompetencer/"


@pytest.fixture
def colleague(municipality):
    department = DepartmentFactory(municipality=municipality, name="Sundhed og Ældre")
    return employee_in(municipality, department=department, job_title="Sygeplejerske")


@pytest.fixture
def colleague_profile(colleague, municipality):
    return profile_for(
        colleague,
        municipality,
        skills="Jeg har startet en diabetesforening og kender til fundraising.",
        tags=["fundraising", "foreningsliv"],
        languages=["da", "ar"],
        networks="Træner i Odense Roklub.",
    )
