from datetime import timedelta

import factory
from django.utils import timezone

from faelles.municipalities.factories import MunicipalityFactory

from .models import OpinionMap, Participant, Statement, StatementStatus
from .phases import Phase


class OpinionMapFactory(factory.django.DjangoModelFactory):
    """A map open for statements and votes now (one week either side)."""

    class Meta:
        model = OpinionMap

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Meningskort {n}")
    question = "Hvad skal bymidten være?"
    phase = Phase.OPEN
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    map = factory.SubFactory(OpinionMapFactory)
    municipality = factory.LazyAttribute(lambda o: o.map.municipality)
    text = factory.Sequence(lambda n: f"Udsagn nummer {n} om bymidten")
    status = StatementStatus.ACCEPTED


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    map = factory.SubFactory(OpinionMapFactory)
    municipality = factory.LazyAttribute(lambda o: o.map.municipality)
    number = factory.LazyFunction(Participant.new_number)
