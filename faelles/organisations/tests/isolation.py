from faelles.core.isolation import isolation_case
from faelles.organisations.factories import OrganisationFactory


@isolation_case(
    "organisations:detail",
    "organisations:edit",
    "organisations:members",
    "organisations:act_as",
)
def organisation(municipality):
    return {"slug": OrganisationFactory(municipality=municipality).slug}
