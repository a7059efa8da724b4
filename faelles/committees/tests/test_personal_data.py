"""An applicant's strata are in their export and go with their account."""

import json

import pytest

from faelles.accounts.services import account_delete, account_export
from faelles.committees.factories import ApplicationFactory
from faelles.committees.models import Application

pytestmark = pytest.mark.django_db


def test_applications_are_exported_and_deleted_with_the_account(municipality):
    application = ApplicationFactory(
        committee__municipality=municipality, age_band="15-24", gender="andet"
    )
    user = application.user
    exported = account_export(user=user)["committees"]["applications"]
    assert exported[0]["age_band"] == "15-24" and exported[0]["gender"] == "andet"
    json.dumps(exported, default=str)  # plain data
    account_delete(user=user)
    assert not Application.objects.exists()
    assert application.committee.members.exists()  # the chair keeps the seat
