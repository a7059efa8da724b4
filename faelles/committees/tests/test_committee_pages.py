"""Committee pages: who sees what, who may decide and follow up."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.committees import services
from faelles.committees.factories import (
    ApplicationFactory,
    FollowUpActionFactory,
    RecommendationFactory,
    TaskCommitteeFactory,
)
from faelles.committees.models import (
    ActionStatus,
    CommitteeMember,
    Decision,
    Draw,
    FollowUpAction,
    Recommendation,
)
from faelles.committees.phases import Phase
from faelles.organisations.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def url(name, municipality, **kwargs):
    from django.urls import reverse

    return reverse(
        f"committees:{name}", kwargs={"municipality_slug": municipality.slug, **kwargs}
    )


def test_applicants_and_their_strata_are_hidden_from_the_public(
    client, municipality, citizen, municipal_admin
):
    committee = TaskCommitteeFactory(municipality=municipality)
    ApplicationFactory(
        committee=committee,
        motivation="Jeg har boet i Ry i tyve år",
        age_band="60-74",
        user=MembershipFactory(
            municipality=municipality, user__display_name="Hemmelig Ansøger"
        ).user,
    )
    page = client.get(url("detail", municipality, pk=committee.pk))
    assert page.status_code == 200
    text = page.content.decode()
    assert committee.title in text
    assert "Hemmelig Ansøger" not in text and "tyve år" not in text
    # The applicants' page: login for visitors, 403 for citizens, shown to managers.
    selection = url("selection", municipality, pk=committee.pk)
    assert client.get(selection).status_code == 302
    client.force_login(citizen)
    assert client.get(selection).status_code == 403
    client.force_login(committee.chair)
    assert "tyve år" in client.get(selection).content.decode()
    client.force_login(municipal_admin)
    assert "Hemmelig Ansøger" in client.get(selection).content.decode()


def test_a_published_draw_shows_counts_of_five_or_more_and_no_one(client, municipality):
    committee = TaskCommitteeFactory(municipality=municipality)
    pool = {f"{i:03d}": {"gender": "kvinde" if i < 6 else "mand"} for i in range(8)}
    draw = Draw.objects.create(
        municipality=municipality,
        committee=committee,
        seed=20260312,
        seats=2,
        quotas={"gender": {"kvinde": [1, 2], "mand": [0, 1]}},
        pool=pool,
        tickets={t: i for i, t in enumerate(pool)},
        status="done",
        selected=["001", "007"],
        probabilities=dict.fromkeys(pool, 0.25),
    )
    text = client.get(url("draw", municipality, pk=draw.pk)).content.decode()
    assert "20260312" in text
    assert "6 ansøgere" in text  # six women: shown
    assert "færre end 5 ansøgere" in text  # two men: not counted
    assert "25,0 %" in text or "25.0 %" in text
    assert client.get(url("draw_pool", municipality, pk=draw.pk)).status_code == 302


def test_a_committee_being_drafted_is_hidden(client, municipality, citizen):
    committee = TaskCommitteeFactory(municipality=municipality, phase=Phase.MANDATE)
    assert client.get(url("detail", municipality, pk=committee.pk)).status_code == 404
    client.force_login(citizen)
    assert client.get(url("detail", municipality, pk=committee.pk)).status_code == 404
    client.force_login(committee.chair)
    assert client.get(url("detail", municipality, pk=committee.pk)).status_code == 200


def test_politicians_and_administrators_create_committees(
    client, municipality, citizen, employee, politician
):
    for person, status in ((citizen, 403), (employee, 403), (politician, 200)):
        client.force_login(person)
        assert client.get(url("create", municipality)).status_code == status
    today = timezone.localdate()
    response = client.post(
        url("create", municipality),
        {
            "title": "Unges fællesskaber",
            "theme": "neighbours",
            "summary": "Hvordan finder flere unge et fællesskab?",
            "mandate": "Kom med anbefalinger.",
            "questions": "Hvad savner de unge?",
            "period_start": today.isoformat(),
            "period_end": (today + timedelta(days=200)).isoformat(),
            "chair": citizen.pk,  # not a politician: refused
            "selection_method": "lot",
            "seats": 6,
            "strata": ["age_band"],
        },
    )
    assert response.status_code == 200
    assert "chair" in response.context["form"].errors


def test_only_staff_record_the_councils_decision_and_only_after_hand_over(
    client, municipality, citizen, employee
):
    recommendation = RecommendationFactory(committee__municipality=municipality)
    decide = url("decide", municipality, pk=recommendation.pk)
    for person in (citizen, recommendation.committee.chair):
        client.force_login(person)
        assert client.get(decide).status_code == 403
    client.force_login(employee)
    today = timezone.localdate().isoformat()
    response = client.post(
        decide, {"decision": "rejected", "reason": "", "decided_on": today}
    )
    assert response.status_code == 200  # a rejection needs a reason
    recommendation.refresh_from_db()
    assert recommendation.decision == Decision.PENDING
    response = client.post(
        decide,
        {
            "decision": "adopted_in_part",
            "reason": "Kun i Ry i 2027.",
            "decided_on": today,
        },
    )
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.decision == Decision.ADOPTED_IN_PART
    # While the committee still works, there is nothing to decide.
    working = RecommendationFactory(
        committee__municipality=municipality, committee__phase=Phase.WORK
    )
    assert client.get(url("decide", municipality, pk=working.pk)).status_code == 403
    with pytest.raises(ValidationError):
        services.recommendation_decide(
            recommendation=working, actor=employee, decision="adopted"
        )


def test_follow_up_is_updated_by_the_owning_department_the_responsible_or_admins(
    client, municipality, employee, municipal_admin, politician
):
    action = FollowUpActionFactory(
        recommendation__committee__municipality=municipality, responsible=politician
    )
    page = url("action", municipality, pk=action.pk)
    data = {"status": "in_progress", "progress": "40", "text": "Vi er i gang."}
    client.force_login(employee)  # another department
    assert client.post(page, data).status_code == 403
    owner_employee = MembershipFactory(
        municipality=municipality, is_employee=True, department=action.owner
    ).user
    for person in (owner_employee, politician, municipal_admin):
        client.force_login(person)
        assert client.post(page, data).status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.IN_PROGRESS and action.progress == 40
    assert action.updates.count() == 3
    # Where the politician speaks, their role shows.
    text = client.get(page).content.decode()
    assert f"{politician} <span" in text and "Politiker · Radikale Venstre" in text


def test_only_adopted_recommendations_get_follow_up(municipality, employee):
    rejected = RecommendationFactory(
        committee__municipality=municipality,
        committee__phase=Phase.FOLLOW_UP,
        decision=Decision.REJECTED,
        decision_reason="For dyrt.",
        decided_at=timezone.localdate(),
    )
    with pytest.raises(ValidationError, match="vedtagne"):
        services.action_create(
            recommendation=rejected,
            actor=employee,
            title="Noget",
            owner=DepartmentFactory(municipality=municipality),
            due_date=timezone.localdate(),
        )
    assert not FollowUpAction.objects.exists()


def test_overdue_actions_are_found(municipality):
    late = FollowUpActionFactory(
        recommendation__committee__municipality=municipality,
        due_date=timezone.localdate() - timedelta(days=1),
    )
    FollowUpActionFactory(recommendation=late.recommendation)
    assert list(FollowUpAction.objects.overdue()) == [late]
    assert late.is_overdue()


def test_the_committee_moves_from_call_to_follow_up(
    municipality, municipal_admin, employee, django_capture_on_commit_callbacks
):
    committee = TaskCommitteeFactory(
        municipality=municipality, selection_method="council"
    )
    application = ApplicationFactory(committee=committee)
    other = ApplicationFactory(committee=committee)
    committee.call_closes = timezone.now() - timedelta(seconds=1)
    committee.call_opens = timezone.now() - timedelta(days=3)
    committee.save()
    services.applications_select(
        committee=committee, actor=municipal_admin, application_ids=[application.pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        committee = services.committee_set_phase(
            committee=committee, actor=municipal_admin, phase=Phase.WORK
        )
    other.refresh_from_db()
    assert other.status == "not_selected"
    assert CommitteeMember.objects.filter(committee=committee).count() == 2
    with pytest.raises(ValidationError, match="ingen anbefalinger"):
        services.committee_set_phase(
            committee=committee, actor=municipal_admin, phase=Phase.RECOMMENDATION
        )
    recommendation = services.recommendation_create(
        committee=committee,
        actor=committee.chair,
        title="Flere klubaftener",
        rationale="De unge beder om det.",
        expected_cost=120_000,
        theme="",
    )
    assert recommendation.theme == committee.theme and recommendation.number == 1
    committee = services.committee_set_phase(
        committee=committee, actor=municipal_admin, phase=Phase.RECOMMENDATION
    )
    assert committee.handed_over_at is not None
    with pytest.raises(ValidationError):
        services.recommendation_update(
            recommendation=recommendation, actor=committee.chair, title="Ændret"
        )
    with pytest.raises(ValidationError, match="ikke besluttet"):
        services.committee_set_phase(
            committee=committee, actor=municipal_admin, phase=Phase.FOLLOW_UP
        )
    services.recommendation_decide(
        recommendation=recommendation, actor=employee, decision="adopted"
    )
    committee = services.committee_set_phase(
        committee=committee, actor=municipal_admin, phase=Phase.FOLLOW_UP
    )
    action = services.action_create(
        recommendation=Recommendation.objects.get(pk=recommendation.pk),
        actor=employee,
        title="Klubaften hver torsdag",
        owner=DepartmentFactory(municipality=municipality),
        due_date=timezone.localdate() + timedelta(days=60),
    )
    services.action_update_post(
        action=action, actor=municipal_admin, status="done", progress=10, text="Kører"
    )
    action.refresh_from_db()
    assert action.progress == 100 and action.completed_on is not None


def test_the_politicians_page_lists_their_committees(
    client, municipality, citizen, django_assert_max_num_queries
):
    committee = TaskCommitteeFactory(municipality=municipality, phase=Phase.WORK)
    chair = committee.chair
    text = client.get(url("politician", municipality, user_id=chair.pk)).content
    assert committee.title in text.decode() and "Politiker" in text.decode()
    assert (
        client.get(url("politician", municipality, user_id=citizen.pk)).status_code
        == 404
    )
    with django_assert_max_num_queries(20):
        client.get(url("detail", municipality, pk=committee.pk))


def test_an_application_keeps_only_the_strata_the_call_asks_for(municipality, citizen):
    committee = TaskCommitteeFactory(municipality=municipality, strata=["gender"])
    application = services.application_submit(
        committee=committee,
        user=citizen,
        motivation="Jeg vil gerne",
        gender="mand",
        age_band="25-39",
    )
    assert application.gender == "mand" and application.age_band == ""
    with pytest.raises(ValidationError):
        services.application_submit(
            committee=committee, user=citizen, motivation="Igen", gender="mand"
        )


def test_the_list_offers_only_committees_the_person_may_open(
    client, municipality, politician, municipal_admin
):
    draft = TaskCommitteeFactory(municipality=municipality, phase=Phase.MANDATE)
    public = TaskCommitteeFactory(municipality=municipality)
    for person, sees_draft in (
        (None, False),
        (politician, False),  # another politician's draft
        (draft.chair, True),
        (municipal_admin, True),
    ):
        client.logout()
        if person:
            client.force_login(person)
        text = client.get(url("list", municipality)).content.decode()
        assert public.title in text
        assert (draft.title in text) is sees_draft, person


def _close_call(committee):
    committee.call_opens = timezone.now() - timedelta(days=10)
    committee.call_closes = timezone.now() - timedelta(minutes=1)
    committee.save()


def test_the_council_appoints_applicants_on_the_selection_page(
    client, municipality, employee
):
    committee = TaskCommitteeFactory(
        municipality=municipality, selection_method="council"
    )
    chosen, passed = ApplicationFactory.create_batch(2, committee=committee)
    page = url("selection", municipality, pk=committee.pk)
    client.force_login(employee)  # staff, but not this committee's secretariat
    assert client.post(page, {"applications": [chosen.pk]}).status_code == 403
    client.force_login(committee.chair)
    text = client.get(page).content.decode()
    assert "Udpeg de valgte" not in text  # not before the deadline
    _close_call(committee)
    response = client.post(page, {"applications": [chosen.pk]})
    assert response.status_code == 302
    assert committee.members.filter(user=chosen.user, role="citizen").exists()
    assert not committee.members.filter(user=passed.user).exists()


def test_infeasible_quotas_are_shown_on_the_form_and_nothing_is_drawn(
    client, municipality
):
    committee = TaskCommitteeFactory(
        municipality=municipality,
        seats=2,
        strata=["gender"],
        quotas={"gender": {"kvinde": [2, 2], "mand": [1, 2]}},
    )
    ApplicationFactory.create_batch(4, committee=committee, gender="kvinde")
    ApplicationFactory(committee=committee, gender="mand")
    _close_call(committee)
    client.force_login(committee.chair)
    response = client.post(
        url("selection", municipality, pk=committee.pk), {"seed": "5"}
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Kvoterne kan ikke opfyldes" in text
    assert "køn: mindstetallene giver 3 i alt, flere end de 2 pladser" in text
    assert not Draw.objects.exists()


def test_the_strata_asked_are_listed_as_a_sentence_in_both_languages(
    municipality, citizen
):
    from django.utils import translation

    from faelles.committees.forms import ApplicationForm

    committee = TaskCommitteeFactory(
        municipality=municipality, strata=["age_band", "gender", "area"]
    )
    with translation.override("da"):
        note = ApplicationForm(committee=committee, user=citizen).strata_note
        assert "Vi spørger om aldersgruppe, køn og område," in note
    with translation.override("en"):
        note = ApplicationForm(committee=committee, user=citizen).strata_note
        assert "age group, gender and area" in note
