import datetime

import factory
from django.utils import timezone

from faelles.accounts.factories import UserFactory
from faelles.municipalities.factories import MunicipalityFactory

from .models import (
    Comment,
    Initiative,
    Need,
    Outcome,
    State,
    Story,
    StoryPhoto,
    SuccessCriterion,
    Trial,
)


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Badebro ved stranden {n}")
    challenge = "Der er ingen god adgang til vandet for ældre og gangbesværede."
    idea = "Vi bygger en badebro sammen med kommunens vejledning."
    target_group = "Alle, der vil i vandet"
    place = "Nordstranden"
    proposer = factory.SubFactory(UserFactory)
    state = State.IDEA
    created_at = factory.LazyFunction(timezone.now)
    state_changed_at = factory.LazyFunction(timezone.now)


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    initiative = factory.SubFactory(InitiativeFactory)
    municipality = factory.SelfAttribute("initiative.municipality")
    kind = Need.Kind.ROLE
    title = "Tømrer"


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    initiative = factory.SubFactory(InitiativeFactory)
    author = factory.SubFactory(UserFactory)
    body = "Det lyder som en god idé!"


class TrialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trial
        skip_postgeneration_save = True

    initiative = factory.SubFactory(InitiativeFactory, state=State.TRYING)
    municipality = factory.SelfAttribute("initiative.municipality")
    we_believe = "en fast badebro"
    will_lead_to = "at flere ældre kommer i vandet"
    what_is_tried = "En midlertidig bro hele sommeren."
    starts_on = datetime.date(2026, 5, 1)
    ends_on = datetime.date(2026, 9, 1)

    @factory.post_generation
    def criteria(self, create, extracted, **kwargs):
        if create:
            for indicator, target in extracted or [("Badende pr. uge", "50")]:
                SuccessCriterion.objects.create(
                    trial=self, indicator=indicator, target=target
                )


class EvaluatedTrialFactory(TrialFactory):
    initiative = factory.SubFactory(InitiativeFactory, state=State.ANCHORED)
    outcome = Outcome.DID_NOT_WORK
    learned = "Broen blev brugt, men mest af unge."
    evaluated_at = factory.LazyFunction(timezone.now)


class StoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Story

    initiative = factory.SubFactory(InitiativeFactory)
    municipality = factory.SelfAttribute("initiative.municipality")
    title = factory.Sequence(lambda n: f"Broen der samlede byen {n}")
    lead = "Tredive frivillige byggede en badebro på fire weekender."
    body = "Det begyndte med en snak på havnen.\n\nNu bader hele byen."
    published_at = factory.LazyFunction(timezone.now)


class StoryPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StoryPhoto

    story = factory.SubFactory(StoryFactory)
    image = factory.django.ImageField(width=40, height=30, format="JPEG")
    caption = "Frivillige på broen"
    shows_people = True


def CollaborationFactory(*, municipality, **kwargs):
    """A collaboration between a need and an offer (made as the resources app does)."""
    from faelles.resources.factories import ListingFactory
    from faelles.resources.factories import NeedFactory as ListingNeedFactory
    from faelles.resources.models import Collaboration, Proposal

    need = ListingNeedFactory(municipality=municipality)
    offer = ListingFactory(municipality=municipality)
    proposal = Proposal.objects.create(
        municipality=municipality,
        need=need,
        offer=offer,
        status=Proposal.Status.ACCEPTED,
    )
    return Collaboration.objects.create(
        municipality=municipality,
        proposal=proposal,
        need=need,
        offer=offer,
        need_owner=need.owner,
        offer_owner=offer.owner,
        **kwargs,
    )
