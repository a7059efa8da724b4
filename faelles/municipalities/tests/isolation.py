from faelles.accounts.factories import MembershipFactory
from faelles.core.isolation import isolation_case


@isolation_case("municipalities:manage_person")
def membership(municipality):
    return {"membership_id": MembershipFactory(municipality=municipality).pk}
