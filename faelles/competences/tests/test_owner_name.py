"""``Profile.owner_name`` is kept by database triggers (``naming.py``): whichever
way an account's name or a profile changes — ``save()``, ``QuerySet.update()``,
bulk operations — the copy follows, on SQLite and on PostgreSQL, and the
directory's "everyone, by name" stays in name order."""

import pytest

from faelles.accounts.models import User
from faelles.competences import selectors
from faelles.competences.factories import employee_in, profile_for
from faelles.competences.models import Profile

pytestmark = pytest.mark.django_db


def _name(profile) -> str:
    return Profile.objects.values_list("owner_name", flat=True).get(pk=profile.pk)


def _order(municipality) -> list[str]:
    return [
        h.profile.user.display_name
        for h in selectors.search(municipality=municipality).hits
    ]


def _person(municipality, name):
    user = employee_in(municipality)
    User.objects.filter(pk=user.pk).update(display_name=name)
    user.refresh_from_db()
    return user


def test_a_new_profile_copies_its_owners_name(municipality):
    profile = profile_for(_person(municipality, "Birthe"), municipality, skills="Strik")
    assert _name(profile) == "Birthe"


def test_renaming_the_account_renames_every_profile(municipality, other_municipality):
    user = _person(municipality, "Anders")
    here = profile_for(user, municipality, skills="Sejlads")
    # The same person employed in a second municipality has a profile there too.
    from faelles.accounts.models import Membership

    Membership.objects.create(
        municipality=other_municipality, user=user, is_employee=True
    )
    there = profile_for(user, other_municipality, skills="Kajak")
    User.objects.filter(pk=user.pk).update(display_name="Ørnulf")  # no signal
    assert _name(here) == _name(there) == "Ørnulf"
    user.display_name = "Åse"
    user.save()
    assert _name(here) == _name(there) == "Åse"


def test_saving_a_stale_profile_does_not_keep_a_stale_name(municipality):
    profile = profile_for(_person(municipality, "Carl"), municipality, skills="Jura")
    stale = Profile.objects.get(pk=profile.pk)
    User.objects.filter(pk=profile.user_id).update(display_name="Dorthe")
    stale.skills = "Jura og arveret"
    stale.save()  # writes every column, the old name too; the trigger repairs it
    assert _name(profile) == "Dorthe"


def test_moving_a_profile_to_another_owner_takes_the_new_name(municipality):
    profile = profile_for(_person(municipality, "Erik"), municipality, skills="Jura")
    other = _person(municipality, "Freja")
    Profile.objects.filter(pk=profile.pk).update(user=other)
    assert _name(profile) == "Freja"


def test_everyone_by_name_follows_a_rename(municipality):
    for name in ("Bo", "Carla", "Dan"):
        profile_for(_person(municipality, name), municipality, skills="Kan sejle")
    assert _order(municipality) == ["Bo", "Carla", "Dan"]
    User.objects.filter(display_name="Bo").update(display_name="Ebbe")
    assert _order(municipality) == ["Carla", "Dan", "Ebbe"]
