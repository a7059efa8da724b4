"""The learning library's section of shared summaries, a person's export and
deletion, and the municipality's own question sets."""

import datetime

import pytest

from faelles.accounts.personal_data import personal_data_modules
from faelles.accounts.services import account_delete
from faelles.core.library_sources import library_sections
from faelles.reflection import gdpr, services
from faelles.reflection.models import Action, Note, QuestionSet

from .conftest import BASE, SECRET, to_phase

pytestmark = pytest.mark.django_db

LIBRARY = "/odense/initiativer/laeringsbank/"


def _close(session, facilitator, summary, share):
    session = to_phase(session, facilitator, "shared")
    return services.session_close(
        session=session, actor=facilitator, summary=summary, share=share
    )


def test_the_library_shows_shared_summaries_only(
    client, session, facilitator, team, citizen
):
    assert "reflection" in [s.key for s in library_sections()]
    kept = services.session_create(
        municipality=session.municipality,
        department=team,
        title="Kun for teamet",
        day=datetime.date(2027, 5, 1),
        source="builtin:social-kapital",
        actor=facilitator,
    )
    session = _close(session, facilitator, "Vi aftalte at spørge borgerne først.", True)
    _close(kept, facilitator, "Det her bliver i teamet.", False)
    client.force_login(citizen)  # a member of the municipality reads the library
    page = client.get(LIBRARY).content.decode()
    assert "Teamrefleksioner" in page
    assert "Vi aftalte at spørge borgerne først." in page
    assert "Det her bliver i teamet." not in page and "Kun for teamet" not in page
    assert session.get_absolute_url() not in page  # the session stays private
    # withdrawn again: gone from the library
    services.summary_save(
        session=session, actor=facilitator, summary=session.summary, share=False
    )
    assert "Vi aftalte" not in client.get(LIBRARY).content.decode()


def test_the_library_query_count_does_not_grow_with_summaries(
    client, session, facilitator, team, citizen, django_assert_max_num_queries
):
    client.force_login(citizen)
    _close(session, facilitator, "Første.", True)
    client.get(LIBRARY)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(LIBRARY)
    for i in range(4):
        s = services.session_create(
            municipality=session.municipality,
            department=team,
            title=f"Møde {i}",
            day=datetime.date(2027, 5, 1),
            source="builtin:social-kapital",
            actor=facilitator,
        )
        _close(s, facilitator, f"Opsummering {i}.", True)
    with CaptureQueriesContext(connection) as five:
        client.get(LIBRARY)
    assert len(one.captured_queries) == len(five.captured_queries)


def test_the_export_holds_own_notes_and_owned_actions_only(session, members):
    session = to_phase(session, members[0], "individual")
    for person, text in ((members[1], SECRET), (members[2], "Andens note")):
        services.notes_save(
            session=session,
            user=person,
            texts={q.pk: text for q in session.questions.all()},
        )
    session = to_phase(session, members[0], "shared")
    services.action_add(
        session=session,
        actor=members[0],
        text="Besøg foreningen",
        owner=members[1],
        due=datetime.date(2027, 4, 1),
    )
    mine = gdpr.export_personal_data(members[1])
    assert {n["note"] for n in mine["notes"]} == {SECRET}
    assert [a["action"] for a in mine["actions_owned"]] == ["Besøg foreningen"]
    theirs = gdpr.export_personal_data(members[0])  # the facilitator
    assert theirs == {"notes": [], "actions_owned": []}
    assert "reflection" in dict(personal_data_modules())


def test_deletion_removes_notes_and_keeps_actions_without_owner(session, members):
    session = to_phase(session, members[0], "individual")
    services.notes_save(
        session=session,
        user=members[1],
        texts={q.pk: SECRET for q in session.questions.all()},
    )
    session = to_phase(session, members[0], "shared")
    services.action_add(
        session=session,
        actor=members[0],
        text="Besøg foreningen",
        owner=members[1],
        due=datetime.date(2027, 4, 1),
    )
    account_delete(user=members[1])
    assert not Note.objects.exists()
    action = Action.objects.get()
    assert action.owner is None and action.text == "Besøg foreningen"
    account_delete(user=members[0])  # the facilitator
    session.refresh_from_db()
    assert session.facilitator is None


def test_only_administrators_manage_question_sets(client, municipal_admin, members):
    data = {
        "title": "Vores fire pejlemærker",
        "intro": "Til teammøder",
        "guide": "Start med egne noter.",
        "questions_text": "Hvor var vi modige?\n\nHvad udviklede vi?\n",
    }
    client.force_login(members[0])
    assert client.get(f"{BASE}spoergsmaal/").status_code == 200
    assert client.post(f"{BASE}spoergsmaal/nyt/", data).status_code == 403
    client.force_login(municipal_admin)
    assert client.post(f"{BASE}spoergsmaal/nyt/", data).status_code == 302
    own = QuestionSet.objects.get()
    assert own.questions == ["Hvor var vi modige?", "Hvad udviklede vi?"]
    client.force_login(members[0])
    assert client.post(own.get_absolute_url(), data).status_code == 403
    assert client.post(f"{BASE}spoergsmaal/{own.pk}/slet/").status_code == 403
    client.force_login(municipal_admin)
    client.post(f"{BASE}spoergsmaal/{own.pk}/slet/")
    assert not QuestionSet.objects.exists()


def test_a_set_starts_from_a_builtin_copy_and_bad_input_changes_nothing(
    client, municipal_admin
):
    client.force_login(municipal_admin)
    page = client.get(f"{BASE}spoergsmaal/nyt/?fra=social-kapital").content.decode()
    assert "Social kapital i teamet" in page and "Tillid i teamet" in page
    for data in (
        {"title": "", "questions_text": "Et spørgsmål?"},
        {"title": "Tomt", "questions_text": "   \n  "},
        {"title": "For mange", "questions_text": "\n".join(["Hvad?"] * 13)},
        {"title": "For langt", "questions_text": "x" * 301},
    ):
        response = client.post(f"{BASE}spoergsmaal/nyt/", data)
        assert response.status_code == 200
        assert 'class="form-error-message"' in response.content.decode()
    assert not QuestionSet.objects.exists()
