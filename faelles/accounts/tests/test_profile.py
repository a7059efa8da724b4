import json

import pytest

from faelles.accounts.factories import MembershipFactory, UserFactory
from faelles.accounts.models import ProfileVisibility, User
from faelles.core.models import AuditEntry
from faelles.organisations.factories import OrganisationMemberFactory

pytestmark = pytest.mark.django_db


def _profile_data(**overrides):
    data = {
        "display_name": "Anne Holm",
        "postcode": "5000",
        "languages": ["da", "uk"],
        "bio": "Jeg kan lide at gå ture.",
        "profile_visibility": "members",
        "show_postcode": "on",
        "show_languages": "on",
        "preferred_language": "da",
    }
    data.update(overrides)
    return data


def test_profile_requires_login(client):
    response = client.get("/me/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_edit_profile(client, citizen):
    client.force_login(citizen)
    response = client.post("/me/rediger/", _profile_data())
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.display_name == "Anne Holm"
    assert citizen.languages == ["da", "uk"]
    assert AuditEntry.objects.filter(action="profile.update", actor=citizen).exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("postcode", "50000"),
        ("postcode", "abcd"),
        ("display_name", "   "),
        ("languages", ["xx"]),
    ],
)
def test_bad_profile_input_changes_nothing(client, citizen, field, value):
    client.force_login(citizen)
    before = User.objects.get(pk=citizen.pk)
    response = client.post("/me/rediger/", _profile_data(**{field: value}))
    assert response.status_code == 200
    assert "form-error-message" in response.text
    after = User.objects.get(pk=citizen.pk)
    assert (after.display_name, after.postcode, after.languages) == (
        before.display_name,
        before.postcode,
        before.languages,
    )


def test_choosing_english_switches_language(client, citizen):
    client.force_login(citizen)
    client.post("/me/rediger/", _profile_data(preferred_language="en"))
    assert 'lang="en"' in client.get("/me/").text


@pytest.mark.parametrize(
    ("visibility", "viewer", "visible"),
    [
        ("public", "anonymous", True),
        ("members", "anonymous", False),
        ("members", "member", True),
        ("members", "outsider", False),
        ("private", "member", False),
        ("private", "self", True),
    ],
)
def test_person_page_respects_visibility(
    client, municipality, visibility, viewer, visible
):
    person = MembershipFactory(municipality=municipality).user
    person.profile_visibility = visibility
    person.postcode = "5230"
    person.save()
    if viewer == "member":
        client.force_login(MembershipFactory(municipality=municipality).user)
    elif viewer == "outsider":
        client.force_login(UserFactory())
    elif viewer == "self":
        client.force_login(person)
    response = client.get(f"/odense/personer/{person.pk}/")
    assert response.status_code == (200 if visible else 404)


def test_postcode_hidden_unless_chosen(client, municipality):
    person = MembershipFactory(municipality=municipality).user
    person.profile_visibility = ProfileVisibility.PUBLIC
    person.postcode = "5230"
    person.show_postcode = False
    person.save()
    assert "5230" not in client.get(f"/odense/personer/{person.pk}/").text


def test_export_contains_my_data(client, citizen, municipality):
    OrganisationMemberFactory(user=citizen, organisation__municipality=municipality)
    client.force_login(citizen)
    response = client.get("/me/mine-data/")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == citizen.email
    assert data["memberships"][0]["municipality"] == municipality.name
    assert [m["organisation"] for m in data["organisations"]["memberships"]] == [
        citizen.organisation_memberships.get().organisation.name
    ]
    assert data["email_addresses"] == [
        {"email": citizen.email, "verified": True, "primary": True}
    ]
    assert "notifications" in data


def test_delete_account_needs_the_right_email(client, citizen):
    client.force_login(citizen)
    response = client.post("/me/slet-konto/", {"confirm_email": "forkert@example.org"})
    assert response.status_code == 200
    assert User.objects.filter(pk=citizen.pk).exists()
    response = client.post("/me/slet-konto/", {"confirm_email": citizen.email.upper()})
    assert response.status_code == 302
    assert not User.objects.filter(pk=citizen.pk).exists()
