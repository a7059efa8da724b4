from datetime import timedelta

import factory
from django.utils import timezone

from faelles.municipalities.factories import MunicipalityFactory
from faelles.organisations.factories import DepartmentFactory

from .models import Goal


class GoalFactory(factory.django.DjangoModelFactory):
    """A bare goal; use ``services.goal_create`` for one with an audit entry."""

    class Meta:
        model = Goal

    municipality = factory.SubFactory(MunicipalityFactory)
    department = factory.SubFactory(
        DepartmentFactory, municipality=factory.SelfAttribute("..municipality")
    )
    title = factory.Sequence(lambda n: f"Borgerne er med fra start {n}")
    success = "Halvdelen af vores nye indsatser er planlagt sammen med borgerne."
    target_date = factory.LazyFunction(
        lambda: timezone.localdate() + timedelta(days=180)
    )
    next_check_in_on = factory.LazyFunction(
        lambda: timezone.localdate() + timedelta(days=30)
    )
    created_at = factory.LazyFunction(timezone.now)
