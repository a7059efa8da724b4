import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from faelles.accounts.factories import MembershipFactory
from faelles.core.models import AuditEntry
from faelles.organisations.factories import (
    OrganisationFactory,
    OrganisationMemberFactory,
)
from faelles.resources import services
from faelles.resources.models import Listing, Side, Visibility

pytestmark = pytest.mark.django_db

URL = "/odense/ressourcer/opret/ressource/"


def _post(**extra):
    data = {
        "kind": "skill",
        "title": "Jeg kan reparere cykler",
        "text": "Jeg har et lille værksted og lærer gerne andre at lappe cykler.",
        "categories": ["local.repair"],
        "modes": ["in_person"],
        "postcode": "5000",
        "visibility": "public",
    }
    data.update(extra)
    return data


def test_citizen_creates_offer(client, municipality, citizen):
    client.force_login(citizen)
    response = client.post(URL, _post())
    assert response.status_code == 302
    listing = Listing.objects.get()
    assert (listing.side, listing.owner, listing.created_by) == (
        Side.OFFER,
        citizen,
        citizen,
    )
    assert listing.category_path == " local.repair local "
    assert listing.expires_on > dt.date.today()
    assert AuditEntry.objects.filter(action="resources.listing_create").exists()


def test_anonymous_is_sent_to_login(client, municipality):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_outsider_and_other_municipality_member_are_refused(
    client, municipality, outsider, other_admin
):
    for person in (outsider, other_admin):
        client.force_login(person)
        assert client.post(URL, _post()).status_code == 403
    assert not Listing.objects.exists()


@pytest.mark.parametrize(
    "bad",
    [
        {"postcode": "50"},
        {"modes": []},
        {"title": ""},
        {"categories": ["findes.ikke"]},
        {"kind": "magic"},
        {"available_from": "2026-05-01", "available_until": "2026-04-01"},
        {"commitment": "group"},
        {"radius_km": "0"},
        {"slots": ["mon-midnight"]},
    ],
)
def test_bad_input_saves_nothing(client, municipality, citizen, bad):
    client.force_login(citizen)
    response = client.post(URL, _post(**bad))
    assert response.status_code == 200
    assert not Listing.objects.exists()


def test_lived_experience_needs_explicit_consent(client, municipality, citizen):
    client.force_login(citizen)
    data = _post(
        kind="lived_experience",
        title="Jeg lever med KOL",
        text="Jeg lever med KOL og vil gerne lære andre at leve med det.",
        categories=["health.chronic.copd"],
        visibility="members",
    )
    response = client.post(URL, data)
    assert response.status_code == 200
    assert "samtykke" in response.text
    assert not Listing.objects.exists()
    response = client.post(URL, {**data, "special_consent": "on"})
    assert response.status_code == 302
    listing = Listing.objects.get()
    assert listing.special_consent_at is not None
    assert listing.visibility == Visibility.MEMBERS


def test_health_data_can_never_be_public(client, municipality, citizen):
    client.force_login(citizen)
    response = client.post(
        URL,
        _post(
            categories=["health.chronic.diabetes"],
            visibility="public",
            special_consent="on",
        ),
    )
    assert response.status_code == 200
    assert not Listing.objects.exists()
    with pytest.raises(ValidationError):
        services.listing_create(
            municipality=municipality,
            actor=citizen,
            side=Side.OFFER,
            special_consent=True,
            kind="lived_experience",
            title="KOL",
            text="Jeg lever med KOL.",
            visibility=Visibility.PUBLIC,
        )
    assert not Listing.objects.exists()


def test_consent_checkbox_is_unticked_by_default(client, municipality, citizen):
    client.force_login(citizen)
    html = client.get(URL).text
    assert 'name="special_consent"' in html
    checkbox = html[html.index('name="special_consent"') - 200 :]
    assert "checked" not in checkbox[: checkbox.index(">") + 1]


def test_special_form_defaults_to_members_not_public(municipality, citizen):
    listing = services.listing_create(
        municipality=municipality,
        actor=citizen,
        side=Side.NEED,
        special_consent=True,
        kind="lived_experience",
        title="Nogen der kender sorg",
        text="Jeg har mistet min mand og vil gerne tale med en i samme situation.",
        categories=["health.grief"],
    )
    assert listing.visibility == Visibility.MEMBERS


def test_employee_posts_for_citizen_with_recorded_consent(
    client, municipality, employee, citizen
):
    client.force_login(employee)
    data = _post(
        on_behalf="1",
        **{
            "behalf-citizen_email": citizen.email,
            "behalf-consent_by": "Borgeren selv",
            "behalf-consent_method": "phone",
        },
    )
    response = client.post(URL, data)
    assert response.status_code == 302
    listing = Listing.objects.get()
    assert listing.owner == citizen
    assert listing.created_by == employee
    assert listing.behalf_consent_by == "Borgeren selv"
    assert listing.behalf_consent_method == "phone"
    assert listing.behalf_consent_at is not None


def test_behalf_without_consent_or_for_non_member_saves_nothing(
    client, municipality, employee, other_admin
):
    client.force_login(employee)
    missing = _post(on_behalf="1", **{"behalf-citizen_email": other_admin.email})
    assert client.post(URL, missing).status_code == 200
    assert not Listing.objects.exists()


def test_citizen_cannot_post_on_behalf(client, municipality, citizen):
    other = MembershipFactory(municipality=municipality).user
    client.force_login(citizen)
    data = _post(
        on_behalf="1",
        **{
            "behalf-citizen_email": other.email,
            "behalf-consent_by": "x",
            "behalf-consent_method": "phone",
        },
    )
    assert client.post(URL, data).status_code == 302
    assert Listing.objects.get().owner == citizen  # the behalf part is ignored


def test_acting_for_organisation(client, municipality, citizen):
    organisation = OrganisationFactory(municipality=municipality)
    OrganisationMemberFactory(organisation=organisation, user=citizen)
    client.force_login(citizen)
    session = client.session
    session[f"acting_as:{municipality.pk}"] = organisation.pk
    session.save()
    assert client.post(URL, _post()).status_code == 302
    assert Listing.objects.get().organisation == organisation


def test_edit_and_permissions(client, municipality, citizen, municipal_admin):
    listing = services.listing_create(
        municipality=municipality,
        actor=citizen,
        side=Side.OFFER,
        kind="skill",
        title="Strikning",
        text="Jeg lærer gerne andre at strikke.",
        visibility=Visibility.PUBLIC,
    )
    url = f"/odense/ressourcer/{listing.pk}/rediger/"
    stranger = MembershipFactory(municipality=municipality).user
    client.force_login(stranger)
    assert client.get(url).status_code == 403
    assert client.post(url, _post(title="Overtaget")).status_code == 403
    client.force_login(citizen)
    assert client.post(url, _post(title="Strikning og hækling")).status_code == 302
    listing.refresh_from_db()
    assert listing.title == "Strikning og hækling"
    client.force_login(municipal_admin)
    assert client.get(url).status_code == 200


def test_form_has_no_ctrl_multiselect_and_a_week_grid(client, municipality, citizen):
    client.force_login(citizen)
    html = client.get(URL).content.decode()
    assert "<select" in html and "multiple" not in html.split("<form", 2)[2]
    assert html.count('class="form-checkbox" value="mon-morning"') == 1
    assert '<th scope="row">Mandag</th>' in html
    # Nothing in the folded details yet: the fold is closed.
    assert '<details class="res-more">' in html


def test_grid_slots_are_stored_as_the_availability_mask(client, municipality, citizen):
    client.force_login(citizen)
    response = client.post(URL, _post(slots=["tue-morning", "sun-evening"]))
    assert response.status_code == 302
    listing = Listing.objects.get()
    assert listing.availability == (1 << 3) | (1 << 20)


def test_folded_details_open_when_they_hold_a_value_or_an_error(
    client, municipality, citizen
):
    client.force_login(citizen)
    response = client.post(URL, _post(capacity="-1"))
    assert response.status_code == 200
    assert '<details class="res-more" open>' in response.content.decode()
    assert not Listing.objects.exists()
