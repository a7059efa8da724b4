import factory
from django.utils import timezone

from faelles.municipalities.factories import MunicipalityFactory
from faelles.organisations.factories import DepartmentFactory

from .models import QuestionSet, Session


class SessionFactory(factory.django.DjangoModelFactory):
    """A bare session (no questions); use ``services.session_create`` for one
    with questions."""

    class Meta:
        model = Session

    municipality = factory.SubFactory(MunicipalityFactory)
    department = factory.SubFactory(
        DepartmentFactory, municipality=factory.SelfAttribute("..municipality")
    )
    title = factory.Sequence(lambda n: f"Teammøde {n}")
    date = factory.LazyFunction(timezone.localdate)
    set_title = "Kommunen 3.0 i vores team"
    created_at = factory.LazyFunction(timezone.now)


class QuestionSetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionSet

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Vores spørgsmål {n}")
    questions = factory.LazyFunction(lambda: ["Hvad lærte vi?", "Hvad prøver vi?"])
