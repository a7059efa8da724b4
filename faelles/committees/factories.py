from datetime import timedelta

import factory
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.municipalities.factories import MunicipalityFactory, theme
from faelles.organisations.factories import DepartmentFactory

from .models import (
    Application,
    CommitteeMember,
    Decision,
    FollowUpAction,
    Meeting,
    Recommendation,
    TaskCommittee,
)
from .phases import Phase


def _politician(committee):
    return MembershipFactory(
        municipality=committee.municipality, is_politician=True, party="Venstre"
    ).user


class TaskCommitteeFactory(factory.django.DjangoModelFactory):
    """A committee whose call is open now (one week either side)."""

    class Meta:
        model = TaskCommittee
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Opgaveudvalg {n}")
    theme = "neighbours"  # a key of the municipality's theme, a Theme or None
    summary = "Hvordan skaber vi flere fællesskaber for unge?"
    mandate = "Udvalget skal komme med anbefalinger til byrådet."
    questions = "Hvad savner de unge?\nHvad kan foreningerne gøre?"
    period_start = factory.LazyFunction(
        lambda: timezone.localdate() - timedelta(days=30)
    )
    period_end = factory.LazyFunction(
        lambda: timezone.localdate() + timedelta(days=300)
    )
    phase = Phase.CALL
    call_text = "Vi søger borgere i alle aldre."
    call_opens = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    call_closes = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    seats = 4
    strata = factory.LazyFunction(lambda: ["age_band", "gender"])
    chair = factory.LazyAttribute(lambda o: None)

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        if isinstance(kwargs.get("theme"), str):
            kwargs["theme"] = theme(kwargs["municipality"], kwargs["theme"])
        return kwargs

    @factory.post_generation
    def with_chair(obj, create, extracted, **kwargs):
        if create and obj.chair_id is None and extracted is not False:
            obj.chair = _politician(obj)
            obj.save(update_fields=["chair"])
            CommitteeMember.objects.create(
                municipality=obj.municipality,
                committee=obj,
                user=obj.chair,
                role="politician",
            )


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    committee = factory.SubFactory(TaskCommitteeFactory)
    municipality = factory.LazyAttribute(lambda o: o.committee.municipality)
    user = factory.LazyAttribute(
        lambda o: MembershipFactory(municipality=o.committee.municipality).user
    )
    motivation = "Jeg vil gerne være med."
    age_band = "25-39"
    gender = "kvinde"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    committee = factory.SubFactory(TaskCommitteeFactory, phase=Phase.WORK)
    municipality = factory.LazyAttribute(lambda o: o.committee.municipality)
    title = factory.Sequence(lambda n: f"Møde {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    agenda = "1. Velkomst\n2. Kommissoriet"


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    committee = factory.SubFactory(TaskCommitteeFactory, phase=Phase.RECOMMENDATION)
    municipality = factory.LazyAttribute(lambda o: o.committee.municipality)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Anbefaling {n}")
    rationale = "Fordi det virker andre steder."
    expected_cost = 250_000
    theme = factory.LazyAttribute(lambda o: o.committee.theme)
    decision = Decision.PENDING


class FollowUpActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUpAction

    recommendation = factory.SubFactory(
        RecommendationFactory,
        committee__phase=Phase.FOLLOW_UP,
        decision=Decision.ADOPTED,
        decided_at=factory.LazyFunction(timezone.localdate),
    )
    municipality = factory.LazyAttribute(lambda o: o.recommendation.municipality)
    title = factory.Sequence(lambda n: f"Handling {n}")
    owner = factory.LazyAttribute(
        lambda o: DepartmentFactory(municipality=o.recommendation.municipality)
    )
    due_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=90))
