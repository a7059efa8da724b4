import factory

from faelles.municipalities.factories import MunicipalityFactory

from .models import OwnEntry


class OwnEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OwnEntry

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = OwnEntry.Kind.FLAG
    term = factory.Sequence(lambda n: f"sagsbunke{chr(97 + n % 26)}{n}")
    paradigm = "2.0"
    reason = "Borgernes liv er ikke en bunke sager."
    suggestions = "de borgere, vi arbejder med\nforløb"
