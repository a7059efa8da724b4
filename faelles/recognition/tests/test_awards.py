"""Awards: phases from the dates, nominating, the jury space (404 for
outsiders), conflicts of interest, winners named only with consent."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.communities.factories import CommunityFactory
from faelles.communities.models import Community
from faelles.initiatives.factories import InitiativeFactory
from faelles.notifications.models import Notification
from faelles.organisations.factories import (
    OrganisationFactory,
    OrganisationMemberFactory,
)
from faelles.recognition import services
from faelles.recognition.factories import (
    AwardFactory,
    JurorFactory,
    NominationFactory,
    WinnerFactory,
)
from faelles.recognition.models import Award, Nomination, Phase, Score, Winner

pytestmark = pytest.mark.django_db

BASE = "/odense/fejring/"


def _member(municipality, **kwargs):
    return MembershipFactory(municipality=municipality, **kwargs).user


def _closed(award):
    today = timezone.localdate()
    Award.objects.filter(pk=award.pk).update(
        nominations_open=today - timedelta(days=10),
        nominations_close=today - timedelta(days=1),
        announce_on=today,
    )
    award.refresh_from_db()
    return award


@pytest.fixture
def award(municipality):
    return AwardFactory(municipality=municipality, name="Årets prøvehandling")


@pytest.fixture
def chair(municipality, award):
    user = _member(municipality, user__display_name="Formand Frida")
    JurorFactory(award=award, user=user, is_chair=True)
    return user


@pytest.fixture
def juror(municipality, award):
    user = _member(municipality, user__display_name="Jurymedlem Jens")
    JurorFactory(award=award, user=user)
    return user


def test_phases_follow_the_dates_and_actions(municipality):
    today = timezone.localdate()
    award = AwardFactory(
        municipality=municipality,
        published_at=None,
        nominations_open=today,
        nominations_close=today + timedelta(days=3),
        announce_on=today + timedelta(days=5),
    )
    assert award.phase(today) == Phase.DRAFT
    award.published_at = timezone.now()
    assert award.phase(today - timedelta(days=1)) == Phase.UPCOMING
    assert award.phase(today) == Phase.NOMINATING
    assert award.phase(today + timedelta(days=3)) == Phase.NOMINATING
    assert award.phase(today + timedelta(days=4)) == Phase.DELIBERATING
    award.announced_at = timezone.now()
    assert award.phase(today) == Phase.ANNOUNCED


def test_an_administrator_defines_an_award_with_a_jury_and_publishes_it(
    client, municipal_admin, municipality, citizen
):
    employee = _member(municipality, is_employee=True)
    client.force_login(municipal_admin)
    today = timezone.localdate()
    response = client.post(
        f"{BASE}priser/ny/",
        {
            "name": "Årets frivillige forening",
            "description": "Til foreningen, der har åbnet dørene.",
            "criteria": "Nye medlemmer, nye samarbejder.",
            "nominations_open": today.isoformat(),
            "nominations_close": (today + timedelta(days=14)).isoformat(),
            "announce_on": (today + timedelta(days=30)).isoformat(),
        },
    )
    award = Award.objects.get()
    assert response.status_code == 302 and award.phase() == Phase.DRAFT
    # a draft is the administrators' only
    client.force_login(citizen)
    assert client.get(award.get_absolute_url()).status_code == 404
    client.force_login(municipal_admin)
    # no publishing without a chair
    client.post(f"{BASE}priser/{award.pk}/offentliggoer/")
    award.refresh_from_db()
    assert award.published_at is None
    client.post(
        f"{BASE}priser/{award.pk}/jury/vaelg/",
        {"members": f"{employee.email}\n{citizen.email}", "chair": employee.email},
    )
    assert award.jurors.count() == 2
    assert award.jurors.get(is_chair=True).user == employee
    client.post(f"{BASE}priser/{award.pk}/offentliggoer/")
    award.refresh_from_db()
    assert award.phase() == Phase.NOMINATING
    client.force_login(citizen)
    assert client.get(award.get_absolute_url()).status_code == 200
    assert "Årets frivillige forening" in client.get(BASE).content.decode()


@pytest.mark.parametrize(
    "change",
    [
        {"name": ""},
        {"nominations_close": "2020-01-01"},
        {"announce_on": "1999-01-01"},
        {"nominations_open": "ikke en dato"},
    ],
)
def test_bad_award_input_changes_nothing(client, municipal_admin, award, change):
    before = Award.objects.values().get(pk=award.pk)
    data = {
        "name": award.name,
        "description": award.description,
        "criteria": award.criteria,
        "nominations_open": award.nominations_open.isoformat(),
        "nominations_close": award.nominations_close.isoformat(),
        "announce_on": award.announce_on.isoformat(),
        **change,
    }
    client.force_login(municipal_admin)
    response = client.post(f"{BASE}priser/{award.pk}/rediger/", data)
    assert response.status_code == 200
    assert "Begrænsning" not in response.content.decode()  # a clear message
    assert Award.objects.values().get(pk=award.pk) == before


def test_a_jury_only_of_the_municipalitys_people(
    client, municipal_admin, award, other_municipality
):
    stranger = _member(other_municipality)
    client.force_login(municipal_admin)
    response = client.post(
        f"{BASE}priser/{award.pk}/jury/vaelg/",
        {"members": stranger.email, "chair": stranger.email},
    )
    assert "Ikke fundet blandt kommunens folk" in response.content.decode()
    assert not award.jurors.exists()


def test_citizens_nominate_an_organisation_initiative_community_or_person(
    client, citizen, award, municipality
):
    org = OrganisationFactory(municipality=municipality)
    initiative = InitiativeFactory(municipality=municipality)
    community = CommunityFactory(municipality=municipality)
    person = _member(municipality)
    person.profile_visibility = "members"
    person.save()
    client.force_login(citizen)
    url = f"{BASE}priser/{award.pk}/nominer/"
    for kind, obj, name in [
        ("organisation", org, org.name),
        ("initiative", initiative, initiative.title),
        ("community", community, community.name),
    ]:
        found = client.get(url, {"slags": kind, "q": name[:6]}).content.decode()
        assert name in found
        response = client.post(
            f"{url}?slags={kind}&q={name[:6]}",
            {"nominee": obj.pk, "reason": "De gør en forskel."},
        )
        assert response.status_code == 302, response.content.decode()
    response = client.post(f"{url}?person={person.pk}", {"reason": "Hun samler vejen."})
    assert response.status_code == 302
    assert Nomination.objects.filter(award=award, nominator=citizen).count() == 4
    # once per nominee
    response = client.post(
        f"{url}?slags=organisation", {"nominee": org.pk, "reason": "Igen."}
    )
    assert "allerede nomineret" in response.content.decode()
    assert Nomination.objects.count() == 4


def test_a_private_community_is_refused_as_if_it_did_not_exist(
    client, citizen, award, municipality, other_municipality
):
    private = CommunityFactory(
        municipality=municipality, access=Community.Access.INVITATION
    )
    elsewhere = OrganisationFactory(municipality=other_municipality)
    client.force_login(citizen)
    url = f"{BASE}priser/{award.pk}/nominer/"
    assert private.name not in client.get(url, {"slags": "community"}).content.decode()
    found = client.get(url, {"slags": "community", "q": private.name}).content.decode()
    assert 'name="nominee"' not in found and "Ingen fundet" in found
    for kind, pk in [
        ("community", private.pk),
        ("organisation", elsewhere.pk),
        ("community", 99999999999999999999),
        ("initiative", "x"),
        ("nothing", 1),
    ]:
        response = client.post(
            f"{url}?slags={kind}", {"nominee": pk, "reason": "Fordi."}
        )
        assert response.status_code == 200
        assert private.name not in response.content.decode()
    with pytest.raises(ValidationError) as refused:
        services.nomination_create(
            award=award,
            nominator=citizen,
            kind="community",
            nominee_id=private.pk,
            reason="x",
        )
    assert "Vælg en person, en organisation" in str(refused.value)
    assert not Nomination.objects.exists()


def test_no_nominations_outside_the_period(citizen, award, municipality):
    org = OrganisationFactory(municipality=municipality)
    _closed(award)
    with pytest.raises(ValidationError, match="ikke nomineres"):
        services.nomination_create(
            award=award,
            nominator=citizen,
            kind="organisation",
            nominee_id=org.pk,
            reason="x",
        )
    award.published_at = None
    with pytest.raises(ValidationError):
        services.nomination_create(
            award=award,
            nominator=citizen,
            kind="organisation",
            nominee_id=org.pk,
            reason="x",
            today=award.nominations_open,
        )
    assert not Nomination.objects.exists()


def test_the_nominator_withdraws_while_open_only(client, citizen, award, municipality):
    nomination = NominationFactory(award=award, nominator=citizen)
    other = NominationFactory(award=award)
    client.force_login(citizen)
    url = f"{BASE}priser/{award.pk}/nomineringer/{{}}/traek-tilbage/"
    assert client.post(url.format(other.pk)).status_code == 404
    client.post(url.format(nomination.pk))
    assert not Nomination.objects.filter(pk=nomination.pk).exists()
    late = NominationFactory(award=award, nominator=citizen)
    _closed(award)
    client.post(url.format(late.pk))
    assert Nomination.objects.filter(pk=late.pk).exists()


def test_nominations_are_never_public(client, citizen, award, municipality):
    NominationFactory(award=award, nominator=citizen, reason="Hemmelig grund 6060")
    theirs = NominationFactory(award=award, reason="Andens grund 7070")
    client.force_login(citizen)
    page = client.get(award.get_absolute_url()).content.decode()
    assert "6060" in page and "7070" not in page
    assert theirs.nominee_user.display_name not in page
    client.logout()
    for url in (award.get_absolute_url(), BASE):
        page = client.get(url).content.decode()
        assert "6060" not in page and "7070" not in page


def test_the_jury_space_is_404_for_everyone_but_jury_and_administrators(
    client, award, chair, juror, citizen, municipal_admin, employee, other_admin
):
    nomination = NominationFactory(award=award, nominator=citizen)
    url = f"{BASE}priser/{award.pk}/jury/"
    for outsider in (citizen, employee, nomination.nominee_user, other_admin):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        score_url = f"{url}{nomination.pk}/bedoem/"
        assert client.post(score_url, {"stars": 3}).status_code == 404
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    for insider in (chair, juror, municipal_admin):
        client.force_login(insider)
        page = client.get(url)
        assert page.status_code == 200
        assert nomination.reason in page.content.decode()
    assert not Score.objects.exists()


def test_jurors_score_and_the_page_sums(client, award, chair, juror, municipality):
    nomination = NominationFactory(award=award)
    for who, stars in ((chair, 3), (juror, 2)):
        client.force_login(who)
        client.post(
            f"{BASE}priser/{award.pk}/jury/{nomination.pk}/bedoem/",
            {"stars": stars, "comment": "Stærk sag"},
        )
    assert Score.objects.count() == 2
    page = client.get(f"{BASE}priser/{award.pk}/jury/").content.decode()
    assert "5 stjerner i alt fra 2 i juryen" in page
    # a score is changed, not added
    client.post(f"{BASE}priser/{award.pk}/jury/{nomination.pk}/bedoem/", {"stars": 0})
    assert Score.objects.count() == 2
    for bad in ("4", "-1", "tre", ""):
        client.post(
            f"{BASE}priser/{award.pk}/jury/{nomination.pk}/bedoem/", {"stars": bad}
        )
    assert sorted(Score.objects.values_list("stars", flat=True)) == [0, 3]
    # an administrator outside the jury sees, but does not score
    admin = _member(municipality, is_employee=True, is_administrator=True)
    client.force_login(admin)
    assert (
        client.post(
            f"{BASE}priser/{award.pk}/jury/{nomination.pk}/bedoem/", {"stars": 3}
        ).status_code
        == 403
    )


def test_a_juror_in_a_conflict_of_interest_cannot_score(
    client, award, juror, municipality
):
    own = NominationFactory(award=award, nominator=juror)
    about_them = NominationFactory(award=award, nominee_user=juror)
    fine = NominationFactory(award=award)
    client.force_login(juror)
    page = client.get(f"{BASE}priser/{award.pk}/jury/").content.decode()
    assert page.count("Inhabil:") == 2
    for nomination in (own, about_them):
        client.post(
            f"{BASE}priser/{award.pk}/jury/{nomination.pk}/bedoem/", {"stars": 3}
        )
    client.post(f"{BASE}priser/{award.pk}/jury/{fine.pk}/bedoem/", {"stars": 1})
    assert list(Score.objects.values_list("nomination", flat=True)) == [fine.pk]


def test_only_the_chair_records_winners_once_nominations_closed(
    client, award, chair, juror
):
    nomination = NominationFactory(award=award)
    url = f"{BASE}priser/{award.pk}/jury/{nomination.pk}/vinder/"
    client.force_login(chair)
    client.post(url, {"motivation": "For modet."})
    assert not Winner.objects.exists()  # still nominating
    _closed(award)
    client.force_login(juror)
    assert client.post(url, {"motivation": "For modet."}).status_code == 403
    client.force_login(chair)
    client.post(url, {"motivation": ""})
    assert not Winner.objects.exists()
    client.post(url, {"motivation": "For modet."})
    assert Winner.objects.get().nominee_user == nomination.nominee_user


def test_a_person_winner_is_named_only_after_consent(
    client, award, chair, municipality, django_capture_on_commit_callbacks
):
    nomination = NominationFactory(award=award)
    person = nomination.nominee_user
    person.display_name = "Vinderen Vibeke"
    person.save()
    MembershipFactory(municipality=municipality, user=person)
    _closed(award)
    client.force_login(chair)
    client.post(
        f"{BASE}priser/{award.pk}/jury/{nomination.pk}/vinder/",
        {"motivation": "Hun fik 40 naboer til at spise sammen 3131."},
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{BASE}priser/{award.pk}/uddel/")
    award.refresh_from_db()
    assert award.phase() == Phase.ANNOUNCED
    winner = Winner.objects.get()
    note = Notification.objects.get(recipient=person, kind="recognition.winner")
    assert note.url == winner.consent_url()
    client.logout()
    for url in (BASE, award.get_absolute_url()):
        page = client.get(url).content.decode()
        assert "Vinderen Vibeke" not in page and "3131" not in page
        assert "har fået besked" in page
    # only the winner answers
    client.force_login(chair)
    assert client.post(winner.consent_url(), {"consent": "yes"}).status_code == 404
    client.force_login(person)
    assert client.get(winner.consent_url()).status_code == 200
    client.post(winner.consent_url(), {"consent": "yes"})
    client.logout()
    page = client.get(BASE).content.decode()
    assert "Vinderen Vibeke" in page and "3131" in page
    client.force_login(person)
    client.post(winner.consent_url(), {"consent": "no"})
    client.logout()
    assert "Vinderen Vibeke" not in client.get(BASE).content.decode()


def test_an_organisations_admin_consents_for_it(client, award, chair, municipality):
    org = OrganisationFactory(municipality=municipality, name="Bådelauget Vesterhavn")
    admin = _member(municipality)
    member = _member(municipality)
    OrganisationMemberFactory(organisation=org, user=admin, is_admin=True)
    OrganisationMemberFactory(organisation=org, user=member)
    winner = WinnerFactory(award=award, nominee_user=None, nominee_organisation=org)
    Award.objects.filter(pk=award.pk).update(announced_at=timezone.now())
    assert "Bådelauget" not in client.get(BASE).content.decode()
    client.force_login(member)
    assert client.post(winner.consent_url(), {"consent": "yes"}).status_code == 404
    client.force_login(admin)
    client.post(winner.consent_url(), {"consent": "yes"})
    assert "Bådelauget" in client.get(BASE).content.decode()


def test_an_initiative_winner_is_named_at_once(client, award, municipality):
    initiative = InitiativeFactory(
        municipality=municipality, title="Badebroen i Rødvig"
    )
    WinnerFactory(award=award, nominee_user=None, nominee_initiative=initiative)
    Award.objects.filter(pk=award.pk).update(announced_at=timezone.now())
    assert "Badebroen i Rødvig" in client.get(BASE).content.decode()


def test_announcing_needs_a_winner_and_closed_nominations(award, chair):
    with pytest.raises(ValidationError):
        services.award_announce(award=award, actor=chair)
    _closed(award)
    with pytest.raises(ValidationError, match="mindst én vinder"):
        services.award_announce(award=award, actor=chair)
    award.refresh_from_db()
    assert award.announced_at is None


def test_the_celebration_page_reads_a_flat_number_of_queries(
    client, municipality, django_assert_max_num_queries
):
    from faelles.recognition.factories import ThanksFactory

    def grow(n):
        for _ in range(n):
            ThanksFactory(
                municipality=municipality,
                public_requested=True,
                consented_at=timezone.now(),
                sender_organisation=OrganisationFactory(municipality=municipality),
            )
            award = AwardFactory(municipality=municipality, announced_at=timezone.now())
            WinnerFactory(award=award, consented_at=timezone.now())
            WinnerFactory(
                award=award,
                nominee_user=None,
                nominee_organisation=OrganisationFactory(municipality=municipality),
            )
            AwardFactory(municipality=municipality)

    grow(2)
    client.get(BASE)
    with django_assert_max_num_queries(12) as few:
        client.get(BASE)
    grow(6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(BASE).status_code == 200


def test_the_pages_in_english(client, citizen, award, chair):
    client.cookies["faelles_language"] = "en"
    page = client.get(BASE).content.decode()
    assert "We celebrate those who do well" in page
    client.force_login(chair)
    page = client.get(f"{BASE}priser/{award.pk}/jury/").content.decode()
    assert "The jury's room" in page


def test_an_administrator_is_offered_a_good_story_about_an_initiative_winner(
    client, award, municipal_admin, citizen, municipality
):
    initiative = InitiativeFactory(municipality=municipality, title="Gåbussen i Karise")
    WinnerFactory(award=award, nominee_user=None, nominee_initiative=initiative)
    Award.objects.filter(pk=award.pk).update(announced_at=timezone.now())
    client.force_login(citizen)
    assert (
        "Skriv en god historie"
        not in client.get(award.get_absolute_url()).content.decode()
    )
    client.force_login(municipal_admin)
    page = client.get(award.get_absolute_url()).content.decode()
    assert "Skriv en god historie om Gåbussen i Karise" in page
    url = f"/odense/initiativer/{initiative.pk}/historie/?titel=Vinder+af+%C3%85rets+pr%C3%B8vehandling"
    assert url in page.replace("&amp;", "&")
    form = client.get(url).content.decode()
    assert 'value="Vinder af Årets prøvehandling"' in form


def test_the_home_page_leads_to_the_celebration(client, award, municipality):
    page = client.get("/odense/").content.decode()
    assert "Vi fejrer dem, der gør det godt" in page
    assert f'href="{BASE}"' in page
    assert "Nominér til Årets prøvehandling" in client.get(BASE).content.decode()


def test_a_person_one_may_not_see_cannot_be_nominated(
    client, citizen, award, municipality
):
    hidden = _member(municipality, user__profile_visibility="private")
    client.force_login(citizen)
    url = f"{BASE}priser/{award.pk}/nominer/?person={hidden.pk}"
    assert client.get(url).status_code == 404
    assert client.post(url, {"person": hidden.pk, "reason": "Fordi"}).status_code == 404
    assert not Nomination.objects.exists()
