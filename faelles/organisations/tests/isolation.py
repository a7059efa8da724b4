from faelles.core.isolation import isolation_case
from faelles.organisations.factories import DepartmentFactory, OrganisationFactory


@isolation_case(
    "organisations:detail",
    "organisations:edit",
    "organisations:members",
    "organisations:act_as",
)
def organisation(municipality):
    return {"slug": OrganisationFactory(municipality=municipality).slug}


@isolation_case("municipalities:department_delete")
def department(municipality):
    return {"slug": DepartmentFactory(municipality=municipality).slug}
