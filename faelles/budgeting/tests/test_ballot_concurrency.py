"""A person casting twice at the same moment keeps exactly one ballot."""

import threading

import pytest
from django.db import connection, connections

from faelles.accounts.factories import MembershipFactory
from faelles.budgeting import services
from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory
from faelles.budgeting.models import Ballot, BallotReceipt
from faelles.budgeting.secrecy import ballot_id_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises all writers, so there is no race to test; "
    "run with scripts/with-postgres",
)
@pytest.mark.parametrize("attempts", [2, 8])
def test_simultaneous_ballots_keep_one(municipality, attempts):
    budget_round = BudgetRoundFactory(municipality=municipality)
    projects = ProjectFactory.create_batch(attempts, round=budget_round)
    user = MembershipFactory(municipality=municipality).user
    barrier = threading.Barrier(attempts)
    errors = []

    def vote(project):
        try:
            barrier.wait()
            services.ballot_cast(
                budget_round=budget_round, user=user, choices=[(project.pk, 1)]
            )
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=vote, args=(p,)) for p in projects]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert BallotReceipt.objects.filter(round=budget_round, user=user).count() == 1
    ballots = list(Ballot.objects.filter(round=budget_round))
    assert len(ballots) == 1
    receipt = BallotReceipt.objects.get()
    assert ballots[0].pk == ballot_id_for(receipt.ballot_token)
    assert ballots[0].choices[0][0] in {p.pk for p in projects}
