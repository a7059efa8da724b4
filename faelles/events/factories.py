from datetime import timedelta

import factory
from django.utils import timezone

from faelles.municipalities.factories import MunicipalityFactory

from .models import Event


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Arrangement {n}")
    description = "Kom og vær med."
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    place = "Medborgerhuset"
    capacity = 10
