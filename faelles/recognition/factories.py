from datetime import timedelta

import factory
from django.utils import timezone

from faelles.accounts.factories import UserFactory
from faelles.municipalities.factories import MunicipalityFactory

from .models import Award, Juror, Nomination, Thanks, Winner


def _today():
    return timezone.localdate()


class ThanksFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thanks

    municipality = factory.SubFactory(MunicipalityFactory)
    sender = factory.SubFactory(UserFactory)
    recipient_user = factory.SubFactory(UserFactory)
    message = "Tak fordi du hjalp med at bære stole til sommerfesten."
    for_what = "Hjælpen til sommerfesten"


class AwardFactory(factory.django.DjangoModelFactory):
    """A published award open for nominations today."""

    class Meta:
        model = Award

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Årets prøvehandling {2020 + n}")
    description = "Prisen går til en prøvehandling, der turde noget nyt."
    criteria = "Mod, læring og fællesskab."
    nominations_open = factory.LazyFunction(lambda: _today() - timedelta(days=5))
    nominations_close = factory.LazyFunction(lambda: _today() + timedelta(days=5))
    announce_on = factory.LazyFunction(lambda: _today() + timedelta(days=10))
    published_at = factory.LazyFunction(timezone.now)


class JurorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Juror

    award = factory.SubFactory(AwardFactory)
    user = factory.SubFactory(UserFactory)


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination

    award = factory.SubFactory(AwardFactory)
    nominator = factory.SubFactory(UserFactory)
    nominee_user = factory.SubFactory(UserFactory)
    reason = "Hun fik hele vejen til at spise sammen."


class WinnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Winner

    award = factory.SubFactory(AwardFactory)
    nominee_user = factory.SubFactory(UserFactory)
    motivation = "For at gøre det svære let."
