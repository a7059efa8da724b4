from datetime import date

from faelles.core.isolation import isolation_case
from faelles.pulse.factories import RoundFactory
from faelles.pulse.models import Concern


@isolation_case("pulse:answer", "pulse:round_close", "pulse:export")
def round_(municipality):
    return {"pk": RoundFactory(municipality=municipality).pk}


@isolation_case("pulse:concern", "pulse:concern_answer", "pulse:concern_hide")
def concern(municipality):
    concern = Concern.objects.create(
        municipality=municipality,
        title="Vagtplanen",
        body="Vagtplanen bliver lagt for sent.",
        month=date(2026, 12, 1),
    )
    return {"pk": concern.pk}
