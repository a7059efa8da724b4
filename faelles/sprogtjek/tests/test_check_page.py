"""The check page: staff only, findings as the engine finds them, marked in the
text, bad files refused with a clear message, and the text never stored."""

import html
import io
import re

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from faelles.core.models import AuditEntry
from faelles.languagecheck import check
from faelles.sprogtjek import forms
from faelles.sprogtjek.models import MonthlyChecks, MonthlyTerm

URL = "/odense/sprogtjek/"
LETTER = (
    "Kære kunde\n\nDu er hermed bevilget hjemmehjælp. Vi leverer ydelser hver uge, "
    "og du bedes kontakte Borgerservice, hvis du ikke kan være hjemme.\n"
)
MARK = re.compile(
    r'<mark class="sprogtjek-p(\d\d)" id="i-teksten-(\d+)">'
    r'<span class="sr-only">[^<]*</span>(.*?)<a href="#fund-\2"'
    r' aria-describedby="fund-\2-forklaring">',
    re.S,
)


def _marks(response):
    return [
        (int(n), html.unescape(text), paradigm)
        for paradigm, n, text in MARK.findall(response.content.decode())
    ]


@pytest.mark.django_db
def test_anonymous_visitors_go_to_the_login_page(client, municipality):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_citizens_and_other_municipalities_staff_are_refused(
    client, citizen, other_admin
):
    for person in (citizen, other_admin):
        client.force_login(person)
        assert client.get(URL).status_code == 403
        assert client.post(URL, {"text": LETTER}).status_code == 403
    assert not MonthlyChecks.objects.exists()


@pytest.mark.django_db
def test_employees_politicians_and_administrators_may_check(
    client, employee, politician, municipal_admin
):
    for person in (employee, politician, municipal_admin):
        client.force_login(person)
        response = client.get(URL)
        assert response.status_code == 200
        assert "Teksten gemmes ikke" in response.content.decode()


@pytest.mark.django_db
def test_the_menu_shows_the_check_to_politicians_and_the_workspace_to_employees(
    client, citizen, employee, politician
):
    client.force_login(citizen)
    assert URL not in client.get("/odense/").content.decode()
    client.force_login(politician)
    assert URL in client.get("/odense/").content.decode()
    client.force_login(employee)
    assert URL not in client.get("/odense/").content.decode()  # a shorter menu
    assert URL in client.get("/odense/arbejde/").content.decode()


@pytest.mark.django_db
def test_the_findings_on_the_page_are_the_engines(client, employee):
    client.force_login(employee)
    response = client.post(URL, {"text": LETTER})
    assert response.status_code == 200
    expected = check(LETTER).findings
    assert len(expected) >= 3
    assert _marks(response) == [
        (i, f.text, f.paradigm.replace(".", "")) for i, f in enumerate(expected, 1)
    ]
    page = response.content.decode()
    for i, f in enumerate(expected, 1):
        # the explanation the marked word points at, for screen readers too
        block = page.split(f'id="fund-{i}-forklaring">', 1)[1].split("</div>", 1)[0]
        block = html.unescape(re.sub(r"<[^>]+>", "", block))
        assert f.reason in block
        assert ", ".join(f.suggestions) in block
    # Borgerservice is a name, not a fault; the text around the marks is all there
    assert "Borgerservice" in page
    assert not any(text.lower() == "borgerservice" for _, text, _ in _marks(response))


@pytest.mark.django_db
def test_the_text_is_not_stored_only_counted(client, employee):
    client.force_login(employee)
    response = client.post(URL, {"text": LETTER})
    assert "no-cache" in response["Cache-Control"]
    counts = MonthlyChecks.objects.get()
    assert counts.checks == 1
    assert counts.department_id == employee.memberships.get().department_id
    terms = dict(MonthlyTerm.objects.values_list("term", "findings"))
    assert terms == {
        term: sum(1 for f in check(LETTER).findings if f.term == term) for term in terms
    }
    assert not AuditEntry.objects.filter(action__startswith="sprogtjek").exists()
    # nothing of the text is anywhere in the counts
    for value in MonthlyTerm.objects.values_list("term", flat=True):
        assert value in {f.term for f in check(LETTER).findings}


@pytest.mark.django_db
def test_english_interface_gives_english_reasons(client, employee):
    client.force_login(employee)
    client.cookies["faelles_language"] = "en"
    response = client.post(URL, {"text": "Kære kunde"})
    assert check("Kære kunde", lang="en").findings[0].reason in html.unescape(
        response.content.decode()
    )


def _docx(*paragraphs):
    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("brev.txt", LETTER.encode()),
        ("brev.docx", _docx("Kære kunde", "Vi leverer ydelser hver uge.")),
    ],
)
def test_a_file_is_checked_like_its_text(client, employee, name, content):
    client.force_login(employee)
    response = client.post(URL, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    text = (
        LETTER if name.endswith(".txt") else "Kære kunde\nVi leverer ydelser hver uge."
    )
    assert [t for _, t, _ in _marks(response)] == [f.text for f in check(text).findings]
    assert "Teksten fra filen" in response.content.decode()


@pytest.mark.django_db
def test_a_pdf_is_checked(client, employee):
    weasyprint = pytest.importorskip("weasyprint")
    pdf = weasyprint.HTML(string="<p>Kære kunde</p><p>Du bedes møde op.</p>")
    client.force_login(employee)
    response = client.post(
        URL, {"file": SimpleUploadedFile("brev.pdf", pdf.write_pdf())}
    )
    assert [t for _, t, _ in _marks(response)] == ["kunde", "bedes"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Indsæt en tekst eller vælg en fil."),
        ({"text": "   \n "}, "Indsæt en tekst eller vælg en fil."),
        (
            {"text": "kunde", "file": ("a.txt", b"kunde")},
            "ikke begge på én gang",
        ),
        ({"file": ("tom.txt", b"")}, "Filen er tom"),
        ({"file": ("billede.png", b"\x89PNG\r\n")}, "Filtypen kan ikke tjekkes"),
        ({"file": ("brev.txt", "Kære kunde".encode("latin-1"))}, "ikke gemt som UTF-8"),
        ({"file": ("brev.txt", b"ab\x00cd")}, "ikke en tekstfil"),
        ({"file": ("brev.docx", b"PK\x03\x04 no zip")}, "ikke et gyldigt Word"),
        ({"file": ("brev.pdf", b"%PDF-1.7\n junk")}, "beskadiget"),
        ({"text": "x" * (forms.MAX_CHARS + 1)}, "Teksten er for lang"),
    ],
)
def test_bad_input_gets_a_clear_message_and_nothing_is_kept(
    client, employee, data, message
):
    client.force_login(employee)
    post = {
        k: SimpleUploadedFile(*v) if isinstance(v, tuple) else v
        for k, v in data.items()
    }
    response = client.post(URL, post)
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert message in page
    assert 'id="resultat"' not in page
    assert not MonthlyChecks.objects.exists()


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused(client, employee, monkeypatch):
    monkeypatch.setattr(forms, "MAX_FILE_MB", 1)
    client.force_login(employee)
    big = SimpleUploadedFile("stor.txt", b"kunde " * 200_000)
    response = client.post(URL, {"file": big})
    assert "Filen er for stor (højst 1 MB)" in response.content.decode()
    assert not MonthlyChecks.objects.exists()


@pytest.mark.django_db
def test_the_page_reads_few_queries(client, employee, django_assert_max_num_queries):
    client.force_login(employee)
    client.post(URL, {"text": LETTER})  # warm the municipality's checker
    with django_assert_max_num_queries(16):
        response = client.post(URL, {"text": LETTER * 20})
    assert response.status_code == 200
