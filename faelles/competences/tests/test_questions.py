"""Ask a colleague: to one person or to anyone who knows something; the answer,
a polite no, withdrawing, thanks; notifications and "Mit arbejde"; the limit."""

import pytest
from django.core.exceptions import ValidationError

from faelles.competences import services
from faelles.competences.factories import employee_in, profile_for
from faelles.competences.models import MAX_OPEN_QUESTIONS, Question, QuestionStatus
from faelles.competences.work import SOURCES
from faelles.core.models import AuditEntry
from faelles.core.work_sources import work_sources, work_tools
from faelles.notifications.models import Notification

from .conftest import BASE

pytestmark = pytest.mark.django_db


def _waiting(user, municipality):
    (source,) = SOURCES
    return list(source.queryset(user, municipality))


def test_ask_answer_thank_through_the_pages(
    client,
    django_capture_on_commit_callbacks,
    employee,
    colleague,
    colleague_profile,
    municipality,
):
    client.force_login(employee)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{BASE}{colleague_profile.pk}/",
            {"text": "Kan du hjælpe en familie, der taler arabisk?"},
        )
    question = Question.objects.get()
    assert response["Location"] == f"{BASE}spoergsmaal/{question.pk}/"
    assert question.recipient == colleague and question.is_open
    note = Notification.objects.get(recipient=colleague)
    assert note.url == question.get_absolute_url()
    assert _waiting(colleague, municipality) == [question]
    assert AuditEntry.objects.filter(action="competences.question_ask").exists()

    client.force_login(colleague)
    page = client.get(f"{BASE}spoergsmaal/{question.pk}/").content.decode()
    assert "Svar din kollega" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"{BASE}spoergsmaal/{question.pk}/svar/",
            {"answer": "Ja, ring til mig på torsdag."},
        )
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED
    assert question.answered_by == colleague
    assert _waiting(colleague, municipality) == []
    assert Notification.objects.filter(
        recipient=employee, kind="competences.answer"
    ).exists()

    # The recipient cannot thank; the asker can, once.
    assert client.post(f"{BASE}spoergsmaal/{question.pk}/tak/", {}).status_code == 403
    client.force_login(employee)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{BASE}spoergsmaal/{question.pk}/tak/", {"thanks": "Tusind tak!"})
    question.refresh_from_db()
    assert question.thanks == "Tusind tak!" and question.thanked_at
    assert Notification.objects.filter(
        recipient=colleague, kind="competences.thanks"
    ).exists()
    assert client.post(f"{BASE}spoergsmaal/{question.pk}/tak/", {}).status_code == 403


def test_an_empty_answer_changes_nothing(client, municipality, colleague_profile):
    asker = employee_in(municipality)
    question = services.question_ask(
        municipality=municipality,
        asker=asker,
        profile=colleague_profile,
        text="Hvordan søger man puljer?",
    )
    client.force_login(colleague_profile.user)
    response = client.post(
        f"{BASE}spoergsmaal/{question.pk}/svar/", {"answer": "  "}, follow=True
    )
    assert "Dette felt er påkrævet." in response.content.decode()
    question.refresh_from_db()
    assert question.is_open


def test_decline_politely(
    django_capture_on_commit_callbacks, municipality, colleague_profile
):
    asker = employee_in(municipality)
    question = services.question_ask(
        municipality=municipality, asker=asker, profile=colleague_profile, text="?"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.question_decline(
            question=question, actor=colleague_profile.user, note="Spørg Lene"
        )
    question.refresh_from_db()
    assert question.status == QuestionStatus.DECLINED
    assert question.decline_note == "Spørg Lene"
    assert Notification.objects.get(recipient=asker).body == "Spørg Lene"


def test_withdraw(client, municipality, colleague_profile):
    asker = employee_in(municipality)
    question = services.question_ask(
        municipality=municipality, asker=asker, profile=colleague_profile, text="?"
    )
    client.force_login(colleague_profile.user)
    assert client.post(f"{BASE}spoergsmaal/{question.pk}/tilbage/").status_code == 403
    client.force_login(asker)
    client.post(f"{BASE}spoergsmaal/{question.pk}/tilbage/")
    question.refresh_from_db()
    assert question.status == QuestionStatus.WITHDRAWN
    with pytest.raises(ValidationError):
        services.question_answer(
            question=question, actor=colleague_profile.user, answer="For sent"
        )


def test_no_questions_to_oneself_or_to_whom_takes_none(municipality, colleague):
    profile = profile_for(
        colleague, municipality, skills="Kan sejle", open_to_questions=False
    )
    with pytest.raises(ValidationError):
        services.question_ask(
            municipality=municipality, asker=colleague, profile=profile, text="?"
        )
    with pytest.raises(ValidationError):
        services.question_ask(
            municipality=municipality,
            asker=employee_in(municipality),
            profile=profile,
            text="?",
        )
    assert not Question.objects.exists()


def test_open_questions_are_limited(client, municipality, colleague_profile):
    asker = employee_in(municipality)
    for _ in range(MAX_OPEN_QUESTIONS):
        services.question_ask(
            municipality=municipality, asker=asker, profile=colleague_profile, text="?"
        )
    client.force_login(asker)
    response = client.post(f"{BASE}{colleague_profile.pk}/", {"text": "Én til?"})
    assert response.status_code == 200
    assert "venter på svar" in response.content.decode()
    assert Question.objects.count() == MAX_OPEN_QUESTIONS


def test_ask_anyone_goes_to_the_best_matches(
    client, django_capture_on_commit_callbacks, municipality, colleague_profile
):
    others = [employee_in(municipality) for _ in range(7)]
    for person in others:
        profile_for(person, municipality, skills="Taler arabisk")
    profile_for(employee_in(municipality), municipality, skills="Kan strikke")
    silent = employee_in(municipality)
    profile_for(silent, municipality, skills="Arabisk", open_to_questions=False)
    asker = others[0]
    client.force_login(asker)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{BASE}spoerg-alle/",
            {"topic": "arabisk", "text": "Hvem kan tolke til et møde i morgen?"},
        )
    question = Question.objects.get()
    assert response.status_code == 302
    invited = set(question.invited.all())
    assert len(invited) == 5
    assert asker not in invited and silent not in invited
    assert Notification.objects.filter(kind="competences.question").count() == 5
    one = next(iter(invited))
    assert _waiting(one, municipality) == [question]

    # One steps aside; the question stays open for the others.
    services.question_decline(question=question, actor=one)
    question.refresh_from_db()
    assert question.is_open and one not in set(question.invited.all())
    client.force_login(one)
    assert client.get(f"{BASE}spoergsmaal/{question.pk}/").status_code == 404
    second = next(iter(question.invited.all()))
    services.question_answer(question=question, actor=second, answer="Jeg kan!")
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED


def test_ask_anyone_without_matches_changes_nothing(client, municipality, employee):
    client.force_login(employee)
    response = client.post(
        f"{BASE}spoerg-alle/", {"topic": "tegnsprog", "text": "Nogen?"}
    )
    assert response.status_code == 200
    assert "Ingen kolleger har delt noget om" in response.content.decode()
    assert not Question.objects.exists()


def test_workspace_lists_questions_and_the_tool(
    client, municipality, colleague_profile
):
    asker = employee_in(municipality)
    services.question_ask(
        municipality=municipality,
        asker=asker,
        profile=colleague_profile,
        text="Kender du nogen i roklubben?",
    )
    user = colleague_profile.user
    assert "competences_questions" in [s.key for s in work_sources(user, municipality)]
    assert "competences" in [t.key for t in work_tools(user, municipality)]
    client.force_login(user)
    page = client.get("/odense/arbejde/").content.decode()
    assert "Spørgsmål fra kolleger" in page and "Kender du nogen i roklubben?" in page


def test_not_for_citizens_in_the_workspace_registries(citizen, municipality):
    assert "competences" not in [t.key for t in work_tools(citizen, municipality)]
    assert "competences_questions" not in [
        s.key for s in work_sources(citizen, municipality)
    ]
