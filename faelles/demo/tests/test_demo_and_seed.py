import pytest
from django.core.management import CommandError, call_command

from faelles.accounts.models import Membership, User
from faelles.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def _fingerprint(slug):
    return list(
        User.objects.filter(email__startswith=f"seed-{slug}-")
        .order_by("email")
        .values_list("display_name", "postcode")[:200]
    )


def test_seed_is_deterministic_and_refuses_to_run_twice():
    call_command(
        "seed",
        municipality="by-a",
        scale="small",
        seed=7,
        only="accounts,organisations",
    )
    call_command(
        "seed",
        municipality="by-b",
        scale="small",
        seed=7,
        only="accounts,organisations",
    )
    assert Membership.objects.filter(municipality__slug="by-a").count() == 1000
    assert Organisation.objects.filter(municipality__slug="by-a").civil().count() == 20
    assert _fingerprint("by-a") == _fingerprint("by-b")
    call_command("seed", municipality="by-c", scale="small", seed=8, only="accounts")
    assert _fingerprint("by-c") != _fingerprint("by-a")
    with pytest.raises(CommandError):
        call_command("seed", municipality="by-a", scale="small", seed=7)


def test_foundation_seeders_run_once_and_give_employees_departments():
    for _ in range(2):
        call_command(
            "seed",
            municipality="by-d",
            scale="small",
            seed=3,
            only="accounts,organisations",
        )
    members = Membership.objects.filter(municipality__slug="by-d")
    assert members.count() == 1000
    assert Organisation.objects.filter(municipality__slug="by-d").civil().count() == 20
    employees = members.filter(is_employee=True)
    assert employees.exists()
    assert not employees.filter(department__isnull=True).exists()
    assert not members.filter(is_politician=True, party="").exists()
    for organisation in Organisation.objects.filter(municipality__slug="by-d").civil():
        assert organisation.members.filter(is_admin=True).count() == 1
        assert 3 <= organisation.members.count() <= 30
