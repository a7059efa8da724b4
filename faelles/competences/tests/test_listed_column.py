"""``Profile.listed`` is kept by database triggers (``listing.py``): whichever way
an account, a membership or a profile changes — ``save()``, ``QuerySet.update()``,
bulk operations, deletion — the column follows, on SQLite and on PostgreSQL."""

import pytest

from faelles.accounts.models import Membership, User
from faelles.competences import selectors
from faelles.competences.factories import employee_in, profile_for
from faelles.competences.models import Profile
from faelles.municipalities.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def _listed(profile) -> bool:
    return Profile.objects.values_list("listed", flat=True).get(pk=profile.pk)


def _found(municipality, profile) -> bool:
    ids = {h.profile.pk for h in selectors.search(municipality=municipality).hits}
    return profile.pk in ids


@pytest.fixture
def shared(colleague_profile):
    assert _listed(colleague_profile)
    return colleague_profile


def test_a_profile_that_shares_something_is_listed(shared, municipality):
    assert _found(municipality, shared)


def test_a_profile_that_shares_nothing_is_not(municipality):
    person = employee_in(municipality)
    profile = profile_for(person, municipality, skills="")
    assert not _listed(profile)


def test_closing_the_account_in_bulk_unlists_and_reopening_lists(shared, municipality):
    User.objects.filter(pk=shared.user_id).update(is_active=False)
    assert not _listed(shared)
    assert not _found(municipality, shared)
    User.objects.filter(pk=shared.user_id).update(is_active=True)
    assert _listed(shared)


def test_closing_the_account_with_save_unlists(shared):
    user = User.objects.get(pk=shared.user_id)
    user.is_active = False
    user.save()
    assert not _listed(shared)


def test_no_longer_an_employee_unlists(shared, municipality):
    rows = Membership.objects.filter(municipality=municipality, user_id=shared.user_id)
    department = rows.get().department
    rows.update(is_employee=False, department=None)
    assert not _listed(shared)
    assert not _found(municipality, shared)
    rows.update(is_employee=True, department=department)
    assert _listed(shared)


def test_leaving_the_municipality_unlists_and_rejoining_lists(shared, municipality):
    membership = Membership.objects.get(
        municipality=municipality, user_id=shared.user_id
    )
    department = membership.department
    membership.delete()
    assert not _listed(shared)
    Membership.objects.bulk_create(
        [
            Membership(
                municipality=municipality,
                user_id=shared.user_id,
                is_employee=True,
                department=department,
            )
        ]
    )
    assert _listed(shared)


def test_employment_elsewhere_does_not_list_the_profile_here(shared, municipality):
    rows = Membership.objects.filter(municipality=municipality, user_id=shared.user_id)
    rows.update(is_employee=False, department=None)
    other = MunicipalityFactory(slug="faxe")
    Membership.objects.create(
        municipality=other, user_id=shared.user_id, is_employee=True
    )
    assert not _listed(shared)


def test_a_stale_object_saved_again_does_not_undo_the_column(shared, municipality):
    stale = Profile.objects.get(pk=shared.pk)  # loaded while listed
    User.objects.filter(pk=shared.user_id).update(is_active=False)
    stale.save()  # writes listed=True from memory; the trigger recomputes it
    assert not _listed(shared)


def test_unindexing_unlists(shared):
    Profile.objects.filter(pk=shared.pk).update(indexed=False)
    assert not _listed(shared)
