import datetime as dt

import factory
from django.utils import timezone

from faelles.accounts.factories import UserFactory
from faelles.municipalities.factories import MunicipalityFactory

from .models import Listing, Side, Visibility, is_special_category


class ListingFactory(factory.django.DjangoModelFactory):
    """Creates through the ORM; call ``services.listing_create`` in tests of writes.

    ``post`` indexes the listing for matching and search, like the services do.
    """

    class Meta:
        model = Listing
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory)
    side = Side.OFFER
    owner = factory.SubFactory(UserFactory)
    created_by = factory.SelfAttribute("owner")
    kind = "skill"
    categories = factory.LazyFunction(list)
    title = factory.Sequence(lambda n: f"Hjælp med lektier {n}")
    text = "Jeg hjælper gerne skolebørn med matematik og dansk efter skole."
    postcode = "5000"
    visibility = Visibility.PUBLIC
    special_consent_at = factory.LazyAttribute(
        lambda o: timezone.now() if is_special_category(o.kind, o.categories) else None
    )
    expires_on = factory.LazyFunction(
        lambda: timezone.localdate() + dt.timedelta(days=90)
    )

    @factory.post_generation
    def post(self, create, extracted, **kwargs):
        if not create:
            return
        from . import matches, search
        from .models import category_path

        self.category_path = category_path(self.categories)
        self.save()
        matches.bump(self.municipality, [self.pk])
        search.index_listings([self.pk])


class NeedFactory(ListingFactory):
    side = Side.NEED
    title = factory.Sequence(lambda n: f"Søger lektiehjælp {n}")
    text = "Min søn på 12 har brug for hjælp til matematik og dansk efter skole."
