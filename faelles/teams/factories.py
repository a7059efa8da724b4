import datetime

import factory
from django.utils import timezone

from faelles.municipalities.factories import MunicipalityFactory
from faelles.organisations.factories import DepartmentFactory

from .models import Team


class TeamFactory(factory.django.DjangoModelFactory):
    """A bare team (no members); use ``services.team_create`` for one with
    its leader as a member."""

    class Meta:
        model = Team

    municipality = factory.SubFactory(MunicipalityFactory)
    department = factory.SubFactory(
        DepartmentFactory, municipality=factory.SelfAttribute("..municipality")
    )
    title = factory.Sequence(lambda n: f"Tværgående team {n}")
    purpose = "At prøve noget nyt sammen på tværs."
    task = "Find en ny måde at nå de ensomme ældre på."
    start_date = factory.LazyFunction(timezone.localdate)
    end_date = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=90)
    )
    created_at = factory.LazyFunction(timezone.now)
    updated_at = factory.LazyFunction(timezone.now)
