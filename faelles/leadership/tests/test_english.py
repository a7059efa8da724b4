"""The leaders' page and a goal in English."""

import pytest
from django.conf import settings

from faelles.leadership.factories import GoalFactory

from .conftest import BASE

pytestmark = pytest.mark.django_db


def test_leaders_page_and_goal_in_english(client, unit, leader):
    goal = GoalFactory(municipality=unit.municipality, department=unit, owner=leader)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(leader)
    page = client.get(BASE).content.decode()
    assert "Goals for Municipality 3.0" in page and "All my units" in page
    assert "Mål for Kommunen 3.0" not in page and "Alle mine enheder" not in page
    assert "initiatives and trials" in page
    detail = client.get(goal.get_absolute_url()).content.decode()
    assert "Status and follow-up" in detail and "On track" in detail
    assert "Status og opfølgning" not in detail and "På vej" not in detail
