from datetime import timedelta

import factory
from django.utils import timezone

from faelles.municipalities.factories import MunicipalityFactory

from .models import (
    Ballot,
    BallotType,
    BudgetRound,
    Phase,
    Project,
    ProjectUpdate,
    ReviewStatus,
)


class BudgetRoundFactory(factory.django.DjangoModelFactory):
    """A round in its voting phase, open now (one week either side)."""

    class Meta:
        model = BudgetRound

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Borgerbudget {n}")
    description = "Vi bestemmer sammen, hvad pengene skal bruges til."
    budget = 100_000
    phase = Phase.VOTING
    ballot_type = BallotType.APPROVAL
    min_projects = 1
    proposals_start = factory.LazyFunction(lambda: timezone.now() - timedelta(days=60))
    proposals_end = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))
    voting_start = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    voting_end = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    round = factory.SubFactory(BudgetRoundFactory)
    municipality = factory.SelfAttribute("round.municipality")
    title = factory.Sequence(lambda n: f"Projekt {n}")
    description = "En god idé til bydelen."
    cost = 30_000
    review_status = ReviewStatus.APPROVED
    legal_ok = True
    practical_ok = True


class BallotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ballot

    round = factory.SubFactory(BudgetRoundFactory)
    municipality = factory.SelfAttribute("round.municipality")
    choices = factory.LazyAttribute(
        lambda o: [[p.pk, 1] for p in o.round.projects.on_ballot()[:1]]
    )


class ProjectUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectUpdate

    project = factory.SubFactory(ProjectFactory, is_funded=True)
    municipality = factory.SelfAttribute("project.municipality")
    status = "in_progress"
    text = "Vi er gået i gang."
