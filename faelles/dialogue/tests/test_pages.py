"""Hearing pages: who sees what, commenting through the views, moderation and
the answer, attachments, query counts, and a commenter's data export and erasure."""

import json
import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.accounts.services import account_delete, account_export
from faelles.dialogue import services
from faelles.dialogue.factories import HearingFactory, ParagraphFactory, SectionFactory
from faelles.dialogue.models import Attachment, Comment, Hearing, Participant, Reaction

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)
BASE = "/odense/hoeringer"


@pytest.fixture
def hearing(municipality):
    return HearingFactory(municipality=municipality, title="Bymidteplan")


def _url(hearing, tail=""):
    return f"{BASE}/{hearing.pk}/{tail}"


def _fill(hearing, municipality, n):
    """n threads on paragraphs and in general, each with a reply and reactions."""
    paragraphs = [
        ParagraphFactory(section=SectionFactory(hearing=hearing)) for _ in range(3)
    ]
    people = [MembershipFactory(municipality=municipality).user for _ in range(4)]
    for i in range(n):
        root = services.comment_create(
            hearing=hearing,
            author=people[i % 4],
            body=f"Kommentar {i}",
            paragraph=paragraphs[i % 3] if i % 2 else None,
        )
        services.comment_create(
            hearing=hearing, author=people[(i + 1) % 4], body="Svar", parent=root
        )
        services.reaction_set(comment=root, user=people[(i + 2) % 4], kind="agree")


def test_list_and_detail_for_a_visitor(client, hearing, municipality):
    _fill(hearing, municipality, 4)
    response = client.get(f"{BASE}/")
    assert response.status_code == 200
    assert "Bymidteplan" in response.content.decode()
    page = client.get(_url(hearing)).content.decode()
    assert "Kommentar 3" in page and "Log ind for at kommentere" in page
    assert "Hvem blev hørt?" in page


def test_an_unannounced_hearing_is_staff_only(client, municipality, citizen, employee):
    draft = HearingFactory(
        municipality=municipality,
        title="Hemmelig plan",
        announced_at=timezone.now() + DAY,
        opens_at=timezone.now() + 2 * DAY,
        closes_at=timezone.now() + 3 * DAY,
    )
    assert client.get(_url(draft)).status_code == 404
    client.force_login(citizen)
    assert client.get(_url(draft)).status_code == 404
    assert "Hemmelig plan" not in client.get(f"{BASE}/").content.decode()
    client.force_login(employee)
    assert client.get(_url(draft)).status_code == 200
    assert "Hemmelig plan" in client.get(f"{BASE}/").content.decode()


def test_list_queries_do_not_grow(client, municipality, django_assert_max_num_queries):
    for _ in range(15):
        HearingFactory(municipality=municipality)
    with django_assert_max_num_queries(6):
        assert client.get(f"{BASE}/").status_code == 200


@pytest.mark.parametrize("n", [3, 30])
def test_detail_queries_do_not_grow_with_comments(
    client, hearing, municipality, citizen, n, django_assert_max_num_queries
):
    _fill(hearing, municipality, n)
    client.force_login(citizen)
    # 20: one of them lists the committees' follow-up the hearing carries.
    with django_assert_max_num_queries(20):
        response = client.get(_url(hearing))
    assert response.status_code == 200
    assert response.content.decode().count('<article class="dialogue-comment') == 2 * n


def test_comment_on_a_paragraph_and_first_time_about_me(client, hearing, citizen):
    paragraph = ParagraphFactory(section=SectionFactory(hearing=hearing))
    client.force_login(citizen)
    page = client.get(_url(hearing)).content.decode()
    assert 'name="age_band"' in page
    response = client.post(
        _url(hearing, "kommentarer/"),
        {
            "body": "Flere bænke",
            "paragraph": paragraph.pk,
            "postcode": "5000",
            "age_band": "65+",
        },
    )
    comment = Comment.objects.get()
    assert response.url.endswith(f"#kommentar-{comment.pk}")
    assert comment.paragraph == paragraph
    participant = Participant.objects.get()
    assert (participant.postcode, participant.age_band) == ("5000", "65+")
    # Asked once: the next page does not ask again.
    assert 'name="age_band"' not in client.get(_url(hearing)).content.decode()


def test_bad_comment_input_changes_nothing(client, hearing, citizen):
    client.force_login(citizen)
    for data in (
        {"body": ""},
        {"body": "x" * 4001},
        {"body": "Hej", "postcode": "12a4", "age_band": "30-49"},
        {"body": "Hej", "age_band": "200"},
    ):
        response = client.post(_url(hearing, "kommentarer/"), data)
        assert response.status_code == 302
    assert (
        client.post(
            _url(hearing, "kommentarer/"), {"body": "Hej", "paragraph": "99999"}
        ).status_code
        == 404
    )
    assert not Comment.objects.exists()


def test_closed_hearing_refuses_comments(client, municipality, citizen):
    closed = HearingFactory(
        municipality=municipality,
        announced_at=timezone.now() - 9 * DAY,
        opens_at=timezone.now() - 8 * DAY,
        closes_at=timezone.now() - DAY,
    )
    client.force_login(citizen)
    assert "lukket for kommentarer" in client.get(_url(closed)).content.decode()
    response = client.post(_url(closed, "kommentarer/"), {"body": "For sent"})
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_react_with_htmx_returns_the_reaction_bar(client, hearing, citizen):
    comment = services.comment_create(hearing=hearing, author=citizen, body="Hej")
    other = MembershipFactory(municipality=hearing.municipality).user
    client.force_login(other)
    url = _url(hearing, f"kommentarer/{comment.pk}/reaktion/")
    response = client.post(url, {"kind": "agree"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert 'value="agree" aria-pressed="true"' in html
    client.post(url, {"kind": "useful"})
    assert list(Reaction.objects.values_list("kind", flat=True)) == ["useful"]


def test_hidden_comment_shows_its_reason_in_place(client, hearing, citizen, moderator):
    comment = services.comment_create(hearing=hearing, author=citizen, body="Grimt")
    client.force_login(moderator)
    response = client.post(
        _url(hearing, f"kommentarer/{comment.pk}/skjul/"), {"reason": "Personangreb"}
    )
    assert response.status_code == 302
    page = client.get(_url(hearing)).content.decode()
    assert "Personangreb" in page and "Grimt" not in page
    # The author may appeal; someone else may not.
    other = MembershipFactory(municipality=hearing.municipality).user
    client.force_login(other)
    appeal_url = _url(hearing, f"kommentarer/{comment.pk}/klage/")
    assert client.get(appeal_url).status_code == 403
    client.force_login(citizen)
    assert "Klag over afgørelsen" in client.get(_url(hearing)).content.decode()
    client.post(appeal_url, {"text": "Det var ikke ment sådan."})
    client.force_login(moderator)
    queue = client.get(f"{BASE}/moderation/").content.decode()
    assert "Det var ikke ment sådan." in queue


def test_moderation_is_for_moderators(
    client, municipality, citizen, employee, moderator
):
    client.force_login(citizen)
    assert client.get(f"{BASE}/moderation/").status_code == 403
    # An employee creates hearings but does not moderate: no link to a 403.
    client.force_login(employee)
    assert "/moderation/" not in client.get(f"{BASE}/").content.decode()
    assert client.get(f"{BASE}/moderation/").status_code == 403
    client.force_login(moderator)
    assert "/moderation/" in client.get(f"{BASE}/").content.decode()
    assert client.get(f"{BASE}/moderation/").status_code == 200


def test_report_then_dismiss(client, hearing, citizen, moderator):
    comment = services.comment_create(hearing=hearing, author=citizen, body="Hmm")
    other = MembershipFactory(municipality=hearing.municipality).user
    client.force_login(other)
    client.post(_url(hearing, f"kommentarer/{comment.pk}/anmeld/"), {"reason": "Spam"})
    client.force_login(moderator)
    assert "Hmm" in client.get(f"{BASE}/moderation/").content.decode()
    client.post(_url(hearing, f"kommentarer/{comment.pk}/afvis-anmeldelser/"))
    assert "Hmm" not in client.get(f"{BASE}/moderation/").content.decode()


def test_answer_written_and_published_by_staff(client, municipality, employee, citizen):
    closed = HearingFactory(
        municipality=municipality,
        announced_at=timezone.now() - 9 * DAY,
        opens_at=timezone.now() - 8 * DAY,
        closes_at=timezone.now() - DAY,
    )
    client.force_login(citizen)
    assert client.get(_url(closed, "svar/")).status_code == 403
    client.force_login(employee)
    data = {"heard": "Mange vil have træer.", "changed": "40 træer.", "not_changed": ""}
    client.post(_url(closed, "svar/"), data)
    closed.refresh_from_db()
    assert closed.answered_at is None
    client.force_login(citizen)
    assert "Mange vil have træer." not in client.get(_url(closed)).content.decode()
    client.force_login(employee)
    client.post(_url(closed, "svar/"), {**data, "publish": "1"})
    closed.refresh_from_db()
    assert closed.answered_at is not None
    client.force_login(citizen)
    assert "Mange vil have træer." in client.get(_url(closed)).content.decode()


def test_create_hearing_with_sections(client, municipality, employee):
    client.force_login(employee)
    now = timezone.now()
    fmt = "%Y-%m-%dT%H:%M"
    response = client.post(
        f"{BASE}/ny/",
        {
            "kind": "hearing",
            "title": "Ny bymidte",
            "question": "Hvad mener du?",
            "announced_at": (now + DAY).strftime(fmt),
            "opens_at": (now + 2 * DAY).strftime(fmt),
            "closes_at": (now + 20 * DAY).strftime(fmt),
            "draft": "# Trafik\n\nFærre biler.\n\nFlere cykler.",
        },
    )
    hearing = Hearing.objects.get()
    assert response.url == hearing.get_absolute_url()
    assert hearing.sections.get().paragraphs.count() == 2
    bad = client.post(
        f"{BASE}/ny/",
        {
            "kind": "hearing",
            "title": "Forkert\x07",
            "question": "?",
            "announced_at": now.strftime(fmt),
            "opens_at": (now + 2 * DAY).strftime(fmt),
            "closes_at": (now + DAY).strftime(fmt),
        },
    )
    assert bad.status_code == 200 and Hearing.objects.count() == 1


def test_attachments_upload_checked_and_download(
    client, hearing, employee, citizen, settings, tmp_path
):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    client.force_login(employee)
    client.post(
        _url(hearing, "bilag/"),
        {"title": "Kort", "file": SimpleUploadedFile("kort.pdf", b"%PDF-1.4 kort")},
    )
    client.post(
        _url(hearing, "bilag/"),
        {"title": "Virus", "file": SimpleUploadedFile("x.pdf", b"MZ not a pdf")},
    )
    attachment = Attachment.objects.get()
    client.force_login(citizen)
    response = client.get(_url(hearing, f"bilag/{attachment.pk}/"))
    assert b"".join(response.streaming_content) == b"%PDF-1.4 kort"
    assert (
        client.post(
            _url(hearing, "bilag/"),
            {"title": "Mit", "file": SimpleUploadedFile("m.pdf", b"%PDF-1.4")},
        ).status_code
        == 403
    )


def test_gdpr_export_and_deletion_of_a_commenter(hearing, citizen, municipality):
    comment = services.comment_create(
        hearing=hearing, author=citizen, body="Min mening", postcode="5000"
    )
    other = MembershipFactory(municipality=municipality).user
    reply = services.comment_create(
        hearing=hearing, author=other, body="Svar", parent=comment
    )
    services.reaction_set(comment=reply, user=citizen, kind="agree")
    data = json.loads(json.dumps(account_export(user=citizen), default=str))
    mine = data["dialogue"]
    assert [c["body"] for c in mine["comments"]] == ["Min mening"]
    assert mine["reactions"][0]["kind"] == "agree"
    assert mine["hearings_taken_part_in"][0]["postcode"] == "5000"
    account_delete(user=citizen)
    comment.refresh_from_db()
    assert comment.author is None and comment.body == "Min mening"
    assert not Reaction.objects.exists()
    assert not Participant.objects.filter(user_id=citizen.pk).exists()


def test_long_discussions_are_paged(client, hearing, municipality):
    from faelles.dialogue.selectors import THREADS_PER_PAGE, THREADS_PER_PARAGRAPH

    paragraph = ParagraphFactory(section=SectionFactory(hearing=hearing))
    person = MembershipFactory(municipality=municipality).user
    on_paragraph = THREADS_PER_PARAGRAPH + 5
    for i in range(on_paragraph):
        services.comment_create(
            hearing=hearing,
            author=person,
            body=f"Om afsnittet {i}.",
            paragraph=paragraph,
        )
    for i in range(THREADS_PER_PAGE + 3):
        services.comment_create(hearing=hearing, author=person, body=f"Generelt {i}.")
    page = client.get(_url(hearing)).content.decode()
    assert page.count("Om afsnittet ") == THREADS_PER_PARAGRAPH
    assert f"Om afsnittet {on_paragraph - 1}." in page and "Om afsnittet 0." not in page
    assert f"Se alle {on_paragraph} kommentarer til afsnittet" in page
    assert page.count("Generelt ") == THREADS_PER_PAGE
    assert "Generelt 0." not in page and "Ældre kommentarer" in page
    older = re.search(r'href="\?efter=(\d+)#kommentarer"', page).group(1)
    rest = client.get(_url(hearing), {"efter": older}).content.decode()
    assert "Generelt 0." in rest and f"Generelt {THREADS_PER_PAGE + 2}." not in rest
    whole = client.get(_url(hearing, f"afsnit/{paragraph.pk}/")).content.decode()
    assert whole.count("Om afsnittet ") == on_paragraph


def test_a_hearing_about_an_initiative_links_to_it(client, municipality, employee):
    from faelles.initiatives.factories import InitiativeFactory

    initiative = InitiativeFactory(municipality=municipality, title="Badebro i havnen")
    hearing = HearingFactory(municipality=municipality, initiative=initiative)
    page = client.get(_url(hearing)).content.decode()
    assert f'href="{initiative.get_absolute_url()}">Badebro i havnen' in page


def test_edit_keeps_the_draft_once_open(client, hearing, employee):
    ParagraphFactory(section=SectionFactory(hearing=hearing, heading="Trafik"))
    client.force_login(employee)
    form = client.get(_url(hearing, "rediger/")).content.decode()
    assert "# Trafik" in form and "disabled" in form
    fmt = "%Y-%m-%dT%H:%M"
    response = client.post(
        _url(hearing, "rediger/"),
        {
            "kind": "hearing",
            "title": "Ny titel",
            "question": hearing.question,
            "announced_at": timezone.localtime(hearing.announced_at).strftime(fmt),
            "opens_at": timezone.localtime(hearing.opens_at).strftime(fmt),
            "closes_at": timezone.localtime(hearing.closes_at).strftime(fmt),
            "draft": "# Noget andet\n\nHelt ny tekst.",
        },
    )
    assert response.status_code == 302
    hearing.refresh_from_db()
    assert hearing.title == "Ny titel"
    assert services.draft_text(hearing).startswith("# Trafik")
