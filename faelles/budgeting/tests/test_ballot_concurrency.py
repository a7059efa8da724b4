"""A person casting twice at the same moment keeps exactly one ballot."""

import threading
from unittest import mock

import pytest
from django.db import connection, connections

from faelles.accounts import eligibility, selectors
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


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises all writers, so there is no race to test; "
    "run with scripts/with-postgres",
)
def test_one_verified_person_from_two_accounts_at_once_keeps_one(
    municipality, settings
):
    """Two accounts carrying the same MitID identity (e.g. a stale session of an
    account it was moved from, checked just before the move) race to vote: the
    marker's unique constraint lets exactly one ballot through."""
    from faelles.accounts.oidc_config import openid_connect_providers
    from faelles.budgeting.models import Eligibility, VerifiedVoter

    settings.SOCIALACCOUNT_PROVIDERS = openid_connect_providers(
        server_url="http://127.0.0.1:9", client_id="faelles", secret="s"
    )
    budget_round = BudgetRoundFactory(
        municipality=municipality, eligibility=Eligibility.VERIFIED
    )
    project = ProjectFactory(round=budget_round)
    users = [MembershipFactory(municipality=municipality).user for _ in range(2)]
    identity = _verify(users[0], "mitid-anna")
    # Both accounts are seen as the same verified person (the second through a
    # copy of the identity, as a lookup made just before the move would see it).
    barrier = threading.Barrier(2)
    results, errors = [], []

    def vote(user):
        try:
            barrier.wait()
            services.ballot_cast(
                budget_round=budget_round, user=user, choices=[(project.pk, 1)]
            )
            results.append(user)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    # Patched once, here, around both threads: ``mock.patch`` entered and left in
    # each thread races (the later one saves the earlier one's mock as "the
    # original" and may put it back last), which left ``verified_identity_of``
    # replaced for the rest of the process — every later ballot in a verified
    # round then showed the form to people without MitID.
    with (
        mock.patch(
            "faelles.budgeting.services.verified_identity_of", return_value=identity
        ),
        mock.patch(
            "faelles.accounts.eligibility.verified_identity_of", return_value=identity
        ),
    ):
        threads = [threading.Thread(target=vote, args=(u,)) for u in users]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert services.verified_identity_of is selectors.verified_identity_of
    assert eligibility.verified_identity_of is selectors.verified_identity_of
    assert len(results) == 1
    assert len(errors) == 1
    assert "allerede stemt med dit MitID" in str(errors[0])
    assert Ballot.objects.filter(round=budget_round).count() == 1
    assert BallotReceipt.objects.filter(round=budget_round).count() == 1
    assert VerifiedVoter.objects.filter(round=budget_round).count() == 1


def _verify(user, subject):
    import datetime as dt

    from faelles.accounts.models import AssuranceLevel
    from faelles.accounts.oidc import IdentityClaims
    from faelles.accounts.services import verified_identity_record

    return verified_identity_record(
        user=user,
        provider="mitid",
        claims=IdentityClaims(
            subject=subject,
            assurance_level=AssuranceLevel.SUBSTANTIAL,
            birth_date=dt.date(1990, 1, 1),
            municipality_code="461",
            postcode="5000",
        ),
    )
