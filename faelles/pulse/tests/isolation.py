from datetime import date, timedelta

from django.utils import timezone

from faelles.core.isolation import isolation_case
from faelles.pulse.factories import RoundFactory
from faelles.pulse.models import Concern


@isolation_case("pulse:answer", "pulse:round_close")
def round_(municipality):
    return {"pk": RoundFactory(municipality=municipality).pk}


@isolation_case("pulse:export")
def closed_round(municipality):
    today = timezone.localdate()
    closed = RoundFactory(
        municipality=municipality,
        opens_on=today - timedelta(days=20),
        closes_on=today - timedelta(days=6),
    )
    return {"pk": closed.pk}


@isolation_case("pulse:concern", "pulse:concern_answer", "pulse:concern_hide")
def concern(municipality):
    concern = Concern.objects.create(
        municipality=municipality,
        title="Vagtplanen",
        body="Vagtplanen bliver lagt for sent.",
        month=date(2026, 12, 1),
    )
    return {"pk": concern.pk}
