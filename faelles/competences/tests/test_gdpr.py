"""Export and deletion of a person's profile and questions."""

import pytest

from faelles.accounts.services import account_delete
from faelles.competences import services
from faelles.competences.factories import employee_in
from faelles.competences.gdpr import export_personal_data
from faelles.competences.models import Profile, ProfileTerm, Question, Sharing

pytestmark = pytest.mark.django_db


def test_export_has_everything_also_what_is_kept_private(
    municipality, colleague_profile, colleague
):
    services.profile_save(
        municipality=municipality,
        user=colleague,
        skills="Kan sejle",
        experience="Har været pårørende",
        experience_consent=True,
        languages=["ar"],
        languages_sharing=Sharing.PRIVATE,
    )
    asker = employee_in(municipality)
    question = services.question_ask(
        municipality=municipality,
        asker=asker,
        profile=Profile.objects.get(user=colleague),
        text="Må jeg låne din båd?",
    )
    services.question_answer(question=question, actor=colleague, answer="Ja")
    data = export_personal_data(colleague)
    (profile,) = data["profiles"]
    assert profile["lived_experience"] == "Har været pårørende"
    assert profile["languages"] == ["ar"]
    assert profile["lived_experience_consent_at"]
    (q,) = data["questions"]
    assert q["question"] == "Må jeg låne din båd?" and q["answered_by_you"]
    assert export_personal_data(asker)["questions"][0]["asked_by_you"]


def test_deleting_the_account_deletes_profile_and_questions(
    municipality, colleague_profile, colleague
):
    asker = employee_in(municipality)
    services.question_ask(
        municipality=municipality, asker=asker, profile=colleague_profile, text="?"
    )
    account_delete(user=colleague)
    assert not Profile.objects.exists() and not ProfileTerm.objects.exists()
    assert not Question.objects.exists()
