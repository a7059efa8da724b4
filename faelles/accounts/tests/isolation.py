from faelles.accounts.factories import MembershipFactory
from faelles.accounts.models import ProfileVisibility
from faelles.core.isolation import isolation_case


@isolation_case("people:person_detail")
def person(municipality):
    membership = MembershipFactory(municipality=municipality)
    membership.user.profile_visibility = ProfileVisibility.PUBLIC
    membership.user.save()
    return {"user_id": membership.user_id}
