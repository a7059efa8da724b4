"""Where an event of a private community could show (tests/test_visibility.py)."""

from django.urls import reverse

from faelles.communities.factories import MovementFactory
from faelles.core.visibility import Look, visibility_case
from faelles.events.factories import EventFactory
from faelles.events.models import CalendarToken
from faelles.events.services import registration_create


def _url(name, municipality, **kwargs):
    return reverse(name, kwargs={"municipality_slug": municipality.slug, **kwargs})


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
        Look(_url("events:community_feed", municipality, pk=parent.pk)),
        Look(
            _url("events:create", municipality) + f"?faellesskab={parent.pk}",
            shows=parent.name,
            members_see=False,  # only hosts and staff pick a community
        ),
        Look(_url("events:detail", municipality, **one)),
        Look(_url("events:ics", municipality, **one)),
        Look(_url("events:edit", municipality, **one), members_see=False),
        Look(_url("events:attendees", municipality, **one), members_see=False),
        Look(_url("events:cancel", municipality, **one), members_see=False),
        Look(_url("events:signup", municipality, **one), method="post"),
        Look(_url("events:unregister", municipality, **one), method="post"),
    ]
