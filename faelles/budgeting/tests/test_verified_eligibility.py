"""Verified eligibility: a round that requires MitID allows one ballot per verified
person, even across accounts, without anything that links the person to the
ballot; the self-declared check remains only where a round allows it, labelled."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.accounts.models import AssuranceLevel, VerifiedIdentity
from faelles.accounts.oidc import IdentityClaims
from faelles.accounts.oidc_config import openid_connect_providers
from faelles.accounts.services import verified_identity_record
from faelles.budgeting import services
from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory
from faelles.budgeting.models import (
    Ballot,
    BallotReceipt,
    Eligibility,
    Phase,
    ResidenceCheck,
    VerifiedVoter,
)

pytestmark = pytest.mark.django_db


def url(name, slug="odense", **kwargs):
    return reverse(f"budgeting:{name}", kwargs={"municipality_slug": slug, **kwargs})


@pytest.fixture(autouse=True)
def mitid(settings):
    """MitID is set up (the provider is never called in these tests)."""
    settings.SOCIALACCOUNT_PROVIDERS = openid_connect_providers(
        server_url="http://127.0.0.1:9", client_id="faelles", secret="s"
    )


@pytest.fixture
def verified_round(municipality):
    municipality.residence_codes = "461"
    municipality.save()
    budget_round = BudgetRoundFactory(
        municipality=municipality,
        eligibility=Eligibility.VERIFIED,
        residence_check=ResidenceCheck.IDENTITY,
        min_age=15,
    )
    ProjectFactory(round=budget_round, title="Legeplads", cost=60_000)
    ProjectFactory(round=budget_round, title="Bænkerute", cost=30_000)
    return budget_round


def verify(user, subject="mitid-anna", **claims):
    fields = {
        "assurance_level": AssuranceLevel.SUBSTANTIAL,
        "birth_date": dt.date(1990, 5, 1),
        "municipality_code": "461",
        "postcode": "5000",
        **claims,
    }
    return verified_identity_record(
        user=user,
        provider="mitid",
        claims=IdentityClaims(subject=subject, **fields),
    )


def member(municipality):
    return MembershipFactory(municipality=municipality).user


def first_project(budget_round):
    return budget_round.projects.order_by("title").first().pk


def cast(budget_round, user, **kwargs):
    return services.ballot_cast(
        budget_round=budget_round,
        user=user,
        choices=[(first_project(budget_round), 1)],
        **kwargs,
    )


def test_a_verified_person_votes_once(verified_round, municipality):
    anna = member(municipality)
    verify(anna)
    cast(verified_round, anna)
    assert Ballot.objects.count() == 1
    assert VerifiedVoter.objects.filter(round=verified_round).count() == 1
    # Changing one's vote from the same account is still allowed.
    cast(verified_round, anna)
    assert Ballot.objects.count() == 1


def test_two_accounts_of_one_verified_person_vote_only_once(
    verified_round, municipality
):
    first, second = member(municipality), member(municipality)
    verify(first, "mitid-anna")
    cast(verified_round, first)
    # The person removes MitID from the first account and connects it to a
    # second one (the identity moves: one account per identity at a time).
    VerifiedIdentity.objects.filter(user=first).delete()
    verify(second, "mitid-anna")
    with pytest.raises(ValidationError, match="allerede stemt med dit MitID"):
        cast(verified_round, second)
    assert Ballot.objects.count() == 1
    assert BallotReceipt.objects.count() == 1


def test_deleting_the_account_does_not_give_a_second_vote(verified_round, municipality):
    from faelles.accounts.services import account_delete

    first = member(municipality)
    verify(first, "mitid-anna")
    cast(verified_round, first)
    account_delete(user=first)  # the receipt goes with the account
    assert not BallotReceipt.objects.exists()
    again = member(municipality)
    verify(again, "mitid-anna")
    with pytest.raises(ValidationError, match="allerede stemt med dit MitID"):
        cast(verified_round, again)
    assert Ballot.objects.count() == 1


def test_the_same_person_votes_in_another_round(verified_round, municipality):
    other_round = BudgetRoundFactory(
        municipality=municipality, eligibility=Eligibility.VERIFIED
    )
    ProjectFactory(round=other_round)
    anna = member(municipality)
    verify(anna)
    cast(verified_round, anna)
    cast(other_round, anna)
    markers = set(VerifiedVoter.objects.values_list("marker", flat=True))
    assert len(markers) == 2  # a marker per round: rounds cannot be joined


def test_an_unverified_account_is_told_how_to_verify(
    client, verified_round, municipality
):
    person = member(municipality)
    client.force_login(person)
    page = client.get(url("ballot", pk=verified_round.pk)).content.decode()
    assert "vise, hvem du er, med MitID" in page
    assert "Forbind MitID" in page
    assert "/accounts/oidc/mitid/login/?process=connect" in page
    assert 'name="projects"' not in page  # no ballot to fill in
    response = client.post(
        url("ballot", pk=verified_round.pk),
        {"projects": [first_project(verified_round)]},
    )
    assert response.status_code == 403
    assert not Ballot.objects.exists()
    assert not VerifiedVoter.objects.exists()
    with pytest.raises(ValidationError, match="vise, hvem du er, med MitID"):
        cast(verified_round, person)


def test_a_too_low_level_asks_for_mitid_again(client, verified_round, municipality):
    verified_round.min_assurance = AssuranceLevel.HIGH
    verified_round.save()
    person = member(municipality)
    verify(person)  # substantial
    client.force_login(person)
    page = client.get(url("ballot", pk=verified_round.pk)).content.decode()
    assert "sikringsniveau høj" in page
    assert "Log ind med MitID igen" in page
    assert "/accounts/oidc/mitid/login/?process=login" in page
    with pytest.raises(ValidationError, match="sikringsniveau"):
        cast(verified_round, person)


@pytest.mark.parametrize(
    ("claims", "message"),
    [
        (
            {"birth_date": dt.date.today().replace(year=dt.date.today().year - 10)},
            "mindst 15 år",
        ),
        ({"birth_date": None}, "oplyste ikke din fødselsdato"),
        ({"municipality_code": "175"}, "bor du i en anden kommune"),
        ({"municipality_code": ""}, "oplyste ikke din bopæl"),
        ({"assurance_level": ""}, "niveau ukendt"),
    ],
)
def test_age_residence_and_level_come_from_the_identity(
    verified_round, municipality, claims, message
):
    person = member(municipality)
    verify(person, **claims)
    with pytest.raises(ValidationError, match=message):
        cast(verified_round, person)
    assert not Ballot.objects.exists()
    assert not VerifiedVoter.objects.exists()


def test_self_declared_answers_do_not_count_in_a_verified_round(
    verified_round, municipality
):
    person = member(municipality)
    verify(person, municipality_code="175")
    # Declaring the right postcode and age changes nothing: MitID says otherwise.
    with pytest.raises(ValidationError, match="anden kommune"):
        cast(verified_round, person, birth_year=1990, postcode="5000")


def test_the_round_postcodes_are_checked_against_the_identity(
    verified_round, municipality
):
    verified_round.postcodes = "5200, 5210"
    verified_round.save()
    person = member(municipality)
    verify(person, postcode="5000")
    with pytest.raises(ValidationError, match="postnummer 5200, 5210"):
        cast(verified_round, person)
    verify(person, postcode="5210")
    cast(verified_round, person)


def test_the_ballot_tables_hold_nothing_that_identifies_the_person(
    verified_round, municipality
):
    anna = member(municipality)
    identity = verify(anna, "mitid-anna-subject")
    cast(verified_round, anna)
    ballot_columns = {
        c.name
        for c in connection.introspection.get_table_description(
            connection.cursor(), Ballot._meta.db_table
        )
    }
    assert ballot_columns == {
        "id",
        "municipality_id",
        "round_id",
        "choices",
        "drops",
        "source",
    }
    voter_columns = {
        c.name
        for c in connection.introspection.get_table_description(
            connection.cursor(), VerifiedVoter._meta.db_table
        )
    }
    assert voter_columns == {"id", "municipality_id", "round_id", "marker"}
    ballot = Ballot.objects.values().get()
    marker = VerifiedVoter.objects.get().marker
    stored = f"{ballot}{marker}"
    for personal in (identity.subject, anna.email, anna.display_name):
        assert personal not in stored
    # The marker is not the ballot's id or a hash that leads to it, and the
    # receipt (which names the person) holds neither.
    receipt = BallotReceipt.objects.values().get()
    assert marker not in str(receipt)
    assert str(ballot["id"]).replace("-", "") not in marker


def test_closing_the_vote_forgets_the_verified_voters(verified_round, municipality):
    anna = member(municipality)
    verify(anna)
    cast(verified_round, anna)
    verified_round.voting_end = timezone.now() - dt.timedelta(minutes=1)
    verified_round.save()
    services.round_set_phase(
        budget_round=verified_round, actor=None, phase=Phase.RESULTS
    )
    assert not VerifiedVoter.objects.exists()
    assert Ballot.objects.count() == 1


def test_another_municipalitys_verified_round_is_404(
    client, verified_round, other_municipality
):
    person = member(other_municipality)
    verify(person)
    client.force_login(person)
    for name in ("detail", "ballot"):
        assert (
            client.get(url(name, slug="faxe", pk=verified_round.pk)).status_code == 404
        )


def test_the_rule_is_shown_on_the_round_and_its_results(client, verified_round):
    page = client.get(url("detail", pk=verified_round.pk)).content.decode()
    assert "Kontrolleret med MitID" in page
    assert "Selvoplyst" not in page


def test_a_self_declared_round_is_labelled_as_such(client, municipality, citizen):
    budget_round = BudgetRoundFactory(municipality=municipality, min_age=15)
    ProjectFactory(round=budget_round)
    page = client.get(url("detail", pk=budget_round.pk)).content.decode()
    assert "Selvoplyst" in page
    assert "bliver ikke kontrolleret" in page
    client.force_login(citizen)
    ballot = client.get(url("ballot", pk=budget_round.pk)).content.decode()
    assert "Selvoplyst" in ballot
    assert 'name="birth_year"' in ballot  # the self-declared check stays here


def test_the_results_say_how_eligibility_was_known(client, municipality):
    budget_round = BudgetRoundFactory(municipality=municipality, phase=Phase.VOTING)
    ProjectFactory(round=budget_round)
    budget_round.voting_end = timezone.now() - dt.timedelta(minutes=1)
    budget_round.save()
    services.round_set_phase(budget_round=budget_round, actor=None, phase=Phase.RESULTS)
    page = client.get(url("results", pk=budget_round.pk)).content.decode()
    assert "Stemmeret:" in page
    assert "Selvoplyst" in page


def test_admin_form_sets_the_rule(client, municipal_admin, municipality):
    municipality.residence_codes = "461"
    municipality.save()
    client.force_login(municipal_admin)
    form = client.get(url("create")).content.decode()
    assert "Kontrolleret med MitID" in form
    response = client.post(
        url("create"),
        {
            "title": "Vi bestemmer 2027",
            "budget": "500000",
            "ballot_type": "approval",
            "min_projects": "1",
            "points_total": "10",
            "age_check": "birth_year",
            "counting_rule": "mes",
            "eligibility": "verified",
            "min_assurance": "high",
            "residence_check": "identity",
        },
    )
    assert response.status_code == 302
    from faelles.budgeting.models import BudgetRound

    created = BudgetRound.objects.get(title="Vi bestemmer 2027")
    assert created.is_verified
    assert created.min_assurance == "high"
    assert created.residence_check == "identity"


def _round_form(**changes):
    return {
        "title": "Vi bestemmer 2027",
        "budget": "500000",
        "ballot_type": "approval",
        "min_projects": "1",
        "points_total": "10",
        "age_check": "birth_year",
        "counting_rule": "mes",
        **changes,
    }


def test_admin_form_refuses_a_residence_check_without_municipality_codes(
    client, municipal_admin, municipality
):
    client.force_login(municipal_admin)
    response = client.post(
        url("create"), _round_form(eligibility="verified", residence_check="identity")
    )
    assert response.status_code == 200
    assert "Angiv først kommunens kommunekode" in response.content.decode()
    from faelles.budgeting.models import BudgetRound

    assert not BudgetRound.objects.exists()


def test_admin_form_refuses_a_verified_round_without_mitid(
    client, municipal_admin, settings
):
    settings.SOCIALACCOUNT_PROVIDERS = {}
    client.force_login(municipal_admin)
    response = client.post(url("create"), _round_form(eligibility="verified"))
    assert response.status_code == 200
    assert "Login med MitID er ikke sat op her" in response.content.decode()


def test_admin_form_refuses_mitid_residence_in_a_self_declared_round(
    client, municipal_admin, municipality
):
    municipality.residence_codes = "461"
    municipality.save()
    client.force_login(municipal_admin)
    response = client.post(
        url("create"),
        _round_form(eligibility="self_declared", residence_check="identity"),
    )
    assert response.status_code == 200
    assert "kræver, at stemmeretten kontrolleres" in response.content.decode()


def test_the_rule_is_locked_once_voting_has_begun(verified_round, municipal_admin):
    with pytest.raises(ValidationError, match="kan ikke ændres"):
        services.round_update(
            budget_round=verified_round,
            actor=municipal_admin,
            eligibility=Eligibility.SELF_DECLARED,
        )
