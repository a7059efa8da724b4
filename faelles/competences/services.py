"""Every write of the competence directory: one's own profile (and its search
terms), questions to colleagues, answers, polite refusals and thanks. Each
refuses bad input with ``ValidationError`` and changes nothing."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles.accounts.models import LANGUAGE_CHOICES, Membership
from faelles.core.audit import audit
from faelles.municipalities.models import Municipality
from faelles.notifications.services import notify

from .models import (
    ANYONE_RECIPIENTS,
    MAX_OPEN_QUESTIONS,
    MAX_TAGS,
    TAG_LENGTH,
    Profile,
    ProfileTerm,
    Question,
    QuestionStatus,
    Sharing,
)
from .search import profile_terms

LANGUAGE_CODES = {code for code, _name in LANGUAGE_CHOICES}


def _line(value: str | None) -> str:
    return " ".join((value or "").split())


def _text(value: str | None) -> str:
    """Free text: trailing spaces and runs of empty lines go, paragraphs stay."""
    lines = [line.rstrip() for line in (value or "").strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out)


def _require_employee(municipality: Municipality, user: Any) -> None:
    if not Membership.objects.filter(
        municipality=municipality, user=user, is_employee=True
    ).exists():
        raise ValidationError(
            _("Kompetencekataloget er kun for kommunens medarbejdere.")
        )


def clean_tags(tags: list[str]) -> list[str]:
    cleaned = list(dict.fromkeys(t for t in (_line(t) for t in tags) if t))
    if len(cleaned) > MAX_TAGS:
        raise ValidationError(
            {"tags": _("Højst %(n)s emneord.") % {"n": MAX_TAGS}}, code="tags"
        )
    if any(len(t) > TAG_LENGTH for t in cleaned):
        raise ValidationError(
            {"tags": _("Et emneord må højst have %(n)s tegn.") % {"n": TAG_LENGTH}},
            code="tags",
        )
    return cleaned


def _reindex(profile: Profile) -> None:
    """Replace the profile's search terms with those of what it shares now."""
    terms = sorted(profile_terms(profile))
    ProfileTerm.objects.filter(profile=profile).delete()
    ProfileTerm.objects.bulk_create(
        ProfileTerm(municipality_id=profile.municipality_id, profile=profile, term=t)
        for t in terms
    )
    if profile.indexed != bool(terms):
        profile.indexed = bool(terms)
        Profile.objects.filter(pk=profile.pk).update(indexed=profile.indexed)


# --- the profile ------------------------------------------------------------------


@transaction.atomic
def profile_save(
    *,
    municipality: Municipality,
    user: Any,
    skills: str = "",
    tags: list[str] | None = None,
    skills_sharing: str = Sharing.EMPLOYEES,
    languages: list[str] | None = None,
    languages_sharing: str = Sharing.EMPLOYEES,
    experience: str = "",
    experience_consent: bool = False,
    experience_sharing: str = Sharing.PRIVATE,
    networks: str = "",
    networks_sharing: str = Sharing.EMPLOYEES,
    open_to_questions: bool = True,
) -> Profile:
    """Create or change the person's own profile and its search terms.

    Lived experience is kept only with consent: without it the text is refused
    (when written) or deleted (when consent is withdrawn).
    """
    _require_employee(municipality, user)
    profile = (
        Profile.objects.select_for_update()
        .filter(municipality=municipality, user=user)
        .first()
    ) or Profile(municipality=municipality, user=user)
    created = profile.pk is None
    experience = _text(experience)
    if experience and not experience_consent:
        raise ValidationError(
            {
                "experience_consent": _(
                    "Sæt kryds ved samtykket, hvis vi må gemme dine levede "
                    "erfaringer – ellers lad feltet stå tomt."
                )
            },
            code="consent",
        )
    codes = list(dict.fromkeys(languages or []))
    if set(codes) - LANGUAGE_CODES:
        raise ValidationError({"languages": _("Vælg sprog fra listen.")})
    profile.skills = _text(skills)
    profile.tags = clean_tags(tags or [])
    profile.skills_sharing = skills_sharing
    profile.languages = codes
    profile.languages_sharing = languages_sharing
    profile.experience = experience
    if experience and experience_consent:
        profile.experience_consent_at = profile.experience_consent_at or timezone.now()
    else:
        profile.experience_consent_at = None
    profile.experience_sharing = experience_sharing
    profile.networks = _text(networks)
    profile.networks_sharing = networks_sharing
    profile.open_to_questions = open_to_questions
    profile.full_clean()
    profile.save()
    _reindex(profile)
    audit(
        action="competences.profile_create"
        if created
        else "competences.profile_update",
        actor=user,
        municipality=municipality,
        target=profile,
    )
    return profile


@transaction.atomic
def profile_delete(*, profile: Profile, actor: Any) -> None:
    """Delete the profile with its terms; questions asked and answered stay."""
    audit(
        action="competences.profile_delete",
        actor=actor,
        municipality=profile.municipality,
    )
    profile.delete()


@transaction.atomic
def experience_delete(*, profile: Profile, actor: Any) -> Profile:
    """Delete the lived experience and the consent to keep it."""
    profile.experience = ""
    profile.experience_consent_at = None
    profile.experience_sharing = Sharing.PRIVATE
    profile.save(
        update_fields=[
            "experience",
            "experience_consent_at",
            "experience_sharing",
            "updated_at",
        ]
    )
    _reindex(profile)
    audit(
        action="competences.experience_delete",
        actor=actor,
        municipality=profile.municipality,
        target=profile,
    )
    return profile


# --- questions --------------------------------------------------------------------


def _check_open_limit(municipality: Municipality, asker: Any) -> None:
    from .selectors import open_count_from

    if open_count_from(municipality=municipality, user=asker) >= MAX_OPEN_QUESTIONS:
        raise ValidationError(
            _(
                "Du har allerede %(n)s spørgsmål, der venter på svar. Vent på et "
                "svar, eller træk et spørgsmål tilbage, før du stiller et nyt."
            )
            % {"n": MAX_OPEN_QUESTIONS}
        )


def _notify_asked(question: Question, recipients: list[Any]) -> None:
    asker_name = question.asker.display_name
    url = question.get_absolute_url()

    def send() -> None:
        for person in recipients:
            notify(
                recipient=person,
                municipality=question.municipality,
                kind="competences.question",
                title=lambda: (
                    _("%(name)s har et spørgsmål til dig") % {"name": asker_name}
                ),
                body=question.text[:300],
                url=url,
                dedupe_key=f"competences.question:{question.pk}:{person.pk}",
            )

    transaction.on_commit(send)


@transaction.atomic
def question_ask(
    *, municipality: Municipality, asker: Any, profile: Profile, text: str
) -> Question:
    """Ask the colleague behind ``profile`` a question."""
    _require_employee(municipality, asker)
    if profile.municipality_id != municipality.pk:
        raise ValidationError(_("Kollegaen findes ikke i denne kommune."))
    if profile.user_id == asker.pk:
        raise ValidationError(_("Du kan ikke stille dig selv et spørgsmål."))
    if not profile.open_to_questions:
        raise ValidationError(
            _("%(name)s tager ikke imod spørgsmål her lige nu.")
            % {"name": profile.user.display_name}
        )
    if not Membership.objects.filter(
        municipality=municipality, user_id=profile.user_id, is_employee=True
    ).exists():
        raise ValidationError(_("Kollegaen findes ikke i denne kommune."))
    _check_open_limit(municipality, asker)
    question = Question(
        municipality=municipality,
        asker=asker,
        recipient=profile.user,
        text=_text(text),
    )
    question.full_clean()
    question.save()
    audit(
        action="competences.question_ask",
        actor=asker,
        municipality=municipality,
        target=question,
    )
    _notify_asked(question, [profile.user])
    return question


@transaction.atomic
def question_ask_anyone(
    *, municipality: Municipality, asker: Any, topic: str, text: str
) -> Question:
    """Ask anyone who knows ``topic``: the question goes to the best matches
    of the directory (at most ``ANYONE_RECIPIENTS``) who take questions."""
    from .selectors import search

    _require_employee(municipality, asker)
    topic = _line(topic)
    if not topic:
        raise ValidationError({"topic": _("Skriv, hvad spørgsmålet handler om.")})
    _check_open_limit(municipality, asker)
    results = search(municipality=municipality, text=topic, per_page=50)
    if results.empty_query:
        raise ValidationError(
            {"topic": _("Skriv emnet med ord, der siger noget, fx »arabisk«.")}
        )
    people = [
        hit.profile.user
        for hit in results.hits
        if hit.profile.user_id != asker.pk and hit.profile.open_to_questions
    ][:ANYONE_RECIPIENTS]
    if not people:
        raise ValidationError(
            {
                "topic": _(
                    "Ingen kolleger har delt noget om »%(topic)s« endnu. Prøv med "
                    "et andet ord."
                )
                % {"topic": topic}
            }
        )
    question = Question(
        municipality=municipality, asker=asker, topic=topic, text=_text(text)
    )
    question.full_clean()
    question.save()
    question.invited.set(people)
    audit(
        action="competences.question_ask",
        actor=asker,
        municipality=municipality,
        target=question,
    )
    _notify_asked(question, people)
    return question


def _lock(question: Question) -> Question:
    return (
        Question.objects.select_for_update()
        .select_related("municipality", "asker")
        .get(pk=question.pk)
    )


@transaction.atomic
def question_answer(*, question: Question, actor: Any, answer: str) -> Question:
    question = _lock(question)
    if question.status != QuestionStatus.OPEN:
        raise ValidationError(_("Spørgsmålet er ikke længere åbent."))
    answer = _text(answer)
    if not answer:
        raise ValidationError({"answer": _("Skriv dit svar.")})
    question.answer = answer
    question.answered_by = actor
    question.answered_at = timezone.now()
    question.status = QuestionStatus.ANSWERED
    question.full_clean()
    question.save()
    audit(
        action="competences.question_answer",
        actor=actor,
        municipality=question.municipality,
        target=question,
    )
    name = actor.display_name
    transaction.on_commit(
        lambda: notify(
            recipient=question.asker,
            municipality=question.municipality,
            kind="competences.answer",
            title=lambda: _("%(name)s har svaret på dit spørgsmål") % {"name": name},
            url=question.get_absolute_url(),
            dedupe_key=f"competences.answer:{question.pk}",
        )
    )
    return question


@transaction.atomic
def question_decline(*, question: Question, actor: Any, note: str = "") -> Question:
    """Say no, politely. A question to one colleague is closed; one of those
    asked a question to anyone just steps aside (it is closed when the last
    one does)."""
    question = _lock(question)
    if question.status != QuestionStatus.OPEN:
        raise ValidationError(_("Spørgsmålet er ikke længere åbent."))
    note = _line(note)
    closed = True
    if question.recipient_id is None:
        question.invited.remove(actor)
        closed = not question.invited.exists()
    if closed:
        question.status = QuestionStatus.DECLINED
        question.decline_note = note
        question.full_clean()
        question.save()
    audit(
        action="competences.question_decline",
        actor=actor,
        municipality=question.municipality,
        target=question,
    )
    if closed:
        transaction.on_commit(
            lambda: notify(
                recipient=question.asker,
                municipality=question.municipality,
                kind="competences.declined",
                title=lambda: _("Dit spørgsmål kunne ikke besvares denne gang"),
                body=note,
                url=question.get_absolute_url(),
                dedupe_key=f"competences.declined:{question.pk}",
            )
        )
    return question


@transaction.atomic
def question_withdraw(*, question: Question, actor: Any) -> Question:
    question = _lock(question)
    if question.status != QuestionStatus.OPEN:
        raise ValidationError(_("Spørgsmålet er ikke længere åbent."))
    question.status = QuestionStatus.WITHDRAWN
    question.save(update_fields=["status"])
    audit(
        action="competences.question_withdraw",
        actor=actor,
        municipality=question.municipality,
        target=question,
    )
    return question


@transaction.atomic
def question_thank(*, question: Question, actor: Any, thanks: str = "") -> Question:
    question = _lock(question)
    if question.status != QuestionStatus.ANSWERED:
        raise ValidationError(_("Du kan kun takke for et svar."))
    if question.thanked_at is not None:
        raise ValidationError(_("Du har allerede takket."))
    question.thanks = _text(thanks)
    question.thanked_at = timezone.now()
    question.full_clean()
    question.save()
    audit(
        action="competences.question_thank",
        actor=actor,
        municipality=question.municipality,
        target=question,
    )
    name = actor.display_name
    if question.answered_by_id is not None:
        answerer = question.answered_by
        transaction.on_commit(
            lambda: notify(
                recipient=answerer,
                municipality=question.municipality,
                kind="competences.thanks",
                title=lambda: _("%(name)s siger tak for dit svar") % {"name": name},
                body=question.thanks[:300],
                url=question.get_absolute_url(),
                dedupe_key=f"competences.thanks:{question.pk}",
            )
        )
    return question
