from decimal import Decimal

import factory

from faelles.accounts.factories import UserFactory
from faelles.municipalities.factories import MunicipalityFactory, theme

from .models import Community, CommunityMember, Movement, MovementTeam, Pledge


class CommunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Community
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Fællesskab {n}")
    description = "Vi mødes, snakker og hjælper hinanden."
    theme = "health"  # a key of the municipality's theme, or a Theme
    access = Community.Access.OPEN
    area = "Centrum"
    meeting_rhythm = "Hver tirsdag kl. 10"

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        if isinstance(kwargs.get("theme"), str):
            kwargs["theme"] = theme(kwargs["municipality"], kwargs["theme"])
        return kwargs

    @factory.post_generation
    def host(self, create, extracted, **kwargs):
        """``CommunityFactory(host=user)`` makes ``user`` an active host."""
        if create and extracted is not None:
            CommunityMember.objects.create(
                community=self, user=extracted, status="active", is_host=True
            )
            Community.objects.filter(pk=self.pk).update(member_count=1)
            self.member_count = 1


class CommunityMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommunityMember

    community = factory.SubFactory(CommunityFactory)
    user = factory.SubFactory(UserFactory)
    status = "active"


class MovementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Movement

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Bevægelse {n}")
    description = "Sammen sparer vi CO₂."
    goal = "100 ton CO₂ mindre i år"
    led_by = Movement.LedBy.CITIZENS
    unit = Movement.Unit.CO2
    target = Decimal("100")


class MovementTeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MovementTeam

    movement = factory.SubFactory(MovementFactory)
    name = factory.Sequence(lambda n: f"Hold {n}")
    kind = MovementTeam.Kind.AREA


class PledgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pledge

    movement = factory.SubFactory(MovementFactory)
    user = factory.SubFactory(UserFactory)
    amount = Decimal("1")
