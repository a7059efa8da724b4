from django.core.files.base import ContentFile

from faelles.accounts.factories import MembershipFactory
from faelles.committees.factories import (
    FollowUpActionFactory,
    MeetingFactory,
    RecommendationFactory,
    TaskCommitteeFactory,
)
from faelles.committees.models import (
    CommitteeMember,
    Draw,
    MeetingDocument,
    Milestone,
)
from faelles.committees.phases import Phase
from faelles.core.isolation import isolation_case


@isolation_case(
    "committees:detail",
    "committees:edit",
    "committees:phase",
    "committees:apply",
    "committees:withdraw",
    "committees:selection",
)
def committee_with_open_call(municipality):
    return {"pk": TaskCommitteeFactory(municipality=municipality).pk}


@isolation_case("committees:meeting_create", "committees:recommendation_create")
def working_committee(municipality):
    return {"pk": TaskCommitteeFactory(municipality=municipality, phase=Phase.WORK).pk}


@isolation_case("committees:member_remove")
def member(municipality):
    committee = TaskCommitteeFactory(municipality=municipality)
    user = MembershipFactory(municipality=municipality).user
    return {
        "pk": CommitteeMember.objects.create(
            municipality=municipality, committee=committee, user=user, role="citizen"
        ).pk
    }


@isolation_case("committees:draw", "committees:draw_pool", "committees:draw_quotas")
def draw(municipality):
    committee = TaskCommitteeFactory(municipality=municipality)
    return {
        "pk": Draw.objects.create(
            municipality=municipality,
            committee=committee,
            seed=1,
            seats=1,
            quotas={"gender": {"kvinde": [1, 1]}},
            pool={"001": {"gender": "kvinde"}},
        ).pk
    }


@isolation_case(
    "committees:meeting",
    "committees:meeting_edit",
    "committees:minutes",
    "committees:document_upload",
)
def meeting(municipality):
    return {"pk": MeetingFactory(committee__municipality=municipality).pk}


@isolation_case("committees:document")
def document(municipality):
    meeting = MeetingFactory(committee__municipality=municipality)
    return {
        "pk": MeetingDocument.objects.create(
            municipality=municipality,
            meeting=meeting,
            title="Dagsorden",
            file=ContentFile(b"%PDF-1.4 test", name="dagsorden.pdf"),
            content_type="application/pdf",
            size=13,
        ).pk
    }


@isolation_case(
    "committees:recommendation",
    "committees:recommendation_edit",
    "committees:decide",
)
def recommendation(municipality):
    return {"pk": RecommendationFactory(committee__municipality=municipality).pk}


@isolation_case("committees:action_create")
def adopted_recommendation(municipality):
    action = FollowUpActionFactory(recommendation__committee__municipality=municipality)
    return {"pk": action.recommendation_id}


@isolation_case("committees:action", "committees:milestone_add")
def action(municipality):
    return {
        "pk": FollowUpActionFactory(
            recommendation__committee__municipality=municipality
        ).pk
    }


@isolation_case("committees:milestone_reach")
def milestone(municipality):
    action = FollowUpActionFactory(recommendation__committee__municipality=municipality)
    return {
        "pk": Milestone.objects.create(
            municipality=municipality,
            action=action,
            title="Første skridt",
            due_date=action.due_date,
        ).pk
    }


@isolation_case("committees:politician")
def politician(municipality):
    return {
        "user_id": MembershipFactory(
            municipality=municipality, is_politician=True
        ).user_id
    }
