import factory
from django.utils import timezone

from faelles.municipalities.factories import MunicipalityFactory
from faelles.organisations.factories import DepartmentFactory

from .models import Assessment


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    municipality = factory.SubFactory(MunicipalityFactory)
    department = factory.SubFactory(
        DepartmentFactory, municipality=factory.SelfAttribute("..municipality")
    )
    title = factory.Sequence(lambda n: f"Runde {n}")
    opened_at = factory.LazyFunction(timezone.now)
