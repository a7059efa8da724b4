import factory

from faelles.municipalities.factories import MunicipalityFactory

from .models import Organisation, OrganisationMember


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = Organisation.Kind.ASSOCIATION
    name = factory.Sequence(lambda n: f"Forening {n}")
    slug = factory.Sequence(lambda n: f"forening-{n}")
    description = "En forening, der mødes hver tirsdag."


class DepartmentFactory(OrganisationFactory):
    kind = Organisation.Kind.DEPARTMENT
    name = factory.Sequence(lambda n: f"Afdeling {n}")
    slug = factory.Sequence(lambda n: f"afdeling-{n}")


class OrganisationMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationMember

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory("faelles.accounts.factories.UserFactory")
    is_admin = False
