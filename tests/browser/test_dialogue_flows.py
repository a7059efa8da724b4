"""Commenting on a hearing in a real Chromium, on a phone (390 px, touch) and a
desktop (1280 px): open a paragraph's comments, comment with the optional area
and age, reply, react (htmx), and a moderator hides a comment with a reason that
is shown in its place — nothing wider than the screen, axe on every step."""

from datetime import timedelta

import pytest
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.dialogue import services
from faelles.dialogue.models import Comment, Participant, Reaction
from faelles.municipalities.factories import MunicipalityFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [390, 1280]


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def screen(request, browser, live_server, settings):
    settings.FAELLES_SITE_URL = live_server.url
    width = request.param
    context = browser.new_context(
        bypass_csp=True,
        locale="da-DK",
        viewport={"width": width, "height": 900},
        has_touch=width < 600,
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base_url = live_server.url
    page.width = width
    page.press_ = (lambda loc: loc.tap()) if width < 600 else (lambda loc: loc.click())
    yield page
    context.close()


@pytest.fixture
def hearing_setup():
    odense = MunicipalityFactory(slug="odense", name="Odense Kommune")
    employee = MembershipFactory(
        municipality=odense,
        user__display_name="Mette Planlægger",
        is_employee=True,
        job_title="Byplanlægger",
    ).user
    neighbour = MembershipFactory(
        municipality=odense, user__display_name="Ali Hassan"
    ).user
    citizen = MembershipFactory(
        municipality=odense, user__display_name="Karin Sørensen"
    ).user
    moderator = MembershipFactory(
        municipality=odense, user__display_name="Mo Moderator", is_moderator=True
    ).user
    now = timezone.now()
    hearing = services.hearing_create(
        municipality=odense,
        actor=employee,
        title="Forslag til bymidteplan",
        question="Hvad synes du om forslaget til en grønnere bymidte?",
        theme="city",
        draft=(
            "# Et grønt strøg\n\nVi planter en dobbelt række træer langs vejen.\n\n"
            "Regnvand ledes ud i regnbede.\n\n# Trafik\n\nHastigheden sænkes til "
            "40 km/t gennem bymidten, og der kommer tre nye sikre krydsninger."
        ),
        announced_at=now - timedelta(days=3),
        opens_at=now - timedelta(days=2),
        closes_at=now + timedelta(days=20),
        now=now - timedelta(days=4),
    )
    first = hearing.sections.get(position=1).paragraphs.get(position=1)
    services.comment_create(
        hearing=hearing,
        author=neighbour,
        body="Husk træer, der tåler vejsalt.",
        paragraph=first,
    )
    return {
        "hearing": hearing,
        "citizen": citizen,
        "moderator": moderator,
        "paragraph": first,
    }


def _login(page, user, password):
    page.goto("about:blank")
    page.context.clear_cookies()
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").last.click()
    page.wait_for_load_state()


def _submit(page, button):
    with page.expect_navigation():
        page.press_(button)
    page.wait_for_load_state()


def _fits(page):
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= page.width, f"page is {wide} px wide on a {page.width} px screen"


def test_comment_reply_react_and_moderate(screen, axe, password, hearing_setup):
    page = screen
    hearing = hearing_setup["hearing"]
    paragraph = hearing_setup["paragraph"]
    url = page.base_url + hearing.get_absolute_url()

    _login(page, hearing_setup["citizen"], password)
    page.goto(url)
    axe(page, "hearing, paragraphs folded")
    _fits(page)

    # Open the first paragraph's comments by tapping its summary, and comment.
    block = page.locator(f"#afsnit-{paragraph.pk}")
    form = block.locator("form.dialogue-comment-form").first
    assert not form.is_visible()
    page.press_(block.locator("summary").first)
    assert form.is_visible()
    axe(page, "paragraph opened")
    _fits(page)
    form.get_by_label("Din kommentar til afsnittet").fill(
        "Plant gerne frugttræer, så skolerne kan bruge dem."
    )
    form.get_by_label("Postnummer").fill("5000")
    form.get_by_label("Aldersgruppe").select_option("30-49")
    _submit(page, form.get_by_role("button", name="Send kommentar"))
    mine = Comment.objects.get(body__startswith="Plant gerne frugttræer")
    assert mine.paragraph_id == paragraph.pk
    assert Participant.objects.get(user=hearing_setup["citizen"]).age_band == "30-49"
    article = page.locator(f"#kommentar-{mine.pk}")
    article.wait_for()
    assert "Plant gerne frugttræer" in article.inner_text()
    axe(page, "after commenting")
    _fits(page)

    # Reply to the neighbour's comment (its paragraph is open again).
    other = Comment.objects.get(body__startswith="Husk træer")
    block = page.locator(f"#afsnit-{paragraph.pk}")
    if not block.locator("form.dialogue-comment-form").first.is_visible():
        page.press_(block.locator("summary").first)
    thread = page.locator(f"#kommentar-{other.pk}").locator("xpath=..")
    page.press_(thread.locator("summary", has_text="Svar"))
    thread.get_by_label("Dit svar").fill("Enig – lind og tjørn klarer sig fint.")
    _submit(page, thread.get_by_role("button", name="Send svar"))
    reply = Comment.objects.get(body__startswith="Enig – lind")
    assert reply.parent_id == other.pk
    page.locator(f"#kommentar-{reply.pk}").wait_for()
    axe(page, "after replying")

    # React to the neighbour's comment: htmx swaps the bar in place.
    block = page.locator(f"#afsnit-{paragraph.pk}")
    if not page.locator(f"#kommentar-{other.pk}").is_visible():
        page.press_(block.locator("summary").first)
    agree = page.locator(f"#kommentar-{other.pk} button[value='agree']")
    page.press_(agree)
    pressed = page.locator(f"#kommentar-{other.pk} button[aria-pressed='true']")
    pressed.wait_for()
    assert "1" in pressed.inner_text()
    assert list(Reaction.objects.values_list("kind", flat=True)) == ["agree"]
    axe(page, "after reacting")
    _fits(page)

    # A moderator hides the neighbour's comment; the reason shows in its place.
    _login(page, hearing_setup["moderator"], password)
    page.goto(url)
    if not page.locator(f"#kommentar-{other.pk}").is_visible():
        page.press_(page.locator(f"#afsnit-{paragraph.pk} summary").first)
    _submit(
        page, page.locator(f"#kommentar-{other.pk}").get_by_role("link", name="Skjul")
    )
    axe(page, "hide form")
    _fits(page)
    page.get_by_label("Hvorfor skjules kommentaren?").fill("Reklame for en planteskole")
    _submit(page, page.get_by_role("button", name="Skjul kommentaren"))
    if not page.locator(f"#kommentar-{other.pk}").is_visible():
        page.press_(page.locator(f"#afsnit-{paragraph.pk} summary").first)
    shown = page.locator(f"#kommentar-{other.pk}").inner_text()
    assert "Reklame for en planteskole" in shown and "vejsalt" not in shown
    axe(page, "hidden comment with reason")
    page.goto(page.base_url + "/odense/hoeringer/moderation/")
    axe(page, "moderation queue")
    _fits(page)


def test_hearings_filtered_by_the_municipalitys_theme(screen, axe, hearing_setup):
    page = screen
    hearing = hearing_setup["hearing"]
    page.goto(page.base_url + "/odense/hoeringer/?theme=nature")
    assert page.get_by_role("link", name=hearing.title).count() == 0
    page.get_by_label("Tema").select_option(label="By og landskab")
    _submit(page, page.get_by_role("button", name="Find", exact=True))
    assert page.url.endswith("?theme=city")
    axe(page, "hearings filtered by theme")
    _fits(page)
    page.press_(page.get_by_role("link", name=hearing.title))
    page.wait_for_load_state()
    page.get_by_role("link", name="By og landskab").wait_for()
    axe(page, "hearing with its theme")
