"""A municipality's own entries: kept by its administrators, audited, used with the
shipped lexicon by its own checks only."""

import html

import pytest
from django.core.exceptions import ValidationError

from faelles.core.models import AuditEntry
from faelles.sprogtjek import services
from faelles.sprogtjek.factories import OwnEntryFactory
from faelles.sprogtjek.models import OwnEntry
from faelles.sprogtjek.selectors import checker_for_municipality

ENTRIES = "/odense/sprogtjek/ordliste/"


def _terms(municipality, text):
    return [
        (f.text, f.term)
        for f in checker_for_municipality(municipality).check(text).findings
    ]


def _flag(municipality, actor, **fields):
    return services.entry_create(
        municipality=municipality,
        actor=actor,
        kind="flag",
        term=fields.pop("term", "sagsbunke"),
        paradigm=fields.pop("paradigm", "2.0"),
        reason=fields.pop("reason", "Borgernes liv er ikke en bunke sager."),
        suggestions=fields.pop("suggestions", "de borgere, vi arbejder med\nforløb"),
        **fields,
    )


@pytest.mark.django_db
def test_an_own_word_is_found_with_its_inflections_and_only_here(
    municipality, other_municipality, municipal_admin
):
    text = "Sagsbunken vokser, og sagsbunkerne bliver ikke mindre."
    assert _terms(municipality, text) == []
    _flag(municipality, municipal_admin)
    assert _terms(municipality, text) == [
        ("Sagsbunken", "sagsbunke"),
        ("sagsbunkerne", "sagsbunke"),
    ]
    assert _terms(other_municipality, text) == []  # another municipality's list


@pytest.mark.django_db
def test_compounds_and_phrases(municipality, municipal_admin):
    _flag(municipality, municipal_admin, term="sagsbunke", compounds=True)
    _flag(municipality, municipal_admin, term="levere pakker", paradigm="2.0")
    text = "Mailsagsbunken er stor. Vi leverer pakkerne til borgerne."
    assert _terms(municipality, text) == [
        ("Mailsagsbunken", "sagsbunke"),
        ("leverer pakkerne", "levere pakker"),
    ]


@pytest.mark.django_db
def test_an_own_name_is_never_flagged(municipality, municipal_admin):
    text = "Ring til Kundecenter Nord eller til kunden."
    assert [t for t, _ in _terms(municipality, text)] == ["Kundecenter", "kunden"]
    services.entry_create(
        municipality=municipality,
        actor=municipal_admin,
        kind="name",
        term="Kundecenter Nord",
        reason="ignored for a name",
    )
    assert [t for t, _ in _terms(municipality, text)] == ["kunden"]
    name = OwnEntry.objects.get(kind="name")
    assert (name.reason, name.paradigm) == ("", "")  # a name keeps no reason


@pytest.mark.django_db
def test_changes_are_audited_and_the_checker_follows_them(
    municipality, municipal_admin
):
    entry = _flag(municipality, municipal_admin)
    assert _terms(municipality, "sagsbunken") == [("sagsbunken", "sagsbunke")]
    services.entry_update(entry=entry, actor=municipal_admin, term="arbejdsbunke")
    assert _terms(municipality, "sagsbunken") == []
    assert _terms(municipality, "arbejdsbunken") == [("arbejdsbunken", "arbejdsbunke")]
    services.entry_delete(entry=entry, actor=municipal_admin)
    assert _terms(municipality, "arbejdsbunken") == []
    assert list(
        AuditEntry.objects.filter(actor=municipal_admin)
        .order_by("id")
        .values_list("action", flat=True)
    ) == [
        "sprogtjek.entry_create",
        "sprogtjek.entry_update",
        "sprogtjek.entry_delete",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"term": "kunde"}, "term", "allerede med i den fælles ordliste"),
        ({"term": "sag/bunke"}, "term", "bogstaver og tal"),
        ({"term": "en to tre fire fem seks"}, "term", "højst have 5 ord"),
        ({"paradigm": ""}, "paradigm", "Kommune 1.0 eller 2.0"),
        ({"reason": "  "}, "reason", "hvorfor"),
        ({"suggestions": "\n \n"}, "suggestions", "mindst ét forslag"),
        ({"paradigm": "3.0"}, "paradigm", ""),
    ],
)
def test_bad_entries_are_refused_and_nothing_is_kept(
    municipality, municipal_admin, fields, field, message
):
    with pytest.raises(ValidationError) as caught:
        _flag(municipality, municipal_admin, **fields)
    assert field in caught.value.message_dict
    assert message in " ".join(caught.value.message_dict[field])
    assert not OwnEntry.objects.exists()
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_the_same_term_twice_is_refused(municipality, other_municipality, other_admin):
    OwnEntryFactory(municipality=municipality, term="Sagsbunke")
    with pytest.raises(ValidationError):
        _flag(municipality, other_admin, term="sagsbunke")
    _flag(other_municipality, other_admin, term="sagsbunke")  # elsewhere it is fine


@pytest.mark.django_db
def test_only_administrators_keep_the_list(client, employee, municipal_admin):
    client.force_login(employee)
    assert client.get(ENTRIES).status_code == 403
    assert client.post(ENTRIES, {"kind": "name", "term": "x"}).status_code == 403
    entry = OwnEntryFactory(municipality=municipal_admin.memberships.get().municipality)
    assert client.get(f"{ENTRIES}{entry.pk}/").status_code == 403
    assert client.post(f"{ENTRIES}{entry.pk}/slet/").status_code == 403
    assert OwnEntry.objects.count() == 1


@pytest.mark.django_db
def test_the_administrator_adds_edits_and_removes_an_entry(client, municipal_admin):
    client.force_login(municipal_admin)
    response = client.post(
        ENTRIES,
        {
            "kind": "flag",
            "term": "sagsbunke",
            "paradigm": "2.0",
            "reason": "Borgernes liv er ikke en bunke sager.",
            "suggestions": "forløb",
        },
    )
    assert response.status_code == 302
    entry = OwnEntry.objects.get()
    page = client.get(ENTRIES).content.decode()
    assert "sagsbunke" in page and "forløb" in page
    response = client.post(
        f"{ENTRIES}{entry.pk}/",
        {
            "kind": "flag",
            "term": "sagsbunke",
            "paradigm": "1.0",
            "reason": "En ny grund.",
            "suggestions": "forløb",
        },
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.paradigm, entry.reason) == ("1.0", "En ny grund.")
    assert client.post(f"{ENTRIES}{entry.pk}/slet/").status_code == 302
    assert not OwnEntry.objects.exists()


@pytest.mark.django_db
def test_a_bad_entry_in_the_form_shows_why(client, municipal_admin):
    client.force_login(municipal_admin)
    response = client.post(
        ENTRIES,
        {
            "kind": "flag",
            "term": "kunde",
            "paradigm": "2.0",
            "reason": "x",
            "suggestions": "borger",
        },
    )
    assert response.status_code == 200
    assert "allerede med i den fælles ordliste" in html.unescape(
        response.content.decode()
    )
    response = client.post(ENTRIES, {"kind": "flag", "term": "sagsbunke"})
    assert "Kommune 1.0 eller 2.0" in html.unescape(response.content.decode())
    assert not OwnEntry.objects.exists()


@pytest.mark.django_db
def test_the_check_page_uses_the_own_entries(client, municipality, employee):
    admin = municipality.memberships.create(
        user=employee.__class__.objects.create_user(
            email="admin@example.org", password="x", display_name="A"
        ),
        is_employee=True,
        is_administrator=True,
    ).user
    _flag(municipality, admin)
    client.force_login(employee)
    response = client.post("/odense/sprogtjek/", {"text": "Sagsbunken vokser."})
    page = html.unescape(response.content.decode())
    assert "Borgernes liv er ikke en bunke sager." in page


@pytest.mark.django_db
def test_an_entry_the_engine_cannot_use_is_left_out_not_a_broken_page(
    client, municipality, employee
):
    # saved past the service (an older rule, or a hand edit in Django admin)
    OwnEntryFactory(municipality=municipality, term="sag/bunke")
    OwnEntryFactory(municipality=municipality, term="sagsbunke", suggestions="")
    OwnEntryFactory(municipality=municipality, term="arbejdsbunke")
    found = checker_for_municipality(municipality).check("arbejdsbunken sagsbunken")
    assert [f.term for f in found.findings] == ["arbejdsbunke"]
    client.force_login(employee)
    assert client.post("/odense/sprogtjek/", {"text": "sagsbunken"}).status_code == 200
