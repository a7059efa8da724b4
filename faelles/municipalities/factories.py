import factory

from .models import FocusArea, Municipality, Principle, Theme


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["slug"]
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Testkommune {n}")
    slug = factory.Sequence(lambda n: f"test-{n}")
    programme_name = factory.Sequence(lambda n: f"Sammen i Testkommune {n}")
    programme_text = "Vi skaber gode liv sammen."

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        """A made municipality has the default themes, as one made by
        ``municipality_create`` does (``themes=False`` for none)."""
        if create and extracted is not False:
            from .services import themes_ensure_defaults

            themes_ensure_defaults(municipality=self)


def theme(municipality, key: str) -> Theme:
    """The municipality's theme with ``key`` (for factories given a key)."""
    return Theme.objects.get(municipality=municipality, key=key)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    municipality = factory.SubFactory(MunicipalityFactory)
    key = factory.Sequence(lambda n: f"tema-{n}")
    name = factory.Sequence(lambda n: f"Tema {n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")
    position = factory.Sequence(lambda n: 100 + n)


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusArea

    theme = factory.SubFactory(ThemeFactory)
    municipality = factory.SelfAttribute("theme.municipality")
    key = factory.Sequence(lambda n: f"indsats-{n}")
    name = factory.Sequence(lambda n: f"Indsatsområde {n}")
    name_en = factory.Sequence(lambda n: f"Focus area {n}")


class PrincipleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Principle

    municipality = factory.SubFactory(MunicipalityFactory)
    position = factory.Sequence(int)
    title = factory.Sequence(lambda n: f"Princip {n}")
    text = "Vi hjælpes ad."
