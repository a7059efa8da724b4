import factory

from .models import Municipality, Principle


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Testkommune {n}")
    slug = factory.Sequence(lambda n: f"test-{n}")
    programme_name = factory.Sequence(lambda n: f"Sammen i Testkommune {n}")
    programme_text = "Vi skaber gode liv sammen."


class PrincipleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Principle

    municipality = factory.SubFactory(MunicipalityFactory)
    position = factory.Sequence(int)
    title = factory.Sequence(lambda n: f"Princip {n}")
    text = "Vi hjælpes ad."
