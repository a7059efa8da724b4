import factory

from faelles.municipalities.factories import MunicipalityFactory

from .models import Membership, User

PASSWORD = "et-godt-kodeord-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if not create:
            return
        from allauth.account.models import EmailAddress

        self.save()
        EmailAddress.objects.create(
            user=self, email=self.email, verified=True, primary=True
        )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    is_citizen = True
