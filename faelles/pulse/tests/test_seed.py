"""The bulk seed: units, employees in them and closed rounds with stored,
suppressed results; receipts and responses agree in number per round."""

import pytest
from django.core.management import call_command

from faelles.accounts.models import Membership
from faelles.pulse.models import Receipt, Response, Round

pytestmark = pytest.mark.django_db


def test_small_seed_has_units_employees_and_three_closed_rounds():
    call_command(
        "seed",
        municipality="ps-a",
        scale="small",
        seed=3,
        only="accounts,organisations,pulse",
    )
    employees = Membership.objects.filter(
        municipality__slug="ps-a", is_employee=True, department__isnull=False
    )
    assert employees.count() >= 200
    assert employees.values("department").distinct().count() > 8  # units too
    rounds = Round.objects.filter(municipality__slug="ps-a")
    assert rounds.count() == 3
    for round_ in rounds:
        assert round_.results is not None
        answered = Response.objects.filter(round=round_).count()
        assert answered == Receipt.objects.filter(round=round_).count() > 0
        assert round_.results["cells"]["all"]["n"] == answered
        shown = [c["n"] for c in round_.results["cells"].values() if c["n"]]
        assert shown and all(n >= 5 for n in shown)
    call_command(
        "seed", municipality="ps-a", scale="small", seed=3, only="pulse"
    )  # again: already seeded
    assert rounds.count() == 3
