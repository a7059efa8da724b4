from datetime import timedelta

import factory
from django.utils import timezone

from faelles.municipalities.factories import MunicipalityFactory

from .models import Round


class RoundFactory(factory.django.DjangoModelFactory):
    """An open round (from yesterday to a week ahead)."""

    class Meta:
        model = Round

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Pulsmåling {n}")
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=1))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7))
