"""A team's session: who sees it, the phases, own notes stay own, shared
answers, actions and their follow-up at the next session, the summary."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from faelles.accounts.factories import MembershipFactory
from faelles.core.models import AuditEntry
from faelles.notifications.models import Notification
from faelles.organisations.factories import DepartmentFactory
from faelles.reflection import selectors, services
from faelles.reflection.builtin import BUILTIN_SETS
from faelles.reflection.models import (
    Action,
    ActionStatus,
    FollowUp,
    Note,
    Phase,
    Question,
    Session,
)

from .conftest import BASE, SECRET, colleagues, to_phase

pytestmark = pytest.mark.django_db


def _url(session, tail=""):
    return f"{BASE}{session.pk}/{tail}"


def _write(session, user, text=SECRET):
    services.notes_save(
        session=session,
        user=user,
        texts={q.pk: text for q in session.questions.all()},
    )


# --- built-in sets ------------------------------------------------------------------


def test_builtin_sets_have_questions_and_a_guide():
    assert len(BUILTIN_SETS) >= 2
    for b in BUILTIN_SETS:
        assert len(b.questions) >= 4 and str(b.guide) and str(b.intro)


# --- who sees what ------------------------------------------------------------------


def test_index_anonymous_login_citizen_403_employee_and_politician_200(
    client, citizen, employee, politician, municipality
):
    response = client.get(BASE)
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(citizen)
    assert client.get(BASE).status_code == 403
    assert client.get(f"{BASE}spoergsmaal/").status_code == 403
    for person in (employee, politician):
        client.force_login(person)
        assert client.get(BASE).status_code == 200
        assert client.get(f"{BASE}spoergsmaal/").status_code == 200
    assert client.get(f"{BASE}ny/").status_code == 403  # a politician has no team


def test_a_session_is_404_outside_the_team_and_seen_by_team_and_admin(
    client, session, employee, municipal_admin, members, citizen, politician
):
    assert "/login/" in client.get(_url(session))["Location"]
    for outsider in (employee, citizen, politician):  # not of the team: 404
        client.force_login(outsider)
        assert client.get(_url(session)).status_code == 404
        assert client.post(_url(session, "fase/")).status_code == 404
    for insider in (members[1], municipal_admin):
        client.force_login(insider)
        assert client.get(_url(session)).status_code == 200


def test_index_lists_own_team_sessions_only(client, session, municipality):
    other_team = DepartmentFactory(municipality=municipality, name="Teknik")
    other = services.session_create(
        municipality=municipality,
        department=other_team,
        title="Teknikmøde",
        day=datetime.date(2027, 3, 5),
        source="builtin:social-kapital",
        actor=colleagues(other_team, 1)[0],
    )
    client.force_login(session.facilitator)
    page = client.get(BASE).content.decode()
    assert session.title in page and other.title not in page


def test_an_employee_creates_a_session_for_own_team_only(
    client, team, members, municipality
):
    other_team = DepartmentFactory(municipality=municipality)
    client.force_login(members[1])
    bad = client.post(
        f"{BASE}ny/",
        {
            "department": other_team.pk,
            "title": "Ikke vores",
            "date": "2027-04-01",
            "source": "builtin:social-kapital",
        },
    )
    assert bad.status_code == 200 and not Session.objects.exists()
    response = client.post(
        f"{BASE}ny/",
        {
            "department": team.pk,
            "title": "Social kapital",
            "date": "2027-04-01",
            "source": "builtin:social-kapital",
        },
    )
    session = Session.objects.get()
    assert response["Location"] == session.get_absolute_url()
    assert session.facilitator == members[1] and session.phase == Phase.PREPARING
    assert session.questions.count() == len(BUILTIN_SETS[1].questions)


def test_bad_input_to_create_changes_nothing(client, team, members):
    client.force_login(members[0])
    for data in (
        {"department": team.pk, "title": "", "date": "2027-04-01"},
        {"department": team.pk, "title": "X", "date": "i morgen"},
        {"department": team.pk, "title": "X", "date": "2027-04-01", "source": "set:9"},
        {"department": team.pk, "title": "X", "date": "2027-04-01", "source": "nej"},
    ):
        data.setdefault("source", "builtin:kommunen-3-0")
        response = client.post(f"{BASE}ny/", data)
        assert response.status_code == 200
        assert 'class="form-error-message"' in response.content.decode()
    assert not Session.objects.exists()


# --- phases ---------------------------------------------------------------------------


def test_phases_move_forward_and_one_back_by_the_facilitator_only(
    client, session, members
):
    client.force_login(members[1])  # a team member, not the facilitator
    assert client.post(_url(session, "fase/")).status_code == 403
    client.force_login(members[0])
    client.post(_url(session, "fase/"), {"direction": "next"})
    session.refresh_from_db()
    assert session.phase == Phase.INDIVIDUAL
    client.post(_url(session, "fase/"), {"direction": "back"})
    session.refresh_from_db()
    assert session.phase == Phase.PREPARING
    with pytest.raises(ValidationError):
        services.session_move(session=session, actor=members[0], forward=False)
    session = to_phase(session, members[0], "shared")
    with pytest.raises(ValidationError):  # closing needs the summary
        services.session_move(session=session, actor=members[0], forward=True)
    services.session_close(
        session=session, actor=members[0], summary="Kort.", share=False
    )
    session.refresh_from_db()
    for forward in (True, False):
        with pytest.raises(ValidationError):
            services.session_move(session=session, actor=members[0], forward=forward)
    assert session.phase == Phase.CLOSED


def test_opening_individual_notes_tells_the_team_after_commit(
    session, members, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.session_move(session=session, actor=members[0], forward=True)
    assert not Notification.objects.exists()  # nothing before the commit
    for callback in callbacks:
        callback()
    assert set(Notification.objects.values_list("recipient", flat=True)) == {
        m.pk for m in members
    }


# --- own notes --------------------------------------------------------------------------


def test_notes_only_in_the_individual_phase(client, session, members):
    client.force_login(members[1])
    q = session.questions.first()
    assert (
        client.post(_url(session), {f"note_{q.pk}": "for tidligt"}).status_code == 403
    )
    session = to_phase(session, members[0], "individual")
    response = client.post(_url(session), {f"note_{q.pk}": "Min tanke"})
    assert response.status_code == 302
    assert Note.objects.get().text == "Min tanke"
    session = to_phase(session, members[0], "shared")
    assert client.post(_url(session), {f"note_{q.pk}": "for sent"}).status_code == 403
    with pytest.raises(ValidationError):
        _write(session, members[1], "for sent")
    assert Note.objects.get().text == "Min tanke"


def test_a_note_is_never_shown_to_anyone_but_its_author(
    client, session, members, municipal_admin
):
    session = to_phase(session, members[0], "individual")
    _write(session, members[1])
    pages = ["", "fase/", "faelles-svar/", "handlinger/", "opfoelgning/"]
    for phase in ("individual", "shared"):
        session = to_phase(session, members[0], phase)
        for viewer in (members[0], members[2], municipal_admin):
            client.force_login(viewer)
            for tail in pages:
                assert SECRET not in client.get(_url(session, tail)).content.decode()
            assert SECRET not in client.get(BASE).content.decode()
        client.force_login(members[1])
        assert SECRET in client.get(_url(session)).content.decode()
    services.session_close(
        session=session, actor=members[0], summary="Vi talte om tillid.", share=True
    )
    for viewer in (members[0], members[2], municipal_admin):
        client.force_login(viewer)
        assert SECRET not in client.get(_url(session)).content.decode()
        assert (
            SECRET
            not in client.get("/odense/initiativer/laeringsbank/").content.decode()
        )
    assert not AuditEntry.objects.filter(action__startswith="reflection.notes").exists()
    assert all(SECRET not in str(e.data) for e in AuditEntry.objects.all())


def test_a_note_shared_without_name_is_read_by_the_team_not_the_admin(
    client, session, members, municipal_admin
):
    session = to_phase(session, members[0], "individual")
    _write(session, members[1])
    session = to_phase(session, members[0], "shared")
    first = session.questions.first()
    client.force_login(members[1])
    client.post(_url(session, "del-noter/"), {"share": [first.pk]})
    assert Note.objects.filter(shared=True).count() == 1
    client.force_login(members[2])
    page = client.get(_url(session)).content.decode()
    assert page.count(SECRET) == 1 and "En kollega skrev:" in page
    assert members[1].display_name not in page
    client.force_login(members[0])
    assert SECRET in client.get(_url(session, "faelles-svar/")).content.decode()
    client.force_login(municipal_admin)
    assert SECRET not in client.get(_url(session)).content.decode()
    assert SECRET not in client.get(_url(session, "faelles-svar/")).content.decode()
    # the author takes it back
    client.force_login(members[1])
    client.post(_url(session, "del-noter/"), {})
    assert not Note.objects.filter(shared=True).exists()


def test_sharing_another_persons_note_or_outside_the_shared_phase_is_refused(
    client, session, members
):
    session = to_phase(session, members[0], "individual")
    _write(session, members[1])
    q = session.questions.first()
    client.force_login(members[1])
    assert (
        client.post(_url(session, "del-noter/"), {"share": [q.pk]}).status_code == 403
    )
    session = to_phase(session, members[0], "shared")
    client.force_login(members[2])  # no note of their own to that question
    client.post(_url(session, "del-noter/"), {"share": [q.pk]})
    client.post(_url(session, "del-noter/"), {"share": ["x"]})
    assert not Note.objects.filter(shared=True).exists()


# --- shared answers and actions -------------------------------------------------------------


def test_the_facilitator_records_shared_answers_in_the_shared_phase(
    client, session, members
):
    questions = list(session.questions.all())
    client.force_login(members[0])
    data = {f"answer_{q.pk}": f"Svar {q.position}" for q in questions}
    client.post(_url(session, "faelles-svar/"), data)
    assert not Question.objects.exclude(shared_answer="").exists()  # preparing
    session = to_phase(session, members[0], "shared")
    client.force_login(members[1])
    assert client.post(_url(session, "faelles-svar/"), data).status_code == 403
    client.force_login(members[0])
    client.post(_url(session, "faelles-svar/"), data)
    assert Question.objects.get(pk=questions[0].pk).shared_answer == "Svar 1"
    client.force_login(members[2])
    assert "Svar 1" in client.get(_url(session)).content.decode()


def test_an_action_has_an_owner_from_the_team_and_the_owner_is_told(
    client, session, members, employee, django_capture_on_commit_callbacks
):
    session = to_phase(session, members[0], "shared")
    client.force_login(members[0])
    bad = client.post(
        _url(session, "handlinger/"),
        {"text": "Ring til foreningen", "owner": employee.pk, "due": "2027-04-01"},
    )
    assert bad.status_code == 200 and not Action.objects.exists()
    bad = client.post(
        _url(session, "handlinger/"),
        {"text": "", "owner": members[2].pk, "due": "2027-04-01"},
    )
    assert bad.status_code == 200 and not Action.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            _url(session, "handlinger/"),
            {
                "text": "Ring til foreningen",
                "owner": members[2].pk,
                "due": "2027-04-01",
            },
        )
    action = Action.objects.get()
    assert action.owner == members[2] and action.status == ActionStatus.OPEN
    assert Notification.objects.filter(recipient=members[2]).exists()
    client.force_login(members[2])
    assert "Ring til foreningen" in client.get(BASE).content.decode()  # own actions


def test_removing_an_action_of_another_session_is_404(client, session, members, team):
    session = to_phase(session, members[0], "shared")
    other = Action.objects.create(
        municipality=session.municipality,
        session=services.session_create(
            municipality=session.municipality,
            department=team,
            title="Anden",
            day=datetime.date(2027, 5, 1),
            source="builtin:social-kapital",
            actor=members[0],
        ),
        text="x",
        due=datetime.date(2027, 5, 1),
    )
    client.force_login(members[0])
    assert (
        client.post(_url(session, f"handlinger/{other.pk}/fjern/")).status_code == 404
    )
    assert Action.objects.filter(pk=other.pk).exists()


# --- follow-up at the next session ------------------------------------------------------------


def _closed_with_actions(session, members):
    session = to_phase(session, members[0], "shared")
    made = [
        services.action_add(
            session=session,
            actor=members[0],
            text=text,
            owner=members[i],
            due=datetime.date(2027, 4, 1),
        )
        for i, text in enumerate(["Besøg foreningen", "Stop ugerapporten", "Prøv café"])
    ]
    services.session_close(
        session=session, actor=members[0], summary="Kort.", share=False
    )
    return made


def _next(session, members, title="Teammøde i april"):
    return services.session_create(
        municipality=session.municipality,
        department=session.department,
        title=title,
        day=datetime.date(2027, 4, 8),
        source="builtin:kommunen-3-0",
        actor=members[1],
    )


def test_the_next_session_follows_up_the_open_actions_first(client, session, members):
    visit, stop, cafe = _closed_with_actions(session, members)
    nxt = _next(session, members)
    assert [i.action for i in selectors.follow_up(session=nxt)] == [visit, stop, cafe]
    assert selectors.follow_up(session=session) == []  # not its own
    client.force_login(members[2])
    page = client.get(_url(nxt)).content.decode()
    assert page.index("Besøg foreningen") < page.index("Spørgsmål og fælles svar")
    client.force_login(members[1])  # the new facilitator
    response = client.post(
        _url(nxt, "opfoelgning/"),
        {
            f"outcome_{visit.pk}": "done",
            f"note_{visit.pk}": "Vi var der i marts",
            f"outcome_{stop.pk}": "continued",
            f"outcome_{cafe.pk}": "dropped",
            f"note_{cafe.pk}": "Ingen lokaler",
        },
    )
    assert response.status_code == 302
    statuses = dict(Action.objects.values_list("text", "status"))
    assert statuses == {
        "Besøg foreningen": "done",
        "Stop ugerapporten": "open",
        "Prøv café": "dropped",
    }
    # Recorded ones stay on this session's list; a third session sees only the open
    assert len(selectors.follow_up(session=nxt)) == 3
    services.session_move(session=nxt, actor=members[1], forward=True)
    nxt = to_phase(nxt, members[1], "shared")
    services.session_close(session=nxt, actor=members[1], summary="Kort.", share=False)
    third = _next(session, members, "Teammøde i maj")
    (item,) = selectors.follow_up(session=third)
    assert item.action == stop
    assert [f.session for f in item.history] == [nxt]
    # the original session shows the history of its actions
    client.force_login(members[2])
    page = client.get(_url(session)).content.decode()
    assert "Teammøde i april: udført" in page and "Ingen lokaler" in page


def test_follow_up_bad_input_changes_nothing(client, session, members, team):
    (visit, *_rest) = _closed_with_actions(session, members)
    nxt = _next(session, members)
    client.force_login(members[1])
    for data in ({}, {f"outcome_{visit.pk}": "maybe"}):
        assert client.post(_url(nxt, "opfoelgning/"), data).status_code == 200
    with pytest.raises(ValidationError):
        services.follow_up_record(
            session=session, actor=members[0], outcomes={visit.pk: ("done", "")}
        )
    other_team_session = services.session_create(
        municipality=session.municipality,
        department=DepartmentFactory(municipality=session.municipality),
        title="Andet team",
        day=datetime.date(2027, 4, 9),
        source="builtin:kommunen-3-0",
        actor=members[0],
    )
    with pytest.raises(ValidationError):
        services.follow_up_record(
            session=other_team_session,
            actor=members[0],
            outcomes={visit.pk: ("done", "")},
        )
    assert not FollowUp.objects.exists()
    assert Action.objects.filter(status="open").count() == 3


# --- summary ---------------------------------------------------------------------------------


def test_closing_needs_a_summary_and_sharing_is_a_choice(client, session, members):
    session = to_phase(session, members[0], "shared")
    client.force_login(members[0])
    client.post(_url(session, "opsummering/"), {"summary": "  ", "share": "on"})
    session.refresh_from_db()
    assert session.phase == Phase.SHARED and session.summary_shared_at is None
    client.post(_url(session, "opsummering/"), {"summary": "Vi talte om tillid."})
    session.refresh_from_db()
    assert session.is_closed and session.summary_shared_at is None
    client.post(
        _url(session, "opsummering/"), {"summary": "Vi talte om tillid.", "share": "on"}
    )
    session.refresh_from_db()
    assert session.summary_shared_at is not None
    client.force_login(members[1])
    assert (
        client.post(_url(session, "opsummering/"), {"summary": "x"}).status_code == 403
    )


def test_a_session_keeps_its_questions_when_the_set_changes_or_goes(
    session, municipal_admin, municipality, members
):
    own = services.question_set_save(
        municipality=municipality,
        actor=municipal_admin,
        title="Vores pejlemærker",
        intro="",
        guide="",
        questions=["Hvor var vi modige?", "Hvad udviklede vi?"],
    )
    used = services.session_create(
        municipality=municipality,
        department=session.department,
        title="Pejlemærker",
        day=datetime.date(2027, 6, 1),
        source=f"set:{own.pk}",
        actor=members[0],
    )
    services.question_set_save(
        municipality=municipality,
        actor=municipal_admin,
        title="Nyt navn",
        intro="",
        guide="",
        questions=["Helt nyt spørgsmål"],
        question_set=own,
    )
    assert [q.text for q in used.questions.all()] == [
        "Hvor var vi modige?",
        "Hvad udviklede vi?",
    ]
    services.question_set_delete(question_set=own, actor=municipal_admin)
    used.refresh_from_db()
    assert used.set_title == "Vores pejlemærker" and used.questions.count() == 2


# --- pages stay flat, English -----------------------------------------------------------------


def test_the_session_page_queries_stay_flat(
    client, municipality, municipal_admin, django_assert_max_num_queries
):
    """The same number of queries for 2 questions and 1 person's notes as for
    10 questions and 10 people's (each team in its own department, without
    earlier actions to follow up)."""

    def page_with(n_people, questions):
        team = DepartmentFactory(municipality=municipality)
        people = colleagues(team, n_people)
        own = services.question_set_save(
            municipality=municipality,
            actor=municipal_admin,
            title=f"Sæt {len(questions)}",
            intro="",
            guide="",
            questions=questions,
        )
        s = services.session_create(
            municipality=municipality,
            department=team,
            title="Møde",
            day=datetime.date(2027, 3, 4),
            source=f"set:{own.pk}",
            actor=people[0],
        )
        s = to_phase(s, people[0], "individual")
        for person in people:
            _write(s, person, "tanke")
        s = to_phase(s, people[0], "shared")
        Note.objects.filter(question__session=s).update(shared=True)
        for person in people[:3]:
            services.action_add(
                session=s, actor=people[0], text="x", owner=person, due=s.date
            )
        return s, people[0]

    small, small_viewer = page_with(1, ["a?", "b?"])
    large, large_viewer = page_with(10, [f"Spørgsmål {i}?" for i in range(10)])
    counts = []
    for s, viewer in ((small, small_viewer), (large, large_viewer)):
        client.force_login(viewer)
        client.get(_url(s))  # caches warmed
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(_url(s)).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts
    with django_assert_max_num_queries(20):
        client.get(_url(large))


def test_the_pages_in_english(client, session, members):
    members[0].language = "en"
    client.force_login(members[0])
    page = client.get(_url(session), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    index = client.get(BASE, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Open individual notes" in page and "Your own notes" in page
    assert "Team reflection" in index


def test_migrations_are_complete():
    call_command("makemigrations", "reflection", "--check", "--dry-run")


def test_a_team_member_who_left_no_longer_sees_the_session(client, session, members):
    MembershipFactory._meta.model.objects.filter(user=members[2]).update(
        department=DepartmentFactory(municipality=session.municipality)
    )
    client.force_login(members[2])
    assert client.get(_url(session)).status_code == 404
