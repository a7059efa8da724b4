"""Communities, events, movements and notifications in a real Chromium: find and
join a community, sign up to a full event and be promoted, pledge in a movement,
subscribe to the calendar — with axe-core on every page of the area."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory
from faelles.communities import services as community_services
from faelles.communities.factories import (
    CommunityFactory,
    MovementFactory,
    MovementTeamFactory,
)
from faelles.communities.models import Community, CommunityMember, Movement, Pledge
from faelles.events import services as event_services
from faelles.events.factories import EventFactory
from faelles.events.models import Registration
from faelles.municipalities.factories import MunicipalityFactory
from faelles.notifications.models import NotificationPreference
from tests.browser.screens import is_phone, on_both_screens, open_section, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def switch_to(page, login):
    """Log in as someone else (calendar-style: a fresh session)."""

    def do(user):
        page.goto("about:blank")  # no late request of the last page may set a cookie
        page.context.clear_cookies()
        login(user)

    return do


@pytest.fixture
def odense():
    return MunicipalityFactory(
        slug="odense", name="Odense Kommune", programme_name="Sammen om udvikling"
    )


@pytest.fixture
def people(odense):
    def person(name, **roles):
        return MembershipFactory(
            municipality=odense, user__display_name=name, **roles
        ).user

    return {
        "citizen": person("Karin Holm"),
        "host": person("Poul Eriksen"),
        "other": person("Mette Larsen"),
        "employee": person(
            "Nadia El-Sayed", is_employee=True, job_title="Fællesskabskonsulent"
        ),
    }


@on_both_screens
def test_find_a_community_by_interest_and_join_by_keyboard(
    page, axe, login, switch_to, odense, people
):
    hip = CommunityFactory(
        municipality=odense,
        name="Hofteholdet i Hjallese",
        description="Vi træner sammen efter en ny hofte og drikker kaffe bagefter.",
        theme="health",
        age_group="seniors",
        life_situation="illness",
        area="Hjallese",
        postcode="5260",
        host=people["host"],
    )
    CommunityFactory(
        municipality=odense,
        name="Strikkecaféen",
        theme="culture",
        life_situation="alone",
        host=people["host"],
    )
    CommunityFactory(
        municipality=odense,
        name="Hemmelig sorggruppe",
        access=Community.Access.INVITATION,
        host=people["host"],
    )
    login(people["citizen"])
    page.goto(page.base_url + "/odense/")
    open_section(page, "Fællesskaber")
    assert page.url.endswith("/odense/faellesskaber/")
    axe(page, "find a community")
    assert page.get_by_role("link", name="Hemmelig sorggruppe").count() == 0
    page.get_by_label("Interesse eller ord").fill("hofte")
    page.get_by_label("Livssituation").select_option("illness")
    page.get_by_label("Aldersgruppe").select_option("seniors")
    press(page.get_by_role("button", name="Søg"), navigates=False)  # htmx
    page.wait_for_url(re.compile(r"q=hofte"))
    expect(page.get_by_role("link", name="Hofteholdet i Hjallese")).to_be_visible()
    assert page.get_by_role("link", name="Strikkecaféen").count() == 0
    axe(page, "search results")
    page.get_by_label("Interesse eller ord").fill("")
    page.get_by_label("Livssituation").select_option("")
    page.get_by_label("Aldersgruppe").select_option("")
    page.get_by_label("Område eller postnummer").fill("5260")
    press(page.get_by_role("button", name="Søg"), navigates=False)  # htmx
    page.wait_for_url(re.compile(r"area=5260"))
    press(page.get_by_role("link", name="Hofteholdet i Hjallese"))
    axe(page, "community detail before joining")

    # A first message to the hosts before joining.
    press(page.get_by_text("Skriv til værterne"), navigates=False)
    page.get_by_label("Din besked til værterne").fill(
        "Jeg fik ny hofte i maj. Kan jeg være med, selvom jeg går langsomt?"
    )
    press(page.get_by_role("button", name="Send besked"))
    expect(page.get_by_text("Din besked er sendt til værterne.")).to_be_visible()

    # Join by tapping on a phone, with the keyboard alone on a desktop.
    join = page.get_by_role("button", name="Bliv medlem")
    if is_phone(page):
        press(join)
    else:
        join.focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
    expect(
        page.get_by_text("Du er nu medlem af Hofteholdet i Hjallese")
    ).to_be_visible()
    axe(page, "community detail as member")
    assert CommunityMember.objects.get(
        community=hip, user=people["citizen"]
    ).status == ("active")
    page.get_by_label("Skriv på opslagstavlen").fill("Tak fordi jeg må være med!")
    press(page.get_by_role("button", name="Sæt på tavlen"))
    expect(page.get_by_text("Tak fordi jeg må være med!")).to_be_visible()
    page.goto(page.base_url + "/odense/faellesskaber/mine/")
    axe(page, "my communities")
    expect(page.get_by_role("link", name="Hofteholdet i Hjallese")).to_be_visible()

    # The host got the first-contact message as a notification.
    switch_to(people["host"])
    page.goto(page.base_url + "/me/beskeder/")
    expect(
        page.get_by_text("Kan jeg være med, selvom jeg går langsomt?")
    ).to_be_visible()
    axe(page, "notifications")


def test_closed_community_request_and_referral(
    page, axe, login, switch_to, odense, people
):
    mothers = CommunityFactory(
        municipality=odense,
        name="Mødregruppe i Vollsmose",
        access=Community.Access.CLOSED,
        theme="family",
        life_situation="new_parent",
        host=people["host"],
    )
    login(people["citizen"])
    page.goto(page.base_url + mothers.get_absolute_url())
    page.get_by_label(re.compile(r"^Besked til værterne \(")).fill(
        "Jeg har en søn på 4 mdr."
    )
    page.get_by_role("button", name="Bed om at blive medlem").click()
    expect(page.get_by_text("Din anmodning er sendt")).to_be_visible()
    axe(page, "request sent")

    switch_to(people["host"])
    page.goto(page.base_url + mothers.get_absolute_url())
    axe(page, "host view with a request")
    page.get_by_role("button", name="Godkend Karin Holm").click()
    assert CommunityMember.objects.get(user=people["citizen"]).status == "active"
    page.goto(page.base_url + mothers.get_absolute_url() + "rediger/")
    axe(page, "edit community")

    # An employee refers another citizen, with consent, and follows it.
    switch_to(people["employee"])
    page.goto(page.base_url + mothers.get_absolute_url())
    page.get_by_role("link", name="Henvis en borger").click()
    axe(page, "refer a citizen")
    page.get_by_label("Personens e-mail").fill(people["other"].email)
    page.get_by_label("Hilsen til borgeren").fill("Her er gruppen, vi talte om.")
    page.get_by_label(re.compile("Borgeren har givet samtykke")).check()
    page.get_by_role("button", name="Send forslaget").click()
    axe(page, "my referrals")
    expect(page.get_by_text("Afventer borgerens svar")).to_be_visible()
    page.goto(page.base_url + "/odense/faellesskaber/nyt/")
    axe(page, "start a community")


@on_both_screens
def test_sign_up_to_a_full_event_and_be_promoted(page, axe, login, odense, people):
    walk = EventFactory(
        municipality=odense,
        title="Gåtur med fysioterapeuten",
        capacity=1,
        organiser=people["employee"],
        step_free=True,
    )
    event_services.registration_create(event=walk, user=people["other"])
    login(people["citizen"])
    page.goto(page.base_url + "/odense/")
    open_section(page, "Arrangementer")
    assert page.url.endswith("/odense/arrangementer/")
    axe(page, "event calendar")
    press(page.get_by_role("link", name="Gåtur med fysioterapeuten"))
    axe(page, "full event")
    expect(page.get_by_text("1 af 1 pladser taget")).to_be_visible()
    press(page.get_by_role("button", name="Skriv mig på ventelisten"))
    expect(page.get_by_text("Du er nummer 1 på ventelisten.")).to_be_visible()
    axe(page, "on the waiting list")

    # Someone with a place cancels (in their own browser session).
    event_services.registration_cancel(event=walk, user=people["other"])
    page.reload()
    expect(page.get_by_text("Du er tilmeldt.")).to_be_visible()
    assert Registration.objects.get(user=people["citizen"]).status == "confirmed"
    page.goto(page.base_url + "/me/beskeder/")
    expect(
        page.get_by_role(
            "link", name="Du har fået en plads til Gåtur med fysioterapeuten"
        )
    ).to_be_visible()

    # Subscribe to one's own calendar in a calendar app.
    page.goto(page.base_url + "/odense/arrangementer/mine/")
    axe(page, "my events")
    subscribe = page.get_by_role("link", name="Abonnér i din kalender-app")
    assert subscribe.get_attribute("href").startswith("webcal://")
    feed = page.get_by_label("Kalenderadresse").input_value()
    response = page.request.get(feed)
    assert response.headers["content-type"].startswith("text/calendar")
    assert "Gåtur med fysioterapeuten" in response.text()


def test_organiser_pages_check_in_and_cancel(page, axe, login, odense, people):
    event = EventFactory(
        municipality=odense, title="Foreningsdag", organiser=people["employee"]
    )
    event_services.registration_create(event=event, user=people["citizen"])
    login(people["employee"])
    page.goto(page.base_url + "/odense/arrangementer/nyt/")
    axe(page, "create event")
    page.goto(page.base_url + event.get_absolute_url())
    axe(page, "event detail as organiser")
    page.get_by_role("link", name="Deltagere og fremmøde").click()
    axe(page, "attendees")
    page.get_by_role("button", name="Tjek Karin Holm ind").click()
    assert Registration.objects.get().checked_in_at is not None
    page.goto(page.base_url + event.get_absolute_url() + "rediger/")
    axe(page, "edit event")
    page.goto(page.base_url + event.get_absolute_url())
    page.get_by_role("link", name="Aflys arrangementet").click()
    axe(page, "cancel event")
    page.get_by_label("Hvorfor aflyses arrangementet?").fill("Hallen er lukket.")
    page.get_by_role("button", name="Aflys og giv alle besked").click()
    expect(page.get_by_text("Arrangementet er aflyst.").first).to_be_visible()
    axe(page, "cancelled event")


def test_pledge_in_a_movement_and_see_progress(page, axe, login, odense, people):
    movement = MovementFactory(
        municipality=odense,
        title="Klimafestival Odense",
        goal="100 ton CO₂ mindre",
        target=Decimal("10"),
        leader=people["host"],
    )
    MovementTeamFactory(movement=movement, name="Skoleholdet", on_leaderboard=True)
    login(people["citizen"])
    page.goto(page.base_url + "/odense/bevaegelser/")
    axe(page, "movements")
    page.get_by_role("link", name="Klimafestival Odense").click()
    axe(page, "movement before pledging")
    expect(page.get_by_text("Lovet: 0 af 10 ton CO₂")).to_be_visible()
    page.get_by_label(re.compile("Jeg lover")).fill("2.5")
    page.get_by_label("Hvad jeg vil gøre").fill("Cykle på arbejde")
    page.get_by_label("Hold").select_option(label="Skoleholdet")
    page.get_by_label("Vis mit navn på resultattavlen").check()
    page.get_by_role("button", name="Giv mit løfte").click()
    expect(page.get_by_text("Tak for dit løfte!")).to_be_visible()
    expect(page.get_by_text("Lovet: 2,5 af 10 ton CO₂")).to_be_visible()
    assert page.locator("progress#pledged").get_attribute("value") == "25"
    axe(page, "movement after pledging")
    page.get_by_label("Mængde").fill("1")
    page.get_by_label("Hvad har du gjort").fill("Cyklede hele ugen")
    page.get_by_role("button", name="Tilføj").click()
    expect(page.get_by_text("Gjort: 1 af 10 ton CO₂")).to_be_visible()
    assert Movement.objects.get().achieved_total == Decimal("1")
    assert Pledge.objects.get().team.name == "Skoleholdet"
    page.goto(page.base_url + "/odense/bevaegelser/ny/")
    axe(page, "start a movement")


def test_notification_preferences(page, axe, login, odense, people):
    login(people["citizen"])
    page.goto(page.base_url + "/me/beskeder/")
    page.get_by_role("link", name="Vælg hvilke beskeder du får på e-mail").click()
    axe(page, "notification preferences")
    page.get_by_label("Samlet én gang om ugen").check()
    page.get_by_label(re.compile("^Arrangementer")).select_option("immediate")
    page.get_by_label(re.compile("^Fællesskaber")).select_option("never")
    page.get_by_role("button", name="Gem mine valg").click()
    expect(page.get_by_text("Dine valg for beskeder er gemt.")).to_be_visible()
    axe(page, "preferences saved")
    preference = NotificationPreference.objects.get(user=people["citizen"])
    assert preference.email_frequency == "weekly"
    assert preference.kind_frequencies == {
        "events": "immediate",
        "communities": "never",
    }


def test_find_and_sign_up_work_without_javascript(
    browser, live_server, odense, people, password
):
    community = CommunityFactory(
        municipality=odense, name="Sprogcaféen", host=people["host"]
    )
    event = EventFactory(
        municipality=odense,
        title="Sprogcafé",
        community=community,
        starts_at=timezone.now() + timedelta(days=2),
    )
    context = browser.new_context(java_script_enabled=False, locale="da-DK")
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("E-mail").fill(people["citizen"].email)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").last.click()
    page.goto(live_server.url + "/odense/faellesskaber/?q=sprog")
    page.get_by_role("link", name="Sprogcaféen").click()
    page.get_by_role("button", name="Bliv medlem").click()
    assert community_services.CommunityMember.objects.filter(
        community=community, user=people["citizen"], status="active"
    ).exists()
    page.goto(live_server.url + event.get_absolute_url())
    page.get_by_role("button", name="Tilmeld mig").click()
    assert Registration.objects.get(event=event).status == "confirmed"
    context.close()


def test_area_pages_in_english(page, axe, login, odense, people):
    community = CommunityFactory(municipality=odense, host=people["host"])
    event = EventFactory(municipality=odense, community=community, capacity=1)
    event_services.registration_create(event=event, user=people["other"])
    movement = MovementFactory(municipality=odense, leader=people["host"])
    login(people["citizen"])
    page.goto(page.base_url + "/odense/faellesskaber/")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Find a community")).to_be_visible()
    axe(page, "find a community in English")
    for path, text in (
        (community.get_absolute_url(), "Join"),
        (event.get_absolute_url(), "Put me on the waiting list"),
        (movement.get_absolute_url(), "Make my pledge"),
        ("/odense/arrangementer/", "Subscribe in your calendar app"),
        ("/me/beskeder/indstillinger/", "Notifications by e-mail"),
    ):
        page.goto(page.base_url + path)
        expect(page.get_by_text(text).first).to_be_visible()
        axe(page, f"{path} in English")
