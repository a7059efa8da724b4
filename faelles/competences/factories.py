import factory

from faelles.accounts.factories import MembershipFactory
from faelles.municipalities.factories import MunicipalityFactory

from . import services
from .models import Profile, Question


def employee_in(municipality, **fields):
    return MembershipFactory(municipality=municipality, is_employee=True, **fields).user


def profile_for(user, municipality, **fields) -> Profile:
    """A profile through the service, so its search terms are indexed."""
    return services.profile_save(municipality=municipality, user=user, **fields)


class QuestionFactory(factory.django.DjangoModelFactory):
    """A question to one employee colleague (both employees of the municipality)."""

    class Meta:
        model = Question

    municipality = factory.SubFactory(MunicipalityFactory)
    asker = factory.LazyAttribute(lambda o: employee_in(o.municipality))
    recipient = factory.LazyAttribute(lambda o: employee_in(o.municipality))
    text = "Ved du, hvordan man søger puljemidler til en forening?"
