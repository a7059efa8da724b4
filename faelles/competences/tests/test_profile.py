"""One's own profile: each part shared or kept, lived experience only with
consent, its search terms follow what is shared, deleting it."""

import pytest
from django.core.exceptions import ValidationError

from faelles.competences import services
from faelles.competences.models import Profile, ProfileTerm, Sharing
from faelles.core.models import AuditEntry

from .conftest import BASE

pytestmark = pytest.mark.django_db


def _terms(profile):
    return set(
        ProfileTerm.objects.filter(profile=profile).values_list("term", flat=True)
    )


def test_saving_indexes_only_what_is_shared(employee, municipality):
    profile = services.profile_save(
        municipality=municipality,
        user=employee,
        skills="Kan lave budgetter i regneark",
        languages=["pl"],
        languages_sharing=Sharing.PRIVATE,
        networks="Kender formanden for beboerforeningen",
        networks_sharing=Sharing.PRIVATE,
    )
    terms = _terms(profile)
    assert "w:budget" in terms
    assert "l:pl" not in terms and "w:polsk" not in terms
    assert not any("beboerforening" in t for t in terms)
    assert AuditEntry.objects.filter(
        action="competences.profile_create", actor=employee
    ).exists()


def test_changing_sharing_reindexes(employee, municipality):
    services.profile_save(
        municipality=municipality, user=employee, skills="Kan spille guitar"
    )
    profile = services.profile_save(
        municipality=municipality,
        user=employee,
        skills="Kan spille guitar",
        skills_sharing=Sharing.PRIVATE,
    )
    assert _terms(profile) == set()
    assert Profile.objects.filter(user=employee).count() == 1


def test_lived_experience_needs_consent_and_changes_nothing_without(
    employee, municipality
):
    with pytest.raises(ValidationError) as error:
        services.profile_save(
            municipality=municipality,
            user=employee,
            skills="Kan lave mad til mange",
            experience="Jeg har selv levet med en depression",
            experience_sharing=Sharing.EMPLOYEES,
        )
    assert "experience_consent" in error.value.error_dict
    assert not Profile.objects.filter(user=employee).exists()


def test_lived_experience_private_by_default_and_indexed_only_when_shared(
    employee, municipality
):
    profile = services.profile_save(
        municipality=municipality,
        user=employee,
        experience="Jeg har været pårørende til en med demens",
        experience_consent=True,
    )
    assert profile.experience_sharing == Sharing.PRIVATE
    assert profile.experience_consent_at is not None
    assert _terms(profile) == set()
    profile = services.profile_save(
        municipality=municipality,
        user=employee,
        experience="Jeg har været pårørende til en med demens",
        experience_consent=True,
        experience_sharing=Sharing.EMPLOYEES,
    )
    assert "c:pårørende" in _terms(profile)


def test_withdrawing_consent_deletes_the_experience(employee, municipality):
    services.profile_save(
        municipality=municipality,
        user=employee,
        experience="Kom til Danmark som voksen",
        experience_consent=True,
        experience_sharing=Sharing.EMPLOYEES,
    )
    profile = services.profile_save(
        municipality=municipality,
        user=employee,
        experience="",
        experience_consent=False,
    )
    assert profile.experience == "" and profile.experience_consent_at is None


def test_experience_delete_page(client, employee, municipality):
    services.profile_save(
        municipality=municipality,
        user=employee,
        skills="Kan sy",
        experience="Har haft kræft",
        experience_consent=True,
        experience_sharing=Sharing.EMPLOYEES,
    )
    client.force_login(employee)
    response = client.post(f"{BASE}min-profil/slet-erfaringer/")
    assert response.status_code == 302
    profile = Profile.objects.get(user=employee)
    assert profile.experience == "" and profile.experience_consent_at is None
    assert profile.skills == "Kan sy"
    assert not any("kræft" in t for t in _terms(profile))


def test_profile_page_saves_and_refuses_bad_input(client, employee, municipality):
    client.force_login(employee)
    assert client.get(f"{BASE}min-profil/").status_code == 200
    data = {
        "skills": "Kan tale arabisk og lave podcasts",
        "tags": "podcast, lyd",
        "skills_sharing": "employees",
        "languages": ["da", "ar"],
        "languages_sharing": "employees",
        "experience": "",
        "experience_sharing": "private",
        "networks": "Spejderne i Bolbro",
        "networks_sharing": "employees",
        "open_to_questions": "on",
    }
    response = client.post(f"{BASE}min-profil/", data)
    assert response.status_code == 302
    profile = Profile.objects.get(user=employee)
    assert profile.tags == ["podcast", "lyd"] and profile.languages == ["da", "ar"]

    bad = {**data, "tags": ",".join(f"ord{i}" for i in range(20)), "skills": "Ny"}
    response = client.post(f"{BASE}min-profil/", bad)
    assert response.status_code == 200
    assert "Højst 12 emneord." in response.content.decode()
    profile.refresh_from_db()
    assert profile.skills.startswith("Kan tale arabisk")

    bad = {**data, "experience": "Har haft stress", "skills": "Ny"}
    response = client.post(f"{BASE}min-profil/", bad)
    assert response.status_code == 200
    assert "samtykket" in response.content.decode()
    profile.refresh_from_db()
    assert profile.experience == "" and profile.skills.startswith("Kan tale")


def test_profile_delete(client, employee, municipality):
    services.profile_save(municipality=municipality, user=employee, skills="Kan sy")
    client.force_login(employee)
    assert client.post(f"{BASE}min-profil/slet/").status_code == 302
    assert not Profile.objects.filter(user=employee).exists()
    assert not ProfileTerm.objects.exists()


def test_only_employees_have_a_profile(citizen, municipality):
    with pytest.raises(ValidationError):
        services.profile_save(municipality=municipality, user=citizen, skills="x")
