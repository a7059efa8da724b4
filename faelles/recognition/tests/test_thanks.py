"""Thanks: private by default, public only with the recipient's consent (and
hidden again at once when withdrawn), refusals that change nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.accounts.models import ProfileVisibility
from faelles.notifications.models import Notification
from faelles.organisations.factories import (
    OrganisationFactory,
    OrganisationMemberFactory,
)
from faelles.recognition import services
from faelles.recognition.factories import ThanksFactory
from faelles.recognition.models import Thanks

pytestmark = pytest.mark.django_db

BASE = "/odense/fejring/"


def _member(municipality, **kwargs):
    membership = MembershipFactory(municipality=municipality)
    user = membership.user
    for key, value in kwargs.items():
        setattr(user, key, value)
    user.save()
    return user


@pytest.fixture
def helper(municipality):
    return _member(
        municipality, display_name="Hjælpsomme Hanne", profile_visibility="members"
    )


@pytest.fixture
def association(municipality):
    return OrganisationFactory(municipality=municipality, name="Strandens Venner")


def _thank(client, person, **data):
    payload = {"message": "Tak for hjælpen med haven!", "for_what": "Haven"}
    payload.update(data)
    return client.post(f"{BASE}tak/person/{person.pk}/", payload)


def test_a_person_is_thanked_from_their_page_and_told_after_commit(
    client, citizen, helper, django_capture_on_commit_callbacks
):
    client.force_login(citizen)
    page = client.get(f"/odense/personer/{helper.pk}/")
    assert page.status_code == 200
    assert "Sig tak" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = _thank(client, helper)
    assert response.status_code == 302
    thanks = Thanks.objects.get()
    assert (thanks.sender, thanks.recipient_user) == (citizen, helper)
    assert not thanks.public_requested and thanks.consented_at is None
    note = Notification.objects.get(recipient=helper)
    assert note.kind == "recognition.thanks" and "siger tak" in note.title


def test_no_thank_you_section_on_ones_own_page(client, citizen):
    client.force_login(citizen)
    page = client.get(f"/odense/personer/{citizen.pk}/").content.decode()
    assert "recognition-thank-heading" not in page


def test_a_person_one_may_not_see_cannot_be_thanked(client, citizen, municipality):
    hidden = _member(municipality, profile_visibility=ProfileVisibility.PRIVATE)
    client.force_login(citizen)
    assert _thank(client, hidden).status_code == 404
    assert not Thanks.objects.exists()


def test_another_municipalitys_person_is_404(client, citizen, other_municipality):
    elsewhere = _member(other_municipality, profile_visibility="public")
    client.force_login(citizen)
    assert _thank(client, elsewhere).status_code == 404
    assert not Thanks.objects.exists()


def test_no_one_thanks_themselves(client, citizen, municipality):
    client.force_login(citizen)
    response = _thank(client, citizen)
    assert response.status_code == 200
    assert "Du kan ikke takke dig selv." in response.content.decode()
    assert not Thanks.objects.exists()


def test_an_inactive_person_is_refused_clearly(municipality, citizen, helper):
    helper.is_active = False
    helper.save()
    with pytest.raises(ValidationError, match="ikke takke denne person"):
        services.thanks_give(
            municipality=municipality,
            sender=citizen,
            recipient_user=helper,
            message="Tak",
        )
    assert not Thanks.objects.exists()


def test_a_visitor_without_membership_may_not_thank(client, outsider, helper):
    client.force_login(outsider)
    assert _thank(client, helper).status_code == 403
    client.logout()
    response = _thank(client, helper)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Thanks.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"message": ""},
        {"message": "   "},
        {"message": "x" * 1001},
        {"for_what": "y" * 161},
        {"for_what": "linje\x00skift"},
    ],
)
def test_bad_input_changes_nothing(client, citizen, helper, data):
    client.force_login(citizen)
    response = _thank(client, helper, **data)
    assert response.status_code == 200
    assert 'class="form-error-message' in response.content.decode() or (
        "error" in response.content.decode()
    )
    assert not Thanks.objects.exists()


def test_the_rate_limit_says_so_and_saves_nothing(
    client, citizen, helper, municipality
):
    now = timezone.now()
    for _ in range(services.THANKS_PER_DAY):
        ThanksFactory(
            municipality=municipality,
            sender=citizen,
            recipient_user=helper,
            created_at=now - timedelta(hours=2),
        )
    client.force_login(citizen)
    response = _thank(client, helper)
    assert "prøv igen i morgen" in response.content.decode()
    assert Thanks.objects.count() == services.THANKS_PER_DAY
    # a day later it works again
    Thanks.objects.update(created_at=now - timedelta(days=1, minutes=1))
    assert _thank(client, helper).status_code == 302


def test_private_thanks_are_seen_by_sender_and_recipient_only(
    client, citizen, helper, municipality
):
    ThanksFactory(
        municipality=municipality,
        sender=citizen,
        recipient_user=helper,
        message="En hemmelig tak 4711",
    )
    thanks = Thanks.objects.get()
    for who, sees in [(citizen, True), (helper, True)]:
        client.force_login(who)
        assert (
            "En hemmelig tak 4711" in client.get(f"{BASE}tak/").content.decode()
        ) is sees
    third = _member(municipality)
    admin = MembershipFactory(
        municipality=municipality, is_employee=True, is_administrator=True
    ).user
    for who in (third, admin):
        client.force_login(who)
        assert "4711" not in client.get(f"{BASE}tak/").content.decode()
        assert "4711" not in client.get(BASE).content.decode()
        assert (
            client.post(
                f"{BASE}tak/{thanks.pk}/samtykke/", {"consent": "yes"}
            ).status_code
            == 404
        )
        assert client.post(f"{BASE}tak/{thanks.pk}/slet/").status_code == 404
    client.logout()
    assert "4711" not in client.get(BASE).content.decode()
    assert Thanks.objects.filter(pk=thanks.pk).exists()


def test_public_only_with_consent_and_withdrawal_hides_at_once(
    client, citizen, helper, municipality
):
    ThanksFactory(
        municipality=municipality,
        sender=citizen,
        recipient_user=helper,
        message="Tak til hele vejen 8150",
        public_requested=True,
    )
    thanks = Thanks.objects.get()
    assert "8150" not in client.get(BASE).content.decode()
    # the sender cannot consent on the recipient's behalf
    client.force_login(citizen)
    assert (
        client.post(f"{BASE}tak/{thanks.pk}/samtykke/", {"consent": "yes"}).status_code
        == 403
    )
    thanks.refresh_from_db()
    assert thanks.consented_at is None
    client.force_login(helper)
    client.post(f"{BASE}tak/{thanks.pk}/samtykke/", {"consent": "yes"})
    client.logout()
    assert "8150" in client.get(BASE).content.decode()
    client.force_login(helper)
    client.post(f"{BASE}tak/{thanks.pk}/samtykke/", {"consent": "no"})
    client.logout()
    assert "8150" not in client.get(BASE).content.decode()


def test_consent_needs_the_senders_wish(municipality, citizen, helper):
    thanks = ThanksFactory(
        municipality=municipality, sender=citizen, recipient_user=helper
    )
    with pytest.raises(ValidationError):
        services.thanks_consent(thanks=thanks, actor=helper, consent=True)
    thanks.refresh_from_db()
    assert thanks.consented_at is None


def test_recipient_and_sender_may_delete(client, citizen, helper, municipality):
    one = ThanksFactory(
        municipality=municipality, sender=citizen, recipient_user=helper
    )
    two = ThanksFactory(
        municipality=municipality, sender=citizen, recipient_user=helper
    )
    client.force_login(helper)
    client.post(f"{BASE}tak/{one.pk}/slet/")
    client.force_login(citizen)
    client.post(f"{BASE}tak/{two.pk}/slet/")
    assert not Thanks.objects.exists()


def test_an_organisation_is_thanked_and_its_admin_consents(
    client, citizen, association, municipality, django_capture_on_commit_callbacks
):
    admin = _member(municipality)
    member = _member(municipality)
    OrganisationMemberFactory(organisation=association, user=admin, is_admin=True)
    OrganisationMemberFactory(organisation=association, user=member, is_admin=False)
    client.force_login(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{BASE}tak/",
            {
                "recipient_organisation": association.pk,
                "message": "Tak for strandrensningen 2231",
                "public_requested": "on",
            },
        )
    assert response.status_code == 302
    thanks = Thanks.objects.get()
    assert thanks.recipient_organisation == association
    assert set(Notification.objects.values_list("recipient", flat=True)) == {
        admin.pk,
        member.pk,
    }
    client.force_login(member)
    assert "2231" in client.get(f"{BASE}tak/").content.decode()
    assert (
        client.post(f"{BASE}tak/{thanks.pk}/samtykke/", {"consent": "yes"}).status_code
        == 403
    )
    client.force_login(admin)
    client.post(f"{BASE}tak/{thanks.pk}/samtykke/", {"consent": "yes"})
    thanks.refresh_from_db()
    assert thanks.is_public


def test_a_team_thanks_an_association_on_its_behalf(
    client, citizen, association, municipality
):
    team = OrganisationFactory(municipality=municipality, name="Hjemmeplejen Nord")
    OrganisationMemberFactory(organisation=team, user=citizen)
    client.force_login(citizen)
    session = client.session
    session[f"acting_as:{municipality.pk}"] = team.pk
    session.save()
    client.post(
        f"{BASE}tak/",
        {"recipient_organisation": association.pk, "message": "Tak for samarbejdet"},
    )
    thanks = Thanks.objects.get()
    assert thanks.sender_organisation == team and thanks.from_name == team.name
    # an organisation does not thank itself
    response = client.post(
        f"{BASE}tak/", {"recipient_organisation": team.pk, "message": "Tak os"}
    )
    assert "kan ikke takke sig selv" in response.content.decode()
    assert Thanks.objects.count() == 1


def test_another_municipalitys_organisation_is_not_a_choice(
    client, citizen, other_municipality
):
    elsewhere = OrganisationFactory(municipality=other_municipality)
    client.force_login(citizen)
    for value in (elsewhere.pk, "99999999999999999999", "x"):
        response = client.post(
            f"{BASE}tak/", {"recipient_organisation": value, "message": "Tak"}
        )
        assert response.status_code == 200
    assert not Thanks.objects.exists()


def test_a_person_of_another_municipality_is_not_offered_to_thank(
    client, other_admin, municipality
):
    from faelles.recognition.factories import AwardFactory

    award = AwardFactory(municipality=municipality)
    client.force_login(other_admin)
    page = client.get(BASE).content.decode()
    assert f"{BASE}tak/" not in page
    assert f"{BASE}priser/{award.pk}/nominer/" not in page
    assert (
        f"{BASE}priser/{award.pk}/nominer/"
        not in client.get(award.get_absolute_url()).content.decode()
    )
    client.logout()  # a visitor is invited, and asked to log in
    assert f"{BASE}priser/{award.pk}/nominer/" in client.get(BASE).content.decode()


def test_the_service_refuses_a_too_long_message(municipality, citizen, helper):
    with pytest.raises(ValidationError, match="højst 1000 tegn"):
        services.thanks_give(
            municipality=municipality,
            sender=citizen,
            recipient_user=helper,
            message="x" * 1001,
        )
    assert not Thanks.objects.exists()
