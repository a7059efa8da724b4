"""Hearings' services: phases, reactions, moderation, the answer, who was heard."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.core.models import AuditEntry
from faelles.core.phases import current_phase
from faelles.dialogue import services
from faelles.dialogue.factories import HearingFactory, ParagraphFactory, SectionFactory
from faelles.dialogue.models import (
    Appeal,
    AuthorRole,
    Comment,
    Participant,
    Reaction,
)
from faelles.dialogue.selectors import who_was_heard
from faelles.notifications.models import Notification
from faelles.participation.models import ParticipationAct

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)
DAY = timedelta(days=1)


@pytest.fixture
def hearing(municipality):
    return HearingFactory(
        municipality=municipality,
        announced_at=NOW - 10 * DAY,
        opens_at=NOW - 5 * DAY,
        closes_at=NOW + 5 * DAY,
    )


def _member(municipality, **roles):
    return MembershipFactory(municipality=municipality, **roles).user


# --- phases -------------------------------------------------------------------


def test_phases_follow_the_dates(hearing):
    assert current_phase(hearing, now=NOW - 11 * DAY) is None
    assert current_phase(hearing, now=NOW - 6 * DAY).key == "announced"
    assert current_phase(hearing, now=NOW).key == "open"
    assert current_phase(hearing, now=NOW + 6 * DAY).key == "closed"
    hearing.answered_at = NOW + 7 * DAY
    assert current_phase(hearing, now=NOW + 8 * DAY).key == "answered"


@pytest.mark.parametrize("offset", [-6, 5, 6])
def test_no_comment_before_open_or_after_close(hearing, citizen, offset):
    with pytest.raises(ValidationError):
        services.comment_create(
            hearing=hearing, author=citizen, body="For tidligt", now=NOW + offset * DAY
        )
    assert not Comment.objects.exists()
    assert not Participant.objects.exists()


def test_comment_while_open_records_participation(hearing, citizen):
    paragraph = ParagraphFactory(section=SectionFactory(hearing=hearing))
    comment = services.comment_create(
        hearing=hearing,
        author=citizen,
        body="  Flere træer, tak.  ",
        paragraph=paragraph,
        postcode="2610",
        age_band="30-49",
        now=NOW,
    )
    assert comment.body == "Flere træer, tak."
    assert comment.author_role == AuthorRole.CITIZEN
    hearing.refresh_from_db()
    assert hearing.comment_count == 1
    participant = Participant.objects.get(hearing=hearing, user=citizen)
    assert (participant.postcode, participant.age_band) == ("2610", "30-49")
    assert ParticipationAct.objects.filter(
        user=citizen, action="dialogue.comment", rung=6
    ).exists()


def test_a_non_member_cannot_comment(hearing, outsider):
    with pytest.raises(ValidationError):
        services.comment_create(hearing=hearing, author=outsider, body="Hej", now=NOW)


def test_paragraph_of_another_hearing_is_refused(hearing, citizen, municipality):
    other = ParagraphFactory(
        section=SectionFactory(hearing=HearingFactory(municipality=municipality))
    )
    with pytest.raises(ValidationError):
        services.comment_create(
            hearing=hearing, author=citizen, body="Hej", paragraph=other, now=NOW
        )


def test_a_reply_to_a_reply_joins_the_thread_and_tells_the_author(
    hearing, citizen, municipality, django_capture_on_commit_callbacks
):
    paragraph = ParagraphFactory(section=SectionFactory(hearing=hearing))
    root = services.comment_create(
        hearing=hearing, author=citizen, body="Rod", paragraph=paragraph, now=NOW
    )
    other = _member(municipality)
    with django_capture_on_commit_callbacks(execute=True):
        reply = services.comment_create(
            hearing=hearing, author=other, body="Svar", parent=root, now=NOW
        )
    deeper = services.comment_create(
        hearing=hearing, author=citizen, body="Svar igen", parent=reply, now=NOW
    )
    assert reply.parent == root and deeper.parent == root
    assert deeper.paragraph == paragraph
    assert Notification.objects.filter(
        recipient=citizen, kind="dialogue.reply"
    ).exists()


def test_politicians_and_employees_answer_with_their_role(
    hearing, politician, employee
):
    said = services.comment_create(
        hearing=hearing, author=politician, body="Vi lytter.", now=NOW
    )
    explained = services.comment_create(
        hearing=hearing, author=employee, body="Planen siger …", now=NOW
    )
    assert (said.author_role, said.author_role_detail) == (
        AuthorRole.POLITICIAN,
        "Radikale Venstre",
    )
    assert (explained.author_role, explained.author_role_detail) == (
        AuthorRole.EMPLOYEE,
        "Fællesskabskonsulent",
    )
    # Their work is not counted as participation, nor as being heard.
    assert not Participant.objects.exists()
    assert not ParticipationAct.objects.exists()


# --- reactions ------------------------------------------------------------------


def test_one_reaction_per_person_changeable(hearing, citizen, municipality):
    comment = services.comment_create(
        hearing=hearing, author=citizen, body="Hej", now=NOW
    )
    other = _member(municipality)
    services.reaction_set(comment=comment, user=other, kind="agree", now=NOW)
    services.reaction_set(comment=comment, user=other, kind="disagree", now=NOW)
    assert list(Reaction.objects.values_list("user_id", "kind")) == [
        (other.pk, "disagree")
    ]
    assert services.reaction_set(comment=comment, user=other, kind="disagree") is None
    assert not Reaction.objects.exists()


def test_no_reaction_after_close_or_of_unknown_kind(hearing, citizen):
    comment = services.comment_create(
        hearing=hearing, author=citizen, body="Hej", now=NOW
    )
    with pytest.raises(ValidationError):
        services.reaction_set(
            comment=comment, user=citizen, kind="agree", now=NOW + 6 * DAY
        )
    with pytest.raises(ValidationError):
        services.reaction_set(comment=comment, user=citizen, kind="love", now=NOW)
    assert not Reaction.objects.exists()


# --- moderation -------------------------------------------------------------------


def test_report_hide_appeal_restore_all_audited(
    hearing, citizen, moderator, municipality, django_capture_on_commit_callbacks
):
    comment = services.comment_create(
        hearing=hearing, author=citizen, body="Dumme naboer", now=NOW
    )
    reporter = _member(municipality)
    services.comment_report(comment=comment, reporter=reporter, reason="Groft", now=NOW)
    with pytest.raises(ValidationError):
        services.comment_report(
            comment=comment, reporter=reporter, reason="Igen", now=NOW
        )
    with pytest.raises(ValidationError):  # a reason is required
        services.comment_hide(comment=comment, moderator=moderator, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_hide(
            comment=comment, moderator=moderator, reason="Personangreb", now=NOW
        )
    comment.refresh_from_db()
    assert comment.is_hidden and comment.hidden_reason == "Personangreb"
    assert comment.reports.get().handled_at is not None
    assert Notification.objects.filter(recipient=citizen, kind="dialogue.hidden")
    # Only the author may appeal, once while it waits.
    with pytest.raises(ValidationError):
        services.appeal_create(comment=comment, author=reporter, text="Nej")
    appeal = services.appeal_create(
        comment=comment, author=citizen, text="Det var ment som sjov."
    )
    with pytest.raises(ValidationError):
        services.appeal_create(comment=comment, author=citizen, text="Igen")
    with django_capture_on_commit_callbacks(execute=True):
        services.appeal_decide(
            appeal=appeal,
            moderator=moderator,
            restore=True,
            decision="Vi lod tvivlen komme dig til gode.",
        )
    comment.refresh_from_db()
    appeal.refresh_from_db()
    assert not comment.is_hidden and comment.hidden_reason == ""
    assert appeal.outcome == Appeal.Outcome.RESTORED
    assert Notification.objects.filter(recipient=citizen, kind="dialogue.appeal")
    with pytest.raises(ValidationError):
        services.appeal_decide(
            appeal=appeal, moderator=moderator, restore=False, decision="Nej"
        )
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "dialogue.comment_report",
        "dialogue.comment_hide",
        "dialogue.appeal",
        "dialogue.appeal_decide",
    } <= actions
    assert "dialogue.comment" not in actions  # participation is not logged


def test_upheld_appeal_cannot_be_repeated_and_restore_is_audited(
    hearing, citizen, moderator
):
    comment = services.comment_create(hearing=hearing, author=citizen, body="x")
    services.comment_hide(comment=comment, moderator=moderator, reason="Spam")
    appeal = services.appeal_create(comment=comment, author=citizen, text="Nej")
    services.appeal_decide(
        appeal=appeal, moderator=moderator, restore=False, decision="Det er spam."
    )
    comment.refresh_from_db()
    assert comment.is_hidden
    with pytest.raises(ValidationError):
        services.appeal_create(comment=comment, author=citizen, text="Igen")
    services.comment_restore(comment=comment, moderator=moderator)
    comment.refresh_from_db()
    assert not comment.is_hidden
    assert AuditEntry.objects.filter(action="dialogue.comment_restore").exists()


# --- the answer -------------------------------------------------------------------


def test_answer_only_after_close_and_published_to_everyone_who_took_part(
    hearing, citizen, municipality, employee, django_capture_on_commit_callbacks
):
    comment = services.comment_create(
        hearing=hearing, author=citizen, body="Hej", now=NOW
    )
    reactor = _member(municipality)
    services.reaction_set(comment=comment, user=reactor, kind="useful", now=NOW)
    bystander = _member(municipality)
    with pytest.raises(ValidationError):  # still open
        services.answer_save(
            hearing=hearing,
            actor=employee,
            heard="Mange vil have træer.",
            changed="",
            not_changed="",
            now=NOW,
        )
    later = NOW + 6 * DAY
    with pytest.raises(ValidationError):  # nothing written yet
        services.answer_publish(hearing=hearing, actor=employee, now=later)
    services.answer_save(
        hearing=hearing,
        actor=employee,
        heard="Mange vil have træer.",
        changed="Vi planter 40 træer.",
        not_changed="Parkeringen bliver, fordi butikkerne har brug for den.",
        now=later,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_publish(hearing=hearing, actor=employee, now=later)
    hearing.refresh_from_db()
    assert hearing.answered_at == later
    assert current_phase(hearing, now=later + DAY).key == "answered"
    told = set(
        Notification.objects.filter(kind="dialogue.answer").values_list(
            "recipient_id", flat=True
        )
    )
    assert told == {citizen.pk, reactor.pk}
    assert bystander.pk not in told
    with pytest.raises(ValidationError):  # published once
        services.answer_publish(hearing=hearing, actor=employee, now=later + DAY)


# --- who was heard ------------------------------------------------------------------


def test_who_was_heard_never_shows_a_group_under_five(hearing, municipality):
    for i in range(12):
        user = _member(municipality)
        postcode = "2610" if i < 9 else "2650"  # 9 and 3
        age = "30-49" if i < 6 else "65+"  # 6 and 6
        services.comment_create(
            hearing=hearing,
            author=user,
            body=f"Kommentar {i}",
            postcode=postcode,
            age_band=age,
            now=NOW,
        )
    heard = who_was_heard(hearing=hearing)
    areas = {row.label: row.count for row in heard.by_area}
    ages = {row.label: row.count for row in heard.by_age}
    assert areas["2650"] is None  # 3 people
    # 2610 would give 2650 away as the total minus 2610: hidden too, or the total.
    assert areas["2610"] is None or heard.total is None
    assert ages == {"30–49 år": 6, "65 år og derover": 6}
    shown = [c for c in [*areas.values(), *ages.values(), heard.total] if c]
    assert all(c >= 5 for c in shown)


def test_who_was_heard_with_few_people_shows_nothing_small(hearing, citizen):
    services.comment_create(
        hearing=hearing, author=citizen, body="Hej", postcode="2610", now=NOW
    )
    heard = who_was_heard(hearing=hearing)
    assert heard.total is None
    assert all(row.count is None for row in [*heard.by_area, *heard.by_age])


# --- the draft ----------------------------------------------------------------------


def test_draft_in_sections_fixed_once_open(municipality, employee):
    hearing = services.hearing_create(
        municipality=municipality,
        actor=employee,
        title="Bymidteplan",
        question="Hvad synes du?",
        announced_at=NOW + DAY,
        opens_at=NOW + 2 * DAY,
        closes_at=NOW + 9 * DAY,
        draft="Indledning\n\n# Trafik\n\nFærre biler.\n\nFlere cykler.\n# Grønt\nTræer",
        now=NOW,
    )
    sections = list(hearing.sections.prefetch_related("paragraphs"))
    assert [s.heading for s in sections] == ["", "Trafik", "Grønt"]
    assert [p.text for p in sections[1].paragraphs.all()] == [
        "Færre biler.",
        "Flere cykler.",
    ]
    services.hearing_update(
        hearing=hearing, actor=employee, data={}, draft="# Nyt\nTekst", now=NOW
    )
    assert services.draft_text(hearing) == "# Nyt\n\nTekst"
    with pytest.raises(ValidationError):
        services.hearing_update(
            hearing=hearing,
            actor=employee,
            data={},
            draft="# Andet\nTekst",
            now=NOW + 3 * DAY,
        )
    assert services.draft_text(hearing) == "# Nyt\n\nTekst"


def test_hearing_dates_must_be_in_order(municipality, employee):
    with pytest.raises(ValidationError):
        services.hearing_create(
            municipality=municipality,
            actor=employee,
            title="Forkert",
            question="?",
            announced_at=NOW,
            opens_at=NOW + 2 * DAY,
            closes_at=NOW + DAY,
        )


def test_a_linked_initiative_of_another_municipality_is_refused(
    municipality, other_municipality, employee
):
    from faelles.initiatives.factories import InitiativeFactory

    with pytest.raises(ValidationError):
        services.hearing_create(
            municipality=municipality,
            actor=employee,
            title="Om et initiativ",
            question="?",
            announced_at=NOW,
            opens_at=NOW + DAY,
            closes_at=NOW + 2 * DAY,
            initiative=InitiativeFactory(municipality=other_municipality),
        )


def test_an_open_hearing_keeps_its_opening_date(hearing, employee):
    with pytest.raises(ValidationError):
        services.hearing_update(
            hearing=hearing,
            actor=employee,
            data={"opens_at": hearing.opens_at + DAY},
            now=NOW,
        )
    # The same minute (a form's precision) is no change; closing earlier is.
    services.hearing_update(
        hearing=hearing,
        actor=employee,
        data={
            "opens_at": hearing.opens_at.replace(second=0),
            "closes_at": NOW + DAY,
        },
        now=NOW,
    )
    hearing.refresh_from_db()
    assert hearing.closes_at == NOW + DAY
