"""A person's own data in the competence directory.

Exported: the person's profiles (every part, also what they keep to
themselves, with the time of their consent to keep lived experience) and every
question they asked, were asked or answered, with the answers and thanks.

When the account is deleted, the profiles and their search terms go with it
(the foreign key cascades), and so do the questions the person asked or was
asked by name: a question between two colleagues is theirs alone, and its text
and answer name or describe both. A question to anyone the person was among
those asked loses them from the list (the many-to-many row cascades); one they
answered keeps the answer without their name (``answered_by`` is
``SET_NULL``), since the asker still needs it. No rule decides anything else
when a person leaves, so no ``delete_personal_data`` hook is needed.
"""

from django.db.models import Q

from .models import Profile, Question


def _question(q: Question, user) -> dict:
    return {
        "municipality_id": q.municipality_id,
        "asked_by_you": q.asker_id == user.pk,
        "asked_by": q.asker.display_name,
        "to": q.recipient.display_name if q.recipient else "",
        "topic": q.topic,
        "question": q.text,
        "status": q.status,
        "answer": q.answer,
        "answered_by_you": q.answered_by_id == user.pk,
        "decline_note": q.decline_note if q.asker_id == user.pk else "",
        "thanks": q.thanks,
        "created_at": q.created_at.isoformat(),
    }


def export_personal_data(user) -> dict:
    profiles = Profile.objects.filter(user=user).order_by("municipality_id")
    questions = (
        Question.objects.filter(
            Q(asker=user) | Q(recipient=user) | Q(invited=user) | Q(answered_by=user)
        )
        .distinct()
        .select_related("asker", "recipient")
        .order_by("created_at", "id")
    )
    return {
        "profiles": [
            {
                "municipality_id": p.municipality_id,
                "skills": p.skills,
                "tags": p.tags,
                "skills_sharing": p.skills_sharing,
                "languages": p.languages,
                "languages_sharing": p.languages_sharing,
                "lived_experience": p.experience,
                "lived_experience_consent_at": p.experience_consent_at.isoformat()
                if p.experience_consent_at
                else None,
                "lived_experience_sharing": p.experience_sharing,
                "networks": p.networks,
                "networks_sharing": p.networks_sharing,
                "open_to_questions": p.open_to_questions,
                "updated_at": p.updated_at.isoformat(),
            }
            for p in profiles
        ],
        "questions": [_question(q, user) for q in questions],
    }
