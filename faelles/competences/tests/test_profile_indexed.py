"""``Profile.indexed`` — whether a profile has search terms, i.e. shares
something — is the directory's stored index of who to list. It is written with
the terms, so it is fresh after every edit, and the scale seeder sets it too."""

import random

import pytest
from django.db.models import Exists, OuterRef

from faelles.accounts.factories import MembershipFactory
from faelles.competences import demo, selectors, services
from faelles.competences.factories import employee_in, profile_for
from faelles.competences.models import Profile, ProfileTerm, Sharing

pytestmark = pytest.mark.django_db

PRIVATE = {
    "skills_sharing": Sharing.PRIVATE,
    "languages_sharing": Sharing.PRIVATE,
    "networks_sharing": Sharing.PRIVATE,
}


def _listed(municipality):
    return [h.profile.pk for h in selectors.search(municipality=municipality).hits]


def test_indexed_follows_every_edit_of_the_profile(municipality):
    person = employee_in(municipality)
    profile = profile_for(person, municipality, skills="Kan sejle", languages=["ar"])
    assert Profile.objects.get(pk=profile.pk).indexed
    assert _listed(municipality) == [profile.pk]
    # Everything kept to oneself: no terms, not indexed, not listed.
    services.profile_save(
        municipality=municipality,
        user=person,
        skills="Kan sejle",
        languages=["ar"],
        **PRIVATE,
    )
    assert not Profile.objects.get(pk=profile.pk).indexed
    assert not ProfileTerm.objects.filter(profile=profile).exists()
    assert _listed(municipality) == []
    assert not selectors.search(municipality=municipality, text="sejle").hits
    # Shared again: listed again.
    services.profile_save(municipality=municipality, user=person, networks="Roklub")
    assert Profile.objects.get(pk=profile.pk).indexed
    assert _listed(municipality) == [profile.pk]


def test_an_empty_profile_is_not_indexed(municipality):
    profile = profile_for(employee_in(municipality), municipality)
    assert not Profile.objects.get(pk=profile.pk).indexed
    assert _listed(municipality) == []


def test_the_seeder_sets_indexed_as_the_terms_say(municipality):
    for i in range(40):
        MembershipFactory(
            municipality=municipality,
            is_employee=True,
            user__email=f"seed-odense-{i}@seed.faelles.example",
        )
    demo.seed(
        municipality=municipality,
        scale="small",
        rng=random.Random(3),
        progress=lambda total, desc: type(
            "Bar", (), {"update": lambda s, n: None, "close": lambda s: None}
        )(),
    )
    profiles = Profile.objects.filter(municipality=municipality).annotate(
        has_terms=Exists(ProfileTerm.objects.filter(profile=OuterRef("pk")))
    )
    assert profiles.count() > 5
    assert all(p.indexed == p.has_terms for p in profiles)
    assert any(p.indexed for p in profiles)
