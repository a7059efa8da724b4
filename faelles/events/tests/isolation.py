from faelles.accounts.factories import UserFactory
from faelles.communities.factories import CommunityFactory, MovementFactory
from faelles.core.isolation import isolation_case
from faelles.events.factories import EventFactory
from faelles.events.models import CalendarToken


@isolation_case(
    "events:detail",
    "events:edit",
    "events:signup",
    "events:unregister",
    "events:attendees",
    "events:cancel",
    "events:ics",
)
def event(municipality):
    return {"pk": EventFactory(municipality=municipality).pk}


@isolation_case("events:community_feed")
def community_feed(municipality):
    return {"pk": CommunityFactory(municipality=municipality).pk}


@isolation_case("events:movement_feed")
def movement_feed(municipality):
    return {"pk": MovementFactory(municipality=municipality).pk}


@isolation_case("events:personal_feed")
def personal_feed(municipality):
    token = CalendarToken.objects.create(municipality=municipality, user=UserFactory())
    return {"token": token.token}
