"""The borgerbudget in a real Chromium: vote by keyboard, change the vote, read the
explained result; employees' and administrators' pages; every page checked by
axe-core, the ballot also without JavaScript."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from faelles.accounts.factories import MembershipFactory
from faelles.budgeting import services
from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory
from faelles.budgeting.models import (
    Ballot,
    BallotReceipt,
    BallotType,
    Phase,
    ReviewStatus,
)
from faelles.municipalities.factories import MunicipalityFactory
from faelles.organisations.factories import DepartmentFactory
from tests.browser.screens import is_phone, on_both_screens, open_section, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _focused(page) -> dict:
    return page.evaluate(
        """() => { const el = document.activeElement; return {
             tag: el.tagName, id: el.id, text: (el.innerText || el.value || '').trim() }; }"""
    )


def tab_to(page, *, text=None, field=None, limit=120):
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = _focused(page)
        if (text is not None and now["text"].startswith(text)) or (
            field is not None and now["id"] == field
        ):
            return
    raise AssertionError(f"never reached {text or field!r} with the Tab key")


def _photo():
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), "#2f7d32").save(buffer, format="PNG")
    return SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def place():
    municipality = MunicipalityFactory(
        slug="rodovre", name="Rødovre Kommune", programme_name="Sammen om Rødovre"
    )
    citizen = MembershipFactory(
        municipality=municipality, user__postcode="2610", user__display_name="Sanne"
    ).user
    employee = MembershipFactory(
        municipality=municipality,
        is_employee=True,
        department=DepartmentFactory(municipality=municipality),
        job_title="Borgerbudgetkonsulent",
    ).user
    admin = MembershipFactory(
        municipality=municipality, is_employee=True, is_administrator=True
    ).user
    open_round = BudgetRoundFactory(
        municipality=municipality,
        title="Vi tør prioritere 2026",
        max_projects=2,
        min_age=15,
        postcodes="2610",
        budget=500_000,
    )
    for title, cost in (
        ("Frugttræer i Islev", 45_000),
        ("Hundeskov ved Korsager", 180_000),
        ("Lektiecafé på biblioteket", 90_000),
    ):
        ProjectFactory(round=open_round, title=title, cost=cost)
    return {
        "municipality": municipality,
        "citizen": citizen,
        "employee": employee,
        "admin": admin,
        "open": open_round,
    }


def _finished_round(place):
    """Twelve want two playgrounds, eight want a garden: greedy and MES differ."""
    municipality, employee = place["municipality"], place["employee"]
    budget_round = BudgetRoundFactory(
        municipality=municipality,
        title="Vi tør prioritere 2025",
        budget=100_000,
        max_projects=None,
    )
    nord = ProjectFactory(round=budget_round, title="Legeplads Nord", cost=30_000)
    syd = ProjectFactory(round=budget_round, title="Legeplads Syd", cost=30_000)
    vest = ProjectFactory(round=budget_round, title="Legeplads Vest", cost=30_000)
    have = ProjectFactory(round=budget_round, title="Fælleshave", cost=30_000)
    for choices in [[nord, syd, vest]] * 10 + [[nord, syd]] * 2 + [[have]] * 8:
        user = MembershipFactory(municipality=municipality).user
        services.ballot_cast(
            budget_round=budget_round, user=user, choices=[(p.pk, 1) for p in choices]
        )
    budget_round.voting_end = timezone.now() - timedelta(seconds=1)
    budget_round.save()
    services.round_set_phase(
        budget_round=budget_round, actor=employee, phase=Phase.RESULTS
    )
    budget_round = services.round_set_phase(
        budget_round=budget_round, actor=employee, phase=Phase.IMPLEMENTATION
    )
    services.project_update_post(
        project=have,
        actor=employee,
        status="in_progress",
        text="Højbedene er bygget, og de første kartofler er lagt.",
        photo=_photo(),
        photo_alt="Højbede af træ i fælleshaven",
    )
    return budget_round, have


@on_both_screens
def test_citizen_votes_by_keyboard_and_changes_the_vote(page, axe, login, place):
    """On a phone by tapping, on a desktop by keyboard alone."""
    open_round, citizen = place["open"], place["citizen"]
    login(citizen)
    page.goto(page.base_url + "/rodovre/")
    open_section(page, "Borgerbudget")
    assert page.url.endswith("/rodovre/borgerbudget/")
    axe(page, "round list")
    press(page.get_by_role("link", name="Vi tør prioritere 2026"))
    axe(page, "open round")
    fruit = open_round.projects.get(title__startswith="Frugt")
    if is_phone(page):
        press(page.get_by_role("link", name="Stem nu"))
        axe(page, "ballot")
        press(page.locator(f"#project-{fruit.pk}"), navigates=False)
        assert page.locator(f"#project-{fruit.pk}").is_checked()
        page.get_by_label("Dit fødselsår").fill("1988")
        press(page.get_by_role("button", name="Afgiv min stemme"))
    else:
        tab_to(page, text="Stem nu")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        axe(page, "ballot")
        tab_to(page, field=f"project-{fruit.pk}")
        page.keyboard.press("Space")
        tab_to(page, field="id_birth_year")
        page.keyboard.type("1988")
        tab_to(page, text="Afgiv min stemme")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    expect(page.get_by_text("Tak! Din stemme er registreret.")).to_be_visible()
    axe(page, "ballot after voting")
    assert Ballot.objects.filter(round=open_round).count() == 1
    assert BallotReceipt.objects.filter(round=open_round, user=citizen).count() == 1

    # Too many projects: a clear message, nothing changed.
    for project in open_round.projects.all():
        page.get_by_label(project.title, exact=False).first.check()
    page.get_by_label("Dit fødselsår").fill("1988")
    press(page.get_by_role("button", name="Gem min ændrede stemme"))
    expect(page.get_by_text("må højst vælge 2")).to_be_visible()
    axe(page, "ballot with error")
    ballot = Ballot.objects.get(round=open_round)
    assert len(ballot.choices) == 1

    # Change the vote: only the newest counts.
    page.get_by_label("Frugttræer i Islev", exact=False).first.uncheck()
    page.get_by_label("Dit fødselsår").fill("1988")
    press(page.get_by_role("button", name="Gem min ændrede stemme"))
    expect(
        page.get_by_text("Din stemme er ændret. Kun den nyeste tæller.")
    ).to_be_visible()
    assert Ballot.objects.filter(round=open_round).count() == 1
    assert len(Ballot.objects.get(round=open_round).choices) == 2


def test_ballot_works_without_javascript(browser, live_server, place, password):
    context = browser.new_context(
        java_script_enabled=False, bypass_csp=True, locale="da-DK"
    )
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("E-mail").fill(place["citizen"].email)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").last.click()
    page.goto(live_server.url + f"/rodovre/borgerbudget/{place['open'].pk}/stem/")
    page.get_by_label("Hundeskov ved Korsager", exact=False).first.check()
    page.get_by_label("Dit fødselsår").fill("2012")  # too young
    page.get_by_role("button", name="Afgiv min stemme").click()
    expect(page.get_by_text("Du skal være mindst 15 år for at stemme.")).to_be_visible()
    assert not Ballot.objects.exists()
    page.get_by_label("Hundeskov ved Korsager", exact=False).first.check()
    page.get_by_label("Dit fødselsår").fill("1970")
    page.get_by_role("button", name="Afgiv min stemme").click()
    expect(page.get_by_text("Tak! Din stemme er registreret.")).to_be_visible()
    assert Ballot.objects.count() == 1
    context.close()


def test_reading_the_explained_result(page, axe, place):
    budget_round, have = _finished_round(place)
    page.goto(page.base_url + f"/rodovre/borgerbudget/{budget_round.pk}/")
    axe(page, "finished round")
    page.get_by_role("link", name="Se resultatet").click()
    axe(page, "results")
    expect(page.get_by_role("heading", name="Projekter der får penge")).to_be_visible()
    expect(page.get_by_text("8 personer betalte 3.750 kr. hver")).to_be_visible()
    expect(
        page.get_by_text("100,0 % (20) fik mindst ét projekt, de stemte på.")
    ).to_be_visible()
    expect(
        page.get_by_text(
            "For dyrt for tilhængerne: de havde 0 kr. tilbage tilsammen"
        ).first
    ).to_be_visible()
    table = page.get_by_role("table", name="Sammenligning af de to optællinger")
    expect(table.get_by_role("cell", name="20 (100,0 %)")).to_be_visible()
    chart = page.get_by_role(
        "img", name="100,0 % af vælgerne fik mindst ét projekt, de stemte på"
    )
    expect(chart).to_have_count(1)
    page.get_by_role("link", name="Fælleshave").first.click()
    axe(page, "funded project with progress")
    expect(page.get_by_text("Højbedene er bygget")).to_be_visible()
    expect(page.get_by_role("img", name="Højbede af træ i fælleshaven")).to_be_visible()


def test_knapsack_ballot_shows_the_running_total(page, axe, login, place):
    knapsack = BudgetRoundFactory(
        municipality=place["municipality"],
        title="Landsbypuljen",
        ballot_type=BallotType.KNAPSACK,
        budget=100_000,
    )
    a = ProjectFactory(round=knapsack, title="Nyt køkken", cost=60_000)
    b = ProjectFactory(round=knapsack, title="Shelterplads", cost=50_000)
    login(place["citizen"])
    page.goto(page.base_url + f"/rodovre/borgerbudget/{knapsack.pk}/stem/")
    status = page.locator(".pb-budget-status")
    expect(status).to_have_text("Valgt: 0 kr. af 100.000 kr.")
    page.locator(f"#project-{a.pk}").check()
    page.locator(f"#project-{b.pk}").check()
    expect(status).to_have_text("Valgt: 110.000 kr. af 100.000 kr.")
    axe(page, "knapsack ballot over budget")
    page.get_by_role("button", name="Afgiv min stemme").click()
    expect(page.get_by_text("men budgettet er 100.000 kr.")).to_be_visible()
    assert not Ballot.objects.exists()


def test_staff_pages(page, axe, login, place):
    employee, admin, open_round = place["employee"], place["admin"], place["open"]
    login(employee)
    page.goto(page.base_url + f"/rodovre/borgerbudget/{open_round.pk}/papirstemmer/")
    axe(page, "paper ballots")
    page.get_by_label("Lektiecafé på biblioteket", exact=False).first.check()
    page.get_by_role("button", name="Gem papirstemmesedlen").click()
    expect(page.get_by_text("Papirstemmesedlen er indtastet.")).to_be_visible()
    assert Ballot.objects.get().source == "paper"
    page.goto(page.base_url + "/rodovre/borgerbudget/ny/")
    axe(page, "create round")
    page.get_by_role("button", name="Gem").click()
    axe(page, "create round with errors")
    page.goto(page.base_url + f"/rodovre/borgerbudget/{open_round.pk}/rediger/")
    axe(page, "edit round")
    review_round = BudgetRoundFactory(
        municipality=place["municipality"], title="Forslag 2027", phase=Phase.REVIEW
    )
    pending = ProjectFactory(
        round=review_round, review_status=ReviewStatus.PENDING, legal_ok=None
    )
    page.goto(page.base_url + f"/rodovre/borgerbudget/{review_round.pk}/")
    axe(page, "round in review, as employee")
    page.goto(
        page.base_url + f"/rodovre/borgerbudget/projekter/{pending.pk}/vurdering/"
    )
    axe(page, "review")
    page.get_by_label("Kan ikke gennemføres").check()
    page.get_by_role("button", name="Gem vurderingen").click()
    axe(page, "review with error")
    page.get_by_label("Begrundelse").fill("Arealet er privat.")
    page.get_by_role("button", name="Gem vurderingen").click()
    pending.refresh_from_db()
    assert pending.review_status == ReviewStatus.REJECTED
    _round, have = _finished_round(place)
    page.goto(page.base_url + f"/rodovre/borgerbudget/projekter/{have.pk}/opdatering/")
    axe(page, "progress update")
    page.get_by_label("Hvad er sket").fill("Første høst i dag.")
    page.get_by_role("button", name="Offentliggør").click()
    expect(page.get_by_text("Første høst i dag.")).to_be_visible()

    page.goto("about:blank")  # no late request of the last page may set a cookie
    page.context.clear_cookies()
    login(admin)
    page.goto(page.base_url + "/rodovre/borgerbudget/importer/")
    axe(page, "import")
    page.get_by_label("Pabulib-fil (.pb)").set_input_files(
        files=[{"name": "x.pb", "mimeType": "text/plain", "buffer": b"ikke en fil"}]
    )
    page.get_by_role("button", name="Importér").click()
    expect(page.get_by_text("Filen er ikke en gyldig Pabulib-fil")).to_be_visible()
    axe(page, "import with error")


def test_citizen_proposes_a_project(page, axe, login, place):
    proposals = BudgetRoundFactory(
        municipality=place["municipality"],
        title="Idéer til 2027",
        phase=Phase.PROPOSALS,
        proposals_end=timezone.now() + timedelta(days=10),
    )
    login(place["citizen"])
    page.goto(page.base_url + f"/rodovre/borgerbudget/{proposals.pk}/")
    page.get_by_role("link", name="Stil et forslag").click()
    axe(page, "proposal form")
    page.get_by_role("button", name="Send forslaget").click()
    axe(page, "proposal form with errors")
    page.get_by_label("Titel").fill("Lys i tunnelen under Rødovrevej")
    page.get_by_label("Beskrivelse").fill("Tunnelen er mørk og utryg om aftenen.")
    page.get_by_label("Anslået pris (kr.)").fill("80000")
    page.get_by_role("button", name="Send forslaget").click()
    expect(page.get_by_text("Tak for dit forslag.")).to_be_visible()
    axe(page, "proposal page")
    assert proposals.projects.get().review_status == ReviewStatus.PENDING


@pytest.mark.parametrize(
    "ballot_type",
    [BallotType.CUMULATIVE, BallotType.RANKED, BallotType.CHOOSE_ONE],
)
def test_other_ballot_types(page, axe, login, place, ballot_type):
    budget_round = BudgetRoundFactory(
        municipality=place["municipality"],
        title="Stemmeseddel",
        ballot_type=ballot_type,
        points_total=5,
        max_projects=2,
    )
    first = ProjectFactory(round=budget_round, title="Bænke", cost=20_000)
    second = ProjectFactory(round=budget_round, title="Blomster", cost=10_000)
    login(place["citizen"])
    page.goto(page.base_url + "/rodovre/")
    axe(page, "municipality home with an open round")
    page.goto(page.base_url + f"/rodovre/borgerbudget/{budget_round.pk}/stem/")
    axe(page, f"{ballot_type} ballot")
    if ballot_type == BallotType.CUMULATIVE:
        page.get_by_label("Bænke").fill("4")
        page.get_by_label("Blomster").fill("2")  # 6 > 5 points
    elif ballot_type == BallotType.RANKED:
        page.get_by_label("Bænke").select_option("2")
        page.get_by_label("Blomster").select_option("2")
    else:
        page.get_by_label("Bænke", exact=False).first.check()
    page.get_by_role("button", name="Afgiv min stemme").click()
    axe(page, f"{ballot_type} ballot after submitting")
    if ballot_type == BallotType.CHOOSE_ONE:
        expect(page.get_by_text("Tak! Din stemme er registreret.")).to_be_visible()
        assert Ballot.objects.get().choices == [[first.pk, 1]]
        return
    assert not Ballot.objects.exists()
    if ballot_type == BallotType.CUMULATIVE:
        expect(
            page.get_by_text("Du har fordelt 6 point, men har kun 5.")
        ).to_be_visible()
        page.get_by_label("Blomster").fill("1")
    else:
        expect(
            page.get_by_text("To projekter kan ikke have samme plads.")
        ).to_be_visible()
        page.get_by_label("Bænke").select_option("1")
    page.get_by_role("button", name="Afgiv min stemme").click()
    expect(page.get_by_text("Tak! Din stemme er registreret.")).to_be_visible()
    ballot = Ballot.objects.get()
    if ballot_type == BallotType.CUMULATIVE:
        assert sorted(ballot.choices) == sorted([[first.pk, 4], [second.pk, 1]])
    else:
        assert ballot.choices == [[first.pk, 1], [second.pk, 1]]


@pytest.mark.parametrize("width", [390, 1280])
def test_import_progress_page_polls_and_sends_on_to_the_result(
    page, axe, login, place, width
):
    """The page of a queued import updates itself (htmx) and ends on the results."""
    from faelles.budgeting.models import PabulibImport

    page.set_viewport_size({"width": width, "height": 800})
    job = PabulibImport.objects.create(
        municipality=place["municipality"],
        created_by=place["admin"],
        file_name="lille.pb",
        text="META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost;name\n"
        "a;60;Legeplads\nb;50;Bænke\nVOTES\nvoter_id;vote\n1;a,b\n2;b\n",
    )
    login(place["admin"])
    page.goto(page.base_url + f"/rodovre/borgerbudget/importer/{job.pk}/")
    expect(page.get_by_text("Venter på at blive startet")).to_be_visible()
    axe(page, f"import progress at {width} px")
    services.pabulib_import_run(job_id=job.pk)  # what the worker does
    page.wait_for_url("**/resultat/", timeout=10_000)
    expect(page.get_by_text("Filen er importeret.")).to_be_visible()


@on_both_screens
def test_citizen_also_chooses_what_to_drop(page, axe, login, place):
    """Rødovre's "vælg fra": support one project, drop another; the same project
    cannot be both; the explained result names the dropped project."""
    municipality, citizen = place["municipality"], place["citizen"]
    cuts = BudgetRoundFactory(
        municipality=municipality,
        title="Vi tør prioritere – også fra",
        budget=200_000,
        max_projects=2,
        allow_drops=True,
        max_drops=1,
    )
    padel = ProjectFactory(round=cuts, title="Padelbane ved hallen", cost=150_000)
    fruit = ProjectFactory(round=cuts, title="Frugttræer i Islev", cost=45_000)
    login(citizen)
    page.goto(page.base_url + f"/rodovre/borgerbudget/{cuts.pk}/stem/")
    expect(page.get_by_text("Du kan også vælge op til 1 projekt fra")).to_be_visible()
    axe(page, "ballot with drops")
    # The same project supported and dropped: a clear message, nothing saved.
    press(page.locator(f"#project-{padel.pk}"), navigates=False)
    press(page.get_by_label("Vælg fra: Padelbane ved hallen"), navigates=False)
    press(page.get_by_role("button", name="Afgiv min stemme"))
    expect(
        page.get_by_text(
            "Du kan ikke både støtte og vælge det samme projekt fra: "
            "“Padelbane ved hallen”."
        )
    ).to_be_visible()
    axe(page, "ballot with drops, error")
    assert not Ballot.objects.filter(round=cuts).exists()
    page.locator(f"#project-{padel.pk}").uncheck()
    press(page.locator(f"#project-{fruit.pk}"), navigates=False)
    press(page.get_by_role("button", name="Afgiv min stemme"))
    expect(page.get_by_text("Tak! Din stemme er registreret.")).to_be_visible()
    expect(page.get_by_label("Vælg fra: Padelbane ved hallen")).to_be_checked()
    ballot = Ballot.objects.get(round=cuts)
    assert (ballot.choices, ballot.drops) == ([[fruit.pk, 1]], [padel.pk])

    # Two more voters; then the count: padel has 1 for and 2 against.
    other = MembershipFactory(municipality=municipality).user
    services.ballot_cast(
        budget_round=cuts, user=other, choices=[(fruit.pk, 1)], drops=[padel.pk]
    )
    third = MembershipFactory(municipality=municipality).user
    services.ballot_cast(budget_round=cuts, user=third, choices=[(padel.pk, 1)])
    cuts.voting_end = timezone.now() - timedelta(seconds=1)
    cuts.save()
    services.round_set_phase(
        budget_round=cuts, actor=place["employee"], phase=Phase.RESULTS
    )
    page.goto(page.base_url + f"/rodovre/borgerbudget/{cuts.pk}/resultat/")
    expect(page.get_by_role("heading", name="Valgt fra af vælgerne")).to_be_visible()
    expect(
        page.get_by_text("Flere valgte projektet fra end til: 2 fra, 1 til.").first
    ).to_be_visible()
    axe(page, "results with drops")
