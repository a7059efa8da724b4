"""The private parent "staff-only event", and where an event of a private
community or an internal initiative — or a registration for a staff-only event —
could show (tests/test_visibility.py)."""

from django.urls import reverse

from faelles.accounts.factories import MembershipFactory
from faelles.communities.factories import MovementFactory
from faelles.core.visibility import Look, private_parent_case, visibility_case
from faelles.events.factories import EventFactory
from faelles.events.models import CalendarToken
from faelles.events.services import registration_create


def _url(name, municipality, **kwargs):
    return reverse(name, kwargs={"municipality_slug": municipality.slug, **kwargs})


def _pick(parent, field) -> list[Look]:
    """The event form offers the communities and initiatives one may see."""
    municipality = parent.municipality
    if field != "community":
        return [
            Look(
                _url("events:create", municipality),
                shows=str(parent),
                members_see=False,  # only its proposer and staff pick it
            )
        ]
    return [
        Look(
            _url("events:create", municipality) + f"?faellesskab={parent.pk}",
            shows=parent.name,
            members_see=False,  # only hosts and staff pick a community
        )
    ]


@private_parent_case("events.Event", name="staff_only", staff_see=True)
def staff_only_event(municipality):
    """A staff theme day: every employee sees it; the insider is an employee."""
    insider = MembershipFactory(municipality=municipality, is_employee=True).user
    item = EventFactory(
        municipality=municipality,
        title="Temadag for medarbejdere 6604",
        staff_only=True,
    )
    return item, insider


@visibility_case("events.Registration")
def registration(parent, field, *, insider, outsider):
    """The insider signed up for the staff theme day (the outsider, a citizen,
    too — before the event was made staff-only): lists, feeds and the event's
    own pages show it to staff only."""
    municipality = parent.municipality
    for user in (insider, outsider):
        registration_create(event=parent, user=user)
    one = {"pk": parent.pk}
    return [
        Look(_url("events:list", municipality), shows=parent.title),
        Look(_url("events:list", municipality) + "?q=Temadag", shows=parent.title),
        Look(_url("events:mine", municipality), shows=parent.title),
        Look(_url("municipalities:home", municipality), shows=parent.title),
        Look(
            _url("events:municipality_feed", municipality),
            shows=parent.title,
            members_see=False,  # one cached body for everyone: public only
        ),
        Look(_feed(municipality, outsider), shows=parent.title, members_see=False),
        Look(_feed(municipality, insider), shows=parent.title, outsiders_see=True),
        Look(_url("events:detail", municipality, **one)),
        Look(_url("events:ics", municipality, **one)),
        Look(_url("events:attendees", municipality, **one), members_see=False),
        Look(_url("events:signup", municipality, **one), method="post"),
        Look(_url("events:unregister", municipality, **one), method="post"),
    ]


def _feed(municipality, user) -> str:
    token = CalendarToken.objects.create(municipality=municipality, user=user)
    return _url("events:personal_feed", municipality, token=token.token)


@visibility_case(
    "events.Event",
    views=["faelles.events.views", "faelles.communities.movement_views"],
    not_shown={
        "events:feed_reset": "changes the person's feed address, shows no event",
        "movements:list": "lists movements, not their events",
        "movements:create": "a form without events",
        "movements:edit": "the movement's own form, without events",
        "movements:pledge": "a pledge form, without events",
        "movements:withdraw": "withdraws a pledge, shows no event",
        "movements:action": "logs an action, shows no event",
        "movements:team": "creates a team, shows no event",
    },
)
def event(parent, field, *, insider, outsider):
    municipality = parent.municipality
    movement = MovementFactory(municipality=municipality)
    title = "Mindestund ved søen 5309"
    item = EventFactory(
        municipality=municipality, title=title, movement=movement, **{field: parent}
    )
    # Both signed up (the outsider before the event moved into the group):
    # their own pages and personal feeds show only what they may see.
    for user in (insider, outsider):
        registration_create(event=item, user=user)
    one = {"pk": item.pk}
    return [
        Look(_url("events:list", municipality), shows=title),
        Look(_url("events:mine", municipality), shows=title),
        Look(_url("municipalities:home", municipality), shows=title),
        Look(
            _url("events:municipality_feed", municipality),
            shows=title,
            members_see=False,
        ),
        Look(_url("events:movement_feed", municipality, pk=movement.pk), shows=title),
        Look(_url("movements:detail", municipality, pk=movement.pk), shows=title),
        Look(_feed(municipality, outsider), shows=title, members_see=False),
        Look(_feed(municipality, insider), shows=title, outsiders_see=True),
        *(
            [Look(_url("events:community_feed", municipality, pk=parent.pk))]
            if field == "community"
            else []
        ),
        *_pick(parent, field),
        Look(_url("events:detail", municipality, **one)),
        Look(_url("events:ics", municipality, **one)),
        Look(_url("events:edit", municipality, **one), members_see=False),
        Look(_url("events:attendees", municipality, **one), members_see=False),
        Look(_url("events:cancel", municipality, **one), members_see=False),
        Look(_url("events:signup", municipality, **one), method="post"),
        Look(_url("events:unregister", municipality, **one), method="post"),
    ]
