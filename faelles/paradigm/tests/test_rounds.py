"""The paradigm self-assessment: who may do what, own answers stay own, no
figures under 5 people, the agreement and the profile over time."""

import html
import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.core.models import AuditEntry
from faelles.organisations.factories import DepartmentFactory
from faelles.paradigm import selectors, services
from faelles.paradigm.factories import AssessmentFactory
from faelles.paradigm.models import Agreement, Answer, Assessment
from faelles.paradigm.table import ROW_KEYS, ROWS

pytestmark = pytest.mark.django_db

BASE = "/odense/paradigme/"


def _colleagues(department, n):
    return [
        MembershipFactory(
            municipality=department.municipality,
            is_employee=True,
            department=department,
        ).user
        for _ in range(n)
    ]


def _answer(assessment, user, step=20, note=""):
    services.answers_save(
        assessment=assessment,
        user=user,
        steps=dict.fromkeys(ROW_KEYS, step),
        notes=dict.fromkeys(ROW_KEYS, note),
    )


def _post_answers(client, assessment, step="25", note=""):
    data = {}
    for key in ROW_KEYS:
        data[f"step_{key}"] = step
        data[f"note_{key}"] = note
    return client.post(f"{BASE}{assessment.pk}/", data)


@pytest.fixture
def department(municipality):
    return DepartmentFactory(municipality=municipality, name="Sundhed og Omsorg")


@pytest.fixture
def facilitator(department):
    return _colleagues(department, 1)[0]


@pytest.fixture
def assessment(municipality, department, facilitator):
    return services.assessment_open(
        municipality=municipality,
        department=department,
        title="Foråret 2026",
        actor=facilitator,
    )


def test_the_table_has_at_least_eight_rows_with_three_cells():
    assert len(ROWS) >= 8
    assert len(set(ROW_KEYS)) == len(ROWS)
    assert all(len(row.cells) == 3 and all(str(c) for c in row.cells) for row in ROWS)


# --- who may -------------------------------------------------------------------


def test_a_citizen_is_refused_and_a_visitor_sent_to_login(client, citizen, assessment):
    for url in (BASE, f"{BASE}{assessment.pk}/", f"{BASE}sammenligning/"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url
    client.force_login(citizen)
    for url in (BASE, f"{BASE}{assessment.pk}/", f"{BASE}sammenligning/"):
        assert client.get(url).status_code == 403
    assert _post_answers(client, assessment).status_code == 403
    assert not Answer.objects.exists()


def test_another_municipalitys_round_is_404(client, other_admin, municipality):
    theirs = AssessmentFactory(municipality=municipality)
    client.force_login(other_admin)
    assert client.get(f"/faxe/paradigme/{theirs.pk}/").status_code == 404
    assert client.post(f"/faxe/paradigme/{theirs.pk}/luk/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.is_open


def test_staff_find_the_round_from_the_language_check_but_citizens_do_not(
    client, citizen, politician, assessment
):
    client.force_login(citizen)
    assert BASE not in client.get("/odense/").content.decode()
    assert client.get(BASE).status_code == 403
    client.force_login(politician)
    assert BASE not in client.get("/odense/").content.decode()  # no menu entry
    page = client.get("/odense/sprogtjek/").content.decode()
    assert f'href="{BASE}"' in page
    response = client.get(f"{BASE}{assessment.pk}/")
    assert response.status_code == 200
    # a politician is not in the department: no form to answer
    assert 'name="step_citizens"' not in response.content.decode()


def test_an_employee_opens_a_round_for_their_own_department_only(
    client, municipality, facilitator, department
):
    other = DepartmentFactory(municipality=municipality, name="Teknik")
    client.force_login(facilitator)
    response = client.post(BASE, {"department": other.pk, "title": "Forår"})
    assert response.status_code == 200 and not Assessment.objects.exists()
    response = client.post(BASE, {"department": department.pk, "title": "Forår"})
    assessment = Assessment.objects.get()
    assert response.status_code == 302 and assessment.opened_by == facilitator
    assert AuditEntry.objects.filter(action="paradigm.assessment_open").count() == 1


def test_an_empty_title_is_refused_and_changes_nothing(
    municipality, department, facilitator
):
    with pytest.raises(ValidationError):
        services.assessment_open(
            municipality=municipality,
            department=department,
            title="   ",
            actor=facilitator,
        )
    assert not Assessment.objects.exists()


def test_a_round_is_only_for_a_department_of_the_municipality(
    municipality, other_municipality, facilitator
):
    theirs = DepartmentFactory(municipality=other_municipality)
    with pytest.raises(ValidationError):
        services.assessment_open(
            municipality=municipality, department=theirs, title="X", actor=facilitator
        )
    assert not Assessment.objects.exists()


def test_only_the_facilitator_or_an_administrator_records_the_agreement(
    client, assessment, department, municipal_admin
):
    colleague = _colleagues(department, 1)[0]
    url = f"{BASE}{assessment.pk}/faelles/"
    data = {"step_citizens": "25", "reason_citizens": "Vi spørger mere end før."}
    client.force_login(colleague)
    assert client.get(url).status_code == 403
    assert client.post(url, data).status_code == 403
    assert not Agreement.objects.exists()
    client.force_login(assessment.opened_by)
    assert client.post(url, data).status_code == 302
    assert Agreement.objects.get().step == 25
    client.force_login(municipal_admin)
    data["step_citizens"] = "30"
    assert client.post(url, data).status_code == 302
    assert Agreement.objects.get().step == 30


def test_closing_a_round_is_for_the_department_or_an_administrator(
    client, assessment, politician
):
    client.force_login(politician)
    assert client.post(f"{BASE}{assessment.pk}/luk/").status_code == 403
    client.force_login(assessment.opened_by)
    assert client.post(f"{BASE}{assessment.pk}/luk/").status_code == 302
    assessment.refresh_from_db()
    assert not assessment.is_open
    # a closed round takes no more answers
    assert _post_answers(client, assessment).status_code == 403
    with pytest.raises(ValidationError):
        _answer(assessment, assessment.opened_by)
    assert not Answer.objects.exists()


# --- own answers ---------------------------------------------------------------


def test_a_person_answers_and_changes_their_answers(client, assessment):
    me = assessment.opened_by
    client.force_login(me)
    assert (
        _post_answers(client, assessment, "15", "Vi er ikke helt der").status_code
        == 302
    )
    assert _post_answers(client, assessment, "25").status_code == 302
    mine = Answer.objects.filter(user=me)
    assert mine.count() == len(ROWS)
    assert set(mine.values_list("step", flat=True)) == {25}
    page = client.get(f"{BASE}{assessment.pk}/").content.decode()
    inputs = re.findall(r"<input[^>]*>", page)
    checked = sorted(
        re.search(r'name="step_(\w+)"', i).group(1)
        for i in inputs
        if 'type="radio"' in i and " checked" in i and 'value="25"' in i
    )
    assert checked == sorted(ROW_KEYS)
    assert not [i for i in inputs if " checked" in i and 'value="25"' not in i]


def test_a_bad_answer_changes_nothing(client, assessment):
    client.force_login(assessment.opened_by)
    data = {f"step_{key}": "20" for key in ROW_KEYS}
    data["step_leader"] = "35"
    response = client.post(f"{BASE}{assessment.pk}/", data)
    assert response.status_code == 200
    assert not Answer.objects.exists()
    del data["step_leader"]
    response = client.post(f"{BASE}{assessment.pk}/", data)
    assert "Vælg en placering på denne række." in response.content.decode()
    assert not Answer.objects.exists()
    with pytest.raises(ValidationError):
        services.answers_save(
            assessment=assessment,
            user=assessment.opened_by,
            steps={**dict.fromkeys(ROW_KEYS, 20), "leader": 22},
        )
    with pytest.raises(ValidationError):
        services.answers_save(
            assessment=assessment,
            user=assessment.opened_by,
            steps={**dict.fromkeys(ROW_KEYS, 20), "nonsense": 20},
        )
    assert not Answer.objects.exists()


def test_own_answers_are_never_shown_to_anyone_else(
    client, assessment, department, municipal_admin
):
    people = _colleagues(department, 5)
    for i, person in enumerate(people):
        _answer(assessment, person, step=(10, 15, 20, 25, 30)[i], note=f"note-{i}-x")
    client.force_login(people[0])
    own = client.get(f"{BASE}{assessment.pk}/").content.decode()
    assert "note-0-x" in own
    for viewer in (people[1], municipal_admin):
        client.force_login(viewer)
        page = client.get(f"{BASE}{assessment.pk}/").content.decode()
        assert "note-0-x" not in page
        assert people[0].display_name not in page
    # no note of anybody's in the agreement page or the comparison either
    client.force_login(assessment.opened_by)
    for url in (f"{BASE}{assessment.pk}/faelles/", f"{BASE}sammenligning/"):
        page = client.get(url).content.decode()
        assert "note-" not in page


# --- the group: nothing under 5 -------------------------------------------------


def test_no_results_under_five_people(client, assessment, department):
    people = _colleagues(department, 5)
    for person in people[:4]:
        _answer(assessment, person, step=30)
    results = selectors.results(assessment=assessment)
    assert results.respondents == 4 and not results.shown and results.rows == []
    client.force_login(people[0])
    page = html.unescape(client.get(f"{BASE}{assessment.pk}/").content.decode())
    assert (
        "4 har svaret indtil nu. Resultaterne vises, når mindst 5 har svaret." in page
    )
    assert "Median" not in page
    _answer(assessment, people[4], step=20)
    # Five have answered, but the round is open: a look before and after one
    # colleague's answer would show that colleague's placements.
    results = selectors.results(assessment=assessment)
    assert not results.shown and results.waiting_for_close
    page = html.unescape(client.get(f"{BASE}{assessment.pk}/").content.decode())
    assert "Resultaterne vises, når runden lukkes" in page and "Median" not in page
    services.assessment_close(assessment=assessment, actor=people[0])
    results = selectors.results(assessment=assessment)
    assert results.shown and len(results.rows) == len(ROWS)
    first = results.rows[0]
    assert first.counts == [0, 0, 1, 0, 4] and first.median == 3.0
    page = client.get(f"{BASE}{assessment.pk}/").content.decode()
    assert "Median" in page


def test_result_queries_do_not_grow_with_the_answers(client, assessment, department):
    people = _colleagues(department, 12)
    for person in people[:5]:
        _answer(assessment, person)
    services.assessment_close(assessment=assessment, actor=people[0])
    client.force_login(people[0])
    with CaptureQueriesContext(connection) as few:
        assert client.get(f"{BASE}{assessment.pk}/").status_code == 200
    services.assessment_reopen(assessment=assessment, actor=people[0])
    for person in people[5:]:
        _answer(assessment, person, step=30)
    services.assessment_close(assessment=assessment, actor=people[0])
    with CaptureQueriesContext(connection) as many:
        assert client.get(f"{BASE}{assessment.pk}/").status_code == 200
    assert len(many) == len(few)
    municipality = assessment.municipality
    _agreed_round(municipality, department, "Første", 20, people[:5], 50)
    with CaptureQueriesContext(connection) as compare_few:
        assert client.get(f"{BASE}sammenligning/").status_code == 200
    for n in range(3):  # more departments, rounds and answers
        other = DepartmentFactory(municipality=municipality)
        colleagues = _colleagues(other, 6)
        _agreed_round(municipality, other, f"Runde {n}", 25, colleagues, 40)
        _agreed_round(municipality, other, f"Senere {n}", 30, colleagues, 20)
    with CaptureQueriesContext(connection) as compare_more:
        page = client.get(f"{BASE}sammenligning/").content.decode()
    assert "4 afdelinger er med." in page
    assert len(compare_more) == len(compare_few)


# --- agreement, profile, comparison ----------------------------------------------


def _agreed_round(municipality, department, title, step, people, days_ago):
    round_ = services.assessment_open(
        municipality=municipality,
        department=department,
        title=title,
        actor=people[0],
        now=timezone.now() - timedelta(days=days_ago),
    )
    for person in people:
        _answer(round_, person, step=step)
    services.agreement_record(
        assessment=round_,
        actor=people[0],
        agreed=dict.fromkeys(ROW_KEYS, (step, "Det blev vi enige om.")),
    )
    services.assessment_close(assessment=round_, actor=people[0])
    return round_


def test_an_agreement_needs_a_reason_and_a_step_on_the_scale(assessment):
    with pytest.raises(ValidationError):
        services.agreement_record(
            assessment=assessment,
            actor=assessment.opened_by,
            agreed={"citizens": (25, "  ")},
        )
    with pytest.raises(ValidationError):
        services.agreement_record(
            assessment=assessment,
            actor=assessment.opened_by,
            agreed={"citizens": (25, "ok"), "leader": (40, "ok")},
        )
    assert not Agreement.objects.exists()


def test_the_profile_shows_how_the_department_moved(client, municipality, department):
    people = _colleagues(department, 5)
    _agreed_round(municipality, department, "Forår 2026", 15, people, 200)
    autumn = _agreed_round(municipality, department, "Efterår 2026", 25, people, 30)
    profile = selectors.profile(assessment=autumn)
    assert [r.title for r in profile.rounds] == ["Forår 2026", "Efterår 2026"]
    assert [c.step for c in profile.rows[0].cells] == [15, 25]
    client.force_login(people[1])
    page = client.get(f"{BASE}{autumn.pk}/").content.decode()
    assert "Profilen over tid" in page
    assert "paradigm-bar--15" in page and "paradigm-bar--25" in page


def test_the_comparison_leaves_out_departments_under_five(
    client, municipality, department
):
    big = _colleagues(department, 6)
    small_department = DepartmentFactory(municipality=municipality, name="Lillebitte")
    small = _colleagues(small_department, 4)
    other = DepartmentFactory(municipality=municipality, name="Kultur")
    others = _colleagues(other, 5)
    _agreed_round(municipality, department, "Forår", 20, big, 100)
    _agreed_round(municipality, department, "Efterår", 30, big, 10)
    _agreed_round(municipality, small_department, "Lille runde", 10, small, 10)
    _agreed_round(municipality, other, "Kulturens runde", 20, others, 10)
    comparison = selectors.comparison(municipality=municipality)
    names = [d.name for d in comparison.departments]
    assert names == ["Kultur", "Sundhed og Omsorg"]
    assert comparison.left_out == 1
    first = comparison.rows[0]
    assert [c.step for c in first.cells] == [20, 30]  # the latest round of each
    assert first.median == 2.5
    client.force_login(big[0])
    page = html.unescape(client.get(f"{BASE}sammenligning/").content.decode())
    assert "Lillebitte" not in page and "Lille runde" not in page
    assert "1 afdeling har kun runder med færre end 5 svar og er ikke med." in page


def test_english_pages_render(client, assessment, department):
    people = _colleagues(department, 5)
    for person in people:
        _answer(assessment, person)
    services.agreement_record(
        assessment=assessment,
        actor=assessment.opened_by,
        agreed={"citizens": (25, "We ask more than before.")},
    )
    client.force_login(assessment.opened_by)
    client.cookies["django_language"] = "en"
    for url in (
        BASE,
        f"{BASE}{assessment.pk}/",
        f"{BASE}{assessment.pk}/faelles/",
        f"{BASE}sammenligning/",
    ):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert 'lang="en"' in page, url
        assert "How we meet citizens" in page, url
        assert "Hvordan vi møder borgerne" not in page, url


def test_export_holds_own_answers_and_deletion_removes_them(assessment, department):
    from faelles.accounts.services import account_delete
    from faelles.paradigm.gdpr import export_personal_data

    person = _colleagues(department, 1)[0]
    _answer(assessment, person, step=25, note="Min note")
    data = export_personal_data(person)
    assert len(data["answers"]) == len(ROWS)
    assert {a["placement"] for a in data["answers"]} == {2.5}
    assert data["answers"][0]["note"] == "Min note"
    account_delete(user=person)
    assert not Answer.objects.exists()
    assert Assessment.objects.filter(pk=assessment.pk).exists()


def test_after_closing_a_person_still_sees_only_their_own_answers(
    client, assessment, department
):
    me, colleague = _colleagues(department, 2)
    _answer(assessment, me, step=15, note="Kun min egen note")
    _answer(assessment, colleague, step=30, note="Kollegaens note")
    services.assessment_close(assessment=assessment, actor=assessment.opened_by)
    client.force_login(me)
    page = html.unescape(client.get(f"{BASE}{assessment.pk}/").content.decode())
    assert "Runden er lukket. Sådan placerede du jeres praksis" in page
    assert "Kun min egen note" in page and "Kollegaens note" not in page
    assert 'name="step_citizens"' not in page  # no form on a closed round
