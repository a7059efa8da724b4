"""A small world for the open API's tests: two municipalities, each with public
objects of every kind and, beside them, what must never come out: private,
staff-only, unpublished — and people with names and e-mails that must not
appear in any answer."""

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone

from faelles.accounts.factories import UserFactory
from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory
from faelles.budgeting.phases import Phase as RoundPhase
from faelles.committees.factories import (
    FollowUpActionFactory,
    RecommendationFactory,
    TaskCommitteeFactory,
)
from faelles.committees.phases import Phase as CommitteePhase
from faelles.communities.factories import CommunityFactory, MovementFactory
from faelles.communities.models import Community
from faelles.dialogue.factories import HearingFactory
from faelles.dialogue.models import Answer
from faelles.events.factories import EventFactory
from faelles.initiatives.factories import (
    EvaluatedTrialFactory,
    InitiativeFactory,
    TrialFactory,
)
from faelles.initiatives.models import InitiativeSettings, InitiativeTheme, State
from faelles.municipalities.models import Theme
from faelles.resources.factories import ListingFactory, NeedFactory
from faelles.resources.models import Visibility

#: What identifies the people in the world; no answer may contain any of it.
PERSON_MARKERS = ("Birthe Personsen", "@privat.example", "Karl Kontaktsen")


@dataclass
class World:
    municipality: Any
    public: dict[str, list[int]] = field(default_factory=dict)
    hidden: dict[str, list[int]] = field(default_factory=dict)


def _theme(municipality, key="health"):
    return Theme.objects.get_or_create(
        municipality=municipality, key=key, defaults={"name": key.title()}
    )[0]


def build_world(municipality) -> World:
    world = World(municipality)
    pub, hid = world.public, world.hidden
    person = UserFactory(
        display_name="Birthe Personsen",
        email=f"birthe-{municipality.slug}@privat.example",
    )
    other = UserFactory(display_name="Karl Kontaktsen")
    health = _theme(municipality)
    InitiativeSettings.objects.update_or_create(
        municipality=municipality, defaults={"library_public": True}
    )

    # resources and needs
    pub["Listing"] = [
        ListingFactory(municipality=municipality, owner=person).pk,
        NeedFactory(municipality=municipality, owner=person).pk,
    ]
    hid["Listing"] = [
        ListingFactory(
            municipality=municipality, owner=person, visibility=Visibility.MEMBERS
        ).pk,
        ListingFactory(
            municipality=municipality,
            owner=person,
            kind="lived_experience",
            visibility=Visibility.MEMBERS,
        ).pk,
        ListingFactory(
            municipality=municipality,
            owner=person,
            expires_on=timezone.localdate() - timedelta(days=1),
        ).pk,
    ]

    # initiatives and trials
    initiative = InitiativeFactory(
        municipality=municipality, proposer=person, facilitator=other
    )
    InitiativeTheme.objects.create(
        municipality=municipality, initiative=initiative, theme=health
    )
    pub["Initiative"] = [
        initiative.pk,
        InitiativeFactory(municipality=municipality, proposer=person).pk,
    ]
    withdrawn = InitiativeFactory(
        municipality=municipality, proposer=person, state=State.WITHDRAWN
    )
    hid["Initiative"] = [withdrawn.pk]
    evaluated = EvaluatedTrialFactory(
        municipality=municipality,
        initiative__municipality=municipality,
        initiative__proposer=person,
        evaluated_by=other,
    )
    pub["Initiative"].append(evaluated.initiative_id)
    pub["Trial"] = [
        TrialFactory(initiative=initiative, municipality=municipality).pk,
        evaluated.pk,
    ]
    hid["Trial"] = [
        TrialFactory(initiative=withdrawn, municipality=municipality).pk,
    ]

    # communities, movements, events
    open_group = CommunityFactory(municipality=municipality, host=person)
    closed_group = CommunityFactory(
        municipality=municipality, access=Community.Access.CLOSED
    )
    secret_group = CommunityFactory(
        municipality=municipality, access=Community.Access.INVITATION, host=person
    )
    pub["Community"] = [open_group.pk, closed_group.pk]
    hid["Community"] = [
        secret_group.pk,
        CommunityFactory(municipality=municipality, is_active=False).pk,
    ]
    movement = MovementFactory(municipality=municipality, leader=person)
    pub["Movement"] = [movement.pk]
    hid["Movement"] = [MovementFactory(municipality=municipality, is_active=False).pk]
    pub["Event"] = [
        EventFactory(municipality=municipality, organiser=person).pk,
        EventFactory(municipality=municipality, community=open_group).pk,
        EventFactory(municipality=municipality, movement=movement).pk,
    ]
    hid["Event"] = [EventFactory(municipality=municipality, community=secret_group).pk]

    # participatory budgeting
    voting = BudgetRoundFactory(municipality=municipality, created_by=other)
    done = BudgetRoundFactory(
        municipality=municipality,
        phase=RoundPhase.RESULTS,
        voting_start=timezone.now() - timedelta(days=20),
        voting_end=timezone.now() - timedelta(days=10),
    )
    draft = BudgetRoundFactory(municipality=municipality, phase=RoundPhase.DRAFT)
    pub["BudgetRound"] = [voting.pk, done.pk]
    hid["BudgetRound"] = [draft.pk]
    funded = ProjectFactory(round=done, proposed_by=person, is_funded=True)
    done.results = {"voters": 3, "rule": "mes", "funded": [funded.pk]}
    done.results_computed_at = timezone.now()
    done.save(update_fields=["results", "results_computed_at"])
    pub["BudgetProject"] = [
        ProjectFactory(round=voting, proposed_by=person, theme=health).pk,
        funded.pk,
    ]
    hid["BudgetProject"] = [
        ProjectFactory(round=voting, review_status="pending").pk,
        ProjectFactory(round=draft).pk,
    ]

    # hearings
    answered = HearingFactory(
        municipality=municipality,
        created_by=other,
        announced_at=timezone.now() - timedelta(days=30),
        opens_at=timezone.now() - timedelta(days=20),
        closes_at=timezone.now() - timedelta(days=10),
        answered_at=timezone.now() - timedelta(days=2),
    )
    Answer.objects.create(
        hearing=answered,
        heard="Vi hørte mange gode forslag.",
        written_by=other,
        published_at=timezone.now() - timedelta(days=2),
    )
    draft_answer = HearingFactory(municipality=municipality)
    Answer.objects.create(
        hearing=draft_answer, heard="Et udkast, ingen må se.", written_by=other
    )
    pub["Hearing"] = [answered.pk, draft_answer.pk]
    hid["Hearing"] = [
        HearingFactory(
            municipality=municipality,
            announced_at=timezone.now() + timedelta(days=3),
            opens_at=timezone.now() + timedelta(days=4),
            closes_at=timezone.now() + timedelta(days=14),
        ).pk
    ]

    # task committees
    action = FollowUpActionFactory(
        municipality=municipality,
        recommendation__municipality=municipality,
        recommendation__committee__municipality=municipality,
        responsible=person,
    )
    handed = action.recommendation.committee
    handed.handed_over_at = timezone.now() - timedelta(days=30)
    handed.save(update_fields=["handed_over_at"])
    working = TaskCommitteeFactory(municipality=municipality, phase=CommitteePhase.WORK)
    unready = RecommendationFactory(municipality=municipality, committee=working)
    mandate = TaskCommitteeFactory(
        municipality=municipality, phase=CommitteePhase.MANDATE
    )
    pub["TaskCommittee"] = [handed.pk, working.pk]
    hid["TaskCommittee"] = [mandate.pk]
    pub["Recommendation"] = [action.recommendation.pk]
    hid["Recommendation"] = [unready.pk]
    return world


@pytest.fixture
def world(municipality, other_municipality):
    cache.clear()
    return build_world(municipality), build_world(other_municipality)


@pytest.fixture(autouse=True)
def _fresh_rate_counts():
    cache.clear()
    yield
    cache.clear()
