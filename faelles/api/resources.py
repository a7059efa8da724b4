"""What the open API publishes: one ``Resource`` per kind of public object.

Each resource says which rows are public (``queryset``: the owning app's own
public filters — published, announced, listed, not invitation-only), which
fields it shows (``properties``, the JSON Schema of one item) and how
(``serialize``), and which filters a list takes. No resource shows a person:
no names, no e-mail, no user ids — only what a municipality, an association or
a group has published (``tests/test_no_personal_data.py`` walks the schema).

The API sits above the features, like the demo loader: it reads their models
and public querysets, and no feature imports it (``tests/test_architecture.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args, get_origin

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _
from pydantic import Field

from faelles.budgeting.models import BudgetRound, Project
from faelles.committees.models import (
    ActionStatus,
    Decision,
    FollowUpAction,
    Recommendation,
    TaskCommittee,
)
from faelles.communities.models import AgeGroup, Community, LifeSituation, Movement
from faelles.dialogue.models import Answer, Hearing
from faelles.dialogue.models import Kind as HearingKind
from faelles.events.models import Event
from faelles.initiatives.models import (
    Initiative,
    InitiativeSettings,
    InitiativeTheme,
    Outcome,
    State,
    Trial,
)
from faelles.municipalities.models import Municipality, Theme
from faelles.municipalities.themes import theme_key
from faelles.resources.models import Commitment, Listing, Side, Visibility
from faelles.resources.models import Kind as ListingKind

from . import schemas as s

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

#: Counts of people below this are not shown (no statistics on groups under 5).
SMALL_GROUP = 5


class BadParameter(Exception):
    """A query parameter that cannot be used; the message is for the caller."""


@dataclass(frozen=True)
class Filter:
    name: str
    #: The type the schema shows for the parameter (``parse`` reads the text).
    shown_as: Any
    description: StrOrPromise
    apply: Callable[[QuerySet[Any], Any], QuerySet[Any]]
    parse: Callable[[str], Any]

    @property
    def enum(self) -> tuple[str, ...]:
        """The values the parameter takes, when it is a list of them."""
        return get_args(self.shown_as) if get_origin(self.shown_as) is Literal else ()


@dataclass(frozen=True)
class Resource:
    name: str  # the component's name in the schema, e.g. "Initiative"
    path: str  # the address below /api/v1/kommuner/{slug}/
    tag: str
    summary: StrOrPromise
    properties: dict[str, s.Spec]
    queryset: Callable[[Municipality], QuerySet[Any]]
    serialize: Callable[[Any, Municipality], dict[str, Any]]
    filters: tuple[Filter, ...] = ()
    detail: bool = True
    #: Nested below one object of another resource: its name and our foreign key.
    parent: str = ""
    parent_field: str = ""
    #: Fetches what a page of items needs in bulk (one query), before serialising.
    prepare: Callable[[list[Any]], None] | None = None
    order: str = "id"
    extra: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def schema(self) -> type[s.ApiSchema]:
        """One item: the ninja Schema (the document's component ``name``)."""
        return s.model(self.name, self.properties, self.summary)


# --- parameter parsing ------------------------------------------------------


def _enum(values: Iterable[str]) -> Callable[[str], str]:
    allowed = list(values)

    def parse(value: str) -> str:
        if value not in allowed:
            raise BadParameter(
                _("Ukendt værdi %(value)s. Mulige værdier: %(allowed)s.")
                % {"value": value[:40], "allowed": ", ".join(allowed)}
            )
        return value

    return parse


def _moment(value: str) -> dt.datetime:
    try:
        moment = parse_datetime(value)
    except ValueError:
        moment = None
    if moment is None:
        try:
            day = parse_date(value)
        except ValueError:
            day = None
        if day is None:
            raise BadParameter(
                _("Skriv tidspunktet som ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DDTtt:mm:ss+01:00.")
            )
        moment = dt.datetime.combine(day, dt.time.min)
    try:
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        moment.astimezone(dt.UTC)  # the database stores UTC
    except (OverflowError, ValueError):
        raise BadParameter(
            _("Tidspunktet ligger uden for, hvad der kan gemmes.")
        ) from None
    return moment


def _theme(value: str) -> str:
    key = theme_key(value)
    if not key:
        raise BadParameter(
            _("Et tema skrives med sin nøgle: små bogstaver, tal og bindestreger.")
        )
    return key


def _boolean(value: str) -> bool:
    if value in ("true", "1"):
        return True
    if value in ("false", "0"):
        return False
    raise BadParameter(_("Skriv true eller false."))


def theme_filter(lookup: str = "theme__key") -> Filter:
    return Filter(
        "theme",
        str,
        _("Kun det, der hører under temaet med denne nøgle (se temaer)."),
        lambda qs, key: qs.filter(**{lookup: key}),
        _theme,
    )


def since_filter(column: str) -> Filter:
    return Filter(
        "updated_since",
        dt.datetime,
        _("Kun det, der er ændret siden dette tidspunkt (eller denne dato)."),
        lambda qs, moment: qs.filter(**{f"{column}__gte": moment}),
        _moment,
    )


def enum_filter(
    name: str, column: str, values: Iterable[str], desc: StrOrPromise
) -> Filter:
    values = list(values)
    return Filter(
        name,
        Literal[tuple(values)],
        desc,
        lambda qs, value: qs.filter(**{column: value}),
        _enum(values),
    )


# --- helpers ------------------------------------------------------------------


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _count(value: int) -> int | None:
    """A count of people, or null when so few that it could point someone out."""
    return value if value >= SMALL_GROUP else None


def _number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _key(theme: Theme | None) -> str | None:
    return theme.key if theme is not None else None


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@lru_cache(maxsize=1024)
def _url_pattern(viewname: str, slug: str) -> tuple[str, str]:
    marker = "987654321"
    url = reverse(viewname, kwargs={"municipality_slug": slug, "pk": int(marker)})
    before, _marker, after = url.partition(marker)
    return before, after


def site_url(viewname: str, municipality: Municipality, pk: int) -> str:
    """The address of an object's page on the site: one ``reverse`` per kind and
    municipality, not one per item of a page."""
    before, after = _url_pattern(viewname, municipality.slug)
    return f"{before}{pk}{after}"


def api_url(municipality: Municipality, path: str) -> str:
    return f"{reverse('api:root')}kommuner/{municipality.slug}/{path}"


# --- municipalities and themes ------------------------------------------------

MUNICIPALITY: dict[str, s.Spec] = {
    "slug": s.string(),
    "name": s.string(),
    "programme_name": s.string(),
    "programme_name_en": s.string(),
    "programme_text": s.string(),
    "website": s.string(),
    "url": s.string(fmt="uri-reference"),
    "api_url": s.string(fmt="uri-reference"),
}


def municipality_data(m: Municipality) -> dict[str, Any]:
    return {
        "slug": m.slug,
        "name": m.name,
        "programme_name": m.programme_name,
        "programme_name_en": m.programme_name_en,
        "programme_text": m.programme_text,
        "website": m.website,
        "url": m.get_absolute_url(),
        "api_url": api_url(m, ""),
    }


THEMES = Resource(
    name="Theme",
    path="temaer",
    tag="temaer",
    summary=_("Kommunens temaer (strategiens emner), som alt andet filtreres efter"),
    properties={
        "id": s.integer(),
        "key": s.string(),
        "name": s.string(),
        "name_en": s.string(),
        "description": s.string(),
        "description_en": s.string(),
        "is_active": s.boolean(),
        "position": s.integer(minimum=0),
    },
    queryset=lambda m: Theme.objects.for_municipality(m),
    serialize=lambda t, m: {
        "id": t.pk,
        "key": t.key,
        "name": t.name,
        "name_en": t.name_en,
        "description": t.description,
        "description_en": t.description_en,
        "is_active": t.is_active,
        "position": t.position,
    },
    detail=False,
)


# --- resources and needs ------------------------------------------------------


def _listings(m: Municipality) -> QuerySet[Any]:
    # Only what the person chose to show to everyone; health and lived
    # experience can never be public (a database constraint says so too).
    return (
        Listing.objects.for_municipality(m)
        .active()
        .filter(visibility=Visibility.PUBLIC)
        .exclude(kind=ListingKind.LIVED_EXPERIENCE)
        .only(
            "id",
            "municipality_id",
            "side",
            "kind",
            "categories",
            "title",
            "text",
            "mode_in_person",
            "mode_online",
            "mode_phone",
            "commitment",
            "languages",
            "expires_on",
            "created_at",
            "updated_at",
        )
    )


LISTINGS = Resource(
    name="Listing",
    path="ressourcer",
    tag="ressourcer og behov",
    summary=_("Ressourcer og behov, som er vist for alle"),
    properties={
        "id": s.integer(),
        "side": s.string(enum=Side.values),
        "kind": s.string(
            enum=[k for k in ListingKind.values if k != "lived_experience"]
        ),
        "categories": s.array(s.string()),
        "title": s.string(),
        "text": s.string(),
        "modes": s.array(s.string(enum=["in_person", "online", "phone"])),
        "commitment": s.string(enum=["", *Commitment.values]),
        "languages": s.array(s.string()),
        "expires_on": s.date_(),
        "created_at": s.datetime_(),
        "updated_at": s.datetime_(),
        "url": s.string(fmt="uri-reference"),
    },
    queryset=_listings,
    serialize=lambda x, m: {
        "id": x.pk,
        "side": x.side,
        "kind": x.kind,
        "categories": [str(c) for c in x.categories],
        "title": x.title,
        "text": x.text,
        "modes": [
            mode
            for mode, on in (
                ("in_person", x.mode_in_person),
                ("online", x.mode_online),
                ("phone", x.mode_phone),
            )
            if on
        ],
        "commitment": x.commitment,
        "languages": [str(c) for c in x.languages],
        "expires_on": _iso(x.expires_on),
        "created_at": _iso(x.created_at),
        "updated_at": _iso(x.updated_at),
        "url": site_url("resources:detail", m, x.pk),
    },
    filters=(
        enum_filter("side", "side", Side.values, _("offer: ressourcer, need: behov")),
        enum_filter(
            "kind",
            "kind",
            [k for k in ListingKind.values if k != "lived_experience"],
            _("Slags ressource eller behov"),
        ),
        since_filter("updated_at"),
    ),
)


# --- initiatives and trials ---------------------------------------------------


def _attach_themes(items: list[Any]) -> None:
    keys: dict[int, list[str]] = {}
    rows = (
        InitiativeTheme.objects.filter(initiative_id__in=[i.pk for i in items])
        .order_by("theme__position", "theme_id")
        .values_list("initiative_id", "theme__key")
    )
    for initiative_id, key in rows:
        keys.setdefault(initiative_id, []).append(key)
    for item in items:
        item.api_themes = keys.get(item.pk, [])


INITIATIVES = Resource(
    name="Initiative",
    path="initiativer",
    tag="initiativer",
    summary=_("Borgernes initiativer (trukket tilbage er ikke med)"),
    properties={
        "id": s.integer(),
        "title": s.string(),
        "challenge": s.string(),
        "idea": s.string(),
        "target_group": s.string(),
        "place": s.string(),
        "state": s.string(enum=State.values),
        "themes": s.array(s.string()),
        "support_count": s.integer(minimum=0),
        "comment_count": s.integer(minimum=0),
        "participant_count": s.integer(nullable=True, minimum=SMALL_GROUP),
        "created_at": s.datetime_(),
        "updated_at": s.datetime_(),
        "state_changed_at": s.datetime_(nullable=True),
        "url": s.string(fmt="uri-reference"),
    },
    queryset=lambda m: (
        Initiative.objects.for_municipality(m)
        .visible()
        .only(
            "id",
            "municipality_id",
            "title",
            "challenge",
            "idea",
            "target_group",
            "place",
            "state",
            "support_count",
            "comment_count",
            "participant_count",
            "created_at",
            "updated_at",
            "state_changed_at",
        )
    ),
    serialize=lambda i, m: {
        "id": i.pk,
        "title": i.title,
        "challenge": i.challenge,
        "idea": i.idea,
        "target_group": i.target_group,
        "place": i.place,
        "state": i.state,
        "themes": i.api_themes,
        "support_count": i.support_count,
        "comment_count": i.comment_count,
        "participant_count": _count(i.participant_count),
        "created_at": _iso(i.created_at),
        "updated_at": _iso(i.updated_at),
        "state_changed_at": _iso(i.state_changed_at),
        "url": site_url("initiatives:detail", m, i.pk),
    },
    filters=(
        enum_filter(
            "state",
            "state",
            [v for v in State.values if v != State.WITHDRAWN],
            _("Initiativets status"),
        ),
        Filter(
            "theme",
            str,
            _("Kun det, der hører under temaet med denne nøgle (se temaer)."),
            lambda qs, key: qs.filter(
                pk__in=InitiativeTheme.objects.filter(theme__key=key).values(
                    "initiative_id"
                )
            ),
            _theme,
        ),
        since_filter("updated_at"),
    ),
    prepare=_attach_themes,
)


def _trials(m: Municipality) -> QuerySet[Any]:
    # The learning library: public only when the municipality shares it.
    shared = InitiativeSettings.objects.filter(
        municipality=m, library_public=True
    ).exists()
    qs = Trial.objects.for_municipality(m).exclude(initiative__state=State.WITHDRAWN)
    return qs if shared else qs.none()


TRIALS = Resource(
    name="Trial",
    path="proevehandlinger",
    tag="prøvehandlinger",
    summary=_(
        "Prøvehandlinger med hypotese og evaluering (kun når kommunen deler "
        "læringsbanken offentligt)"
    ),
    properties={
        "id": s.integer(),
        "initiative_id": s.integer(),
        "round": s.integer(minimum=1),
        "we_believe": s.string(),
        "will_lead_to": s.string(),
        "what_is_tried": s.string(),
        "starts_on": s.date_(),
        "ends_on": s.date_(),
        "evaluation": s.obj(
            "TrialEvaluation",
            {
                "outcome": s.string(enum=Outcome.values),
                "learned": s.string(),
                "do_differently": s.string(),
                "evaluated_at": s.datetime_(nullable=True),
            },
            nullable=True,
        ),
        "url": s.string(fmt="uri-reference"),
    },
    queryset=_trials,
    serialize=lambda t, m: {
        "id": t.pk,
        "initiative_id": t.initiative_id,
        "round": t.round,
        "we_believe": t.we_believe,
        "will_lead_to": t.will_lead_to,
        "what_is_tried": t.what_is_tried,
        "starts_on": _iso(t.starts_on),
        "ends_on": _iso(t.ends_on),
        "evaluation": (
            {
                "outcome": t.outcome,
                "learned": t.learned,
                "do_differently": t.do_differently,
                "evaluated_at": _iso(t.evaluated_at),
            }
            if t.outcome
            else None
        ),
        "url": site_url("initiatives:detail", m, t.initiative_id),
    },
    filters=(
        enum_filter(
            "outcome", "outcome", Outcome.values, _("Udfaldet af evalueringen")
        ),
        Filter(
            "evaluated",
            Literal["true", "false"],
            _("true: kun evaluerede, false: kun dem, der ikke er evalueret endnu"),
            lambda qs, value: qs.filter(outcome__isnull=not value),
            _boolean,
        ),
    ),
)


# --- communities, movements, events ------------------------------------------


COMMUNITIES = Resource(
    name="Community",
    path="faellesskaber",
    tag="fællesskaber",
    summary=_(
        "Fællesskaber, man kan finde og melde sig ind i (ikke dem kun for inviterede)"
    ),
    properties={
        "id": s.integer(),
        "name": s.string(),
        "description": s.string(),
        "theme": s.string(nullable=True),
        "access": s.string(enum=["open", "closed"]),
        "place": s.string(),
        "area": s.string(),
        "meeting_rhythm": s.string(),
        "age_group": s.string(enum=AgeGroup.values),
        "life_situation": s.string(enum=LifeSituation.values),
        "target_group": s.string(),
        "member_count": s.integer(nullable=True, minimum=SMALL_GROUP),
        "created_at": s.datetime_(),
        "url": s.string(fmt="uri-reference"),
        "ical_url": s.string(fmt="uri-reference"),
    },
    queryset=lambda m: (
        Community.objects.for_municipality(m).listed().select_related("theme")
    ),
    serialize=lambda c, m: {
        "id": c.pk,
        "name": c.name,
        "description": c.description,
        "theme": _key(c.theme),
        "access": c.access,
        "place": c.place,
        "area": c.area,
        "meeting_rhythm": c.meeting_rhythm,
        "age_group": c.age_group,
        "life_situation": c.life_situation,
        "target_group": c.target_group,
        "member_count": _count(c.member_count),
        "created_at": _iso(c.created_at),
        "url": site_url("communities:detail", m, c.pk),
        "ical_url": site_url("events:community_feed", m, c.pk),
    },
    filters=(
        theme_filter(),
        enum_filter("age_group", "age_group", AgeGroup.values, _("Aldersgruppe")),
        enum_filter(
            "life_situation", "life_situation", LifeSituation.values, _("Livssituation")
        ),
    ),
)

MOVEMENTS = Resource(
    name="Movement",
    path="bevaegelser",
    tag="bevægelser",
    summary=_("Bevægelser med et fælles, målbart mål"),
    properties={
        "id": s.integer(),
        "title": s.string(),
        "description": s.string(),
        "goal": s.string(),
        "led_by": s.string(enum=Movement.LedBy.values),
        "unit": s.string(enum=Movement.Unit.values),
        "target": s.number(),
        "pledged_total": s.number(),
        "achieved_total": s.number(),
        "participant_count": s.integer(nullable=True, minimum=SMALL_GROUP),
        "starts_on": s.date_(nullable=True),
        "ends_on": s.date_(nullable=True),
        "created_at": s.datetime_(),
        "url": s.string(fmt="uri-reference"),
        "ical_url": s.string(fmt="uri-reference"),
    },
    queryset=lambda m: Movement.objects.for_municipality(m).active(),
    serialize=lambda v, m: {
        "id": v.pk,
        "title": v.title,
        "description": v.description,
        "goal": v.goal,
        "led_by": v.led_by,
        "unit": v.unit,
        "target": _number(v.target),
        "pledged_total": _number(v.pledged_total),
        "achieved_total": _number(v.achieved_total),
        "participant_count": _count(v.participant_count),
        "starts_on": _iso(v.starts_on),
        "ends_on": _iso(v.ends_on),
        "created_at": _iso(v.created_at),
        "url": site_url("movements:detail", m, v.pk),
        "ical_url": site_url("events:movement_feed", m, v.pk),
    },
)


EVENTS = Resource(
    name="Event",
    path="arrangementer",
    tag="arrangementer",
    summary=_(
        "Arrangementer (ikke dem i fællesskaber kun for inviterede); alle også som "
        "iCalendar på ical_url"
    ),
    properties={
        "id": s.integer(),
        "title": s.string(),
        "description": s.string(),
        "starts_at": s.datetime_(),
        "ends_at": s.datetime_(),
        "place": s.string(),
        "status": s.string(enum=Event.Status.values),
        "step_free": s.boolean(),
        "hearing_loop": s.boolean(),
        "accessible_toilet": s.boolean(),
        "accessibility_note": s.string(),
        "capacity": s.integer(nullable=True, minimum=0),
        "places_left": s.integer(nullable=True, minimum=0),
        "community_id": s.integer(nullable=True),
        "movement_id": s.integer(nullable=True),
        "initiative_id": s.integer(nullable=True),
        "created_at": s.datetime_(),
        "url": s.string(fmt="uri-reference"),
        "ical_url": s.string(fmt="uri-reference"),
    },
    queryset=lambda m: Event.objects.for_municipality(m).visible_to(AnonymousUser(), m),
    serialize=lambda e, m: {
        "id": e.pk,
        "title": e.title,
        "description": e.description,
        "starts_at": _iso(e.starts_at),
        "ends_at": _iso(e.ends_at),
        "place": e.place,
        "status": e.status,
        "step_free": e.step_free,
        "hearing_loop": e.hearing_loop,
        "accessible_toilet": e.accessible_toilet,
        "accessibility_note": e.accessibility_note,
        "capacity": e.capacity,
        "places_left": e.places_left,
        "community_id": e.community_id,
        "movement_id": e.movement_id,
        "initiative_id": e.initiative_id,
        "created_at": _iso(e.created_at),
        "url": site_url("events:detail", m, e.pk),
        "ical_url": site_url("events:ics", m, e.pk),
    },
    filters=(
        Filter(
            "starts_after",
            dt.datetime,
            _(
                "Kun arrangementer, der starter efter dette tidspunkt (eller denne dato)."
            ),
            lambda qs, moment: qs.filter(starts_at__gte=moment),
            _moment,
        ),
        enum_filter(
            "status", "status", Event.Status.values, _("Offentliggjort eller aflyst")
        ),
        Filter(
            "community",
            Annotated[int, Field(ge=1)],
            _("Kun arrangementer i dette fællesskab"),
            lambda qs, pk: qs.filter(community_id=pk),
            lambda v: _positive_id(v),
        ),
    ),
)


def _positive_id(value: str) -> int:
    from faelles.core.params import parse_id

    pk = parse_id(value)
    if pk is None:
        raise BadParameter(_("Skriv et id som et positivt heltal."))
    return pk


# --- participatory budgeting ------------------------------------------------


def _round_results(r: BudgetRound) -> dict[str, Any] | None:
    if not r.has_results or not r.results:
        return None
    voters = r.results.get("voters")
    return {
        "computed_at": _iso(r.results_computed_at),
        "rule": str(r.results.get("rule", r.counting_rule)),
        "funded": [int(pk) for pk in r.results.get("funded", [])],
        "voters": _count(voters) if isinstance(voters, int) else None,
    }


ROUNDS = Resource(
    name="BudgetRound",
    path="borgerbudgetter",
    tag="borgerbudget",
    summary=_(
        "Borgerbudgetter med resultat; stemmerne også som Pabulib-fil på pabulib_url"
    ),
    properties={
        "id": s.integer(),
        "title": s.string(),
        "description": s.string(),
        "budget": s.integer(minimum=1),
        "area_name": s.string(),
        "phase": s.string(),
        "proposals_start": s.datetime_(nullable=True),
        "proposals_end": s.datetime_(nullable=True),
        "voting_start": s.datetime_(nullable=True),
        "voting_end": s.datetime_(nullable=True),
        "ballot_type": s.string(),
        "counting_rule": s.string(),
        "results": s.obj(
            "BudgetRoundResults",
            {
                "computed_at": s.datetime_(nullable=True),
                "rule": s.string(),
                "funded": s.array(s.integer()),
                "voters": s.integer(nullable=True, minimum=SMALL_GROUP),
            },
            nullable=True,
        ),
        "created_at": s.datetime_(),
        "url": s.string(fmt="uri-reference"),
        "projects_url": s.string(fmt="uri-reference"),
        "pabulib_url": s.string(nullable=True, fmt="uri-reference"),
    },
    queryset=lambda m: BudgetRound.objects.for_municipality(m).visible(),
    serialize=lambda r, m: {
        "id": r.pk,
        "title": r.title,
        "description": r.description,
        "budget": r.budget,
        "area_name": r.area_name,
        "phase": r.phase,
        "proposals_start": _iso(r.proposals_start),
        "proposals_end": _iso(r.proposals_end),
        "voting_start": _iso(r.voting_start),
        "voting_end": _iso(r.voting_end),
        "ballot_type": r.ballot_type,
        "counting_rule": r.counting_rule,
        "results": _round_results(r),
        "created_at": _iso(r.created_at),
        "url": site_url("budgeting:detail", m, r.pk),
        "projects_url": api_url(m, f"borgerbudgetter/{r.pk}/projekter/"),
        "pabulib_url": (
            site_url("budgeting:export", m, r.pk) if r.has_results else None
        ),
    },
)

PROJECTS = Resource(
    name="BudgetProject",
    path="projekter",
    tag="borgerbudget",
    summary=_("Et borgerbudgets projekter på stemmesedlen, med hvem der fik penge"),
    properties={
        "id": s.integer(),
        "round_id": s.integer(),
        "title": s.string(),
        "description": s.string(),
        "cost": s.integer(minimum=1),
        "area": s.string(),
        "theme": s.string(nullable=True),
        "is_funded": s.boolean(),
        "implementation_status": s.string(),
        "url": s.string(fmt="uri-reference"),
    },
    queryset=lambda m: (
        Project.objects.for_municipality(m)
        .on_ballot()
        .filter(round__in=BudgetRound.objects.for_municipality(m).visible())
        .select_related("theme")
    ),
    serialize=lambda p, m: {
        "id": p.pk,
        "round_id": p.round_id,
        "title": p.title,
        "description": p.description,
        "cost": p.cost,
        "area": p.area,
        "theme": _key(p.theme),
        "is_funded": p.is_funded,
        "implementation_status": p.implementation_status,
        "url": site_url("budgeting:project_detail", m, p.pk),
    },
    filters=(
        theme_filter(),
        Filter(
            "funded",
            Literal["true", "false"],
            _("true: kun projekter, der fik penge"),
            lambda qs, value: qs.filter(is_funded=value),
            _boolean,
        ),
    ),
    detail=False,
    parent="BudgetRound",
    parent_field="round_id",
)


# --- hearings -----------------------------------------------------------------


def _answer(h: Hearing) -> dict[str, Any] | None:
    answer = getattr(h, "published_answer", None)
    if not answer:
        return None
    a = answer[0]
    return {
        "heard": a.heard,
        "changed": a.changed,
        "not_changed": a.not_changed,
        "published_at": _iso(a.published_at),
    }


def _attach_answers(items: list[Any]) -> None:
    answers: dict[int, list[Answer]] = {}
    for a in Answer.objects.filter(
        hearing_id__in=[h.pk for h in items], published_at__isnull=False
    ):
        answers[a.hearing_id] = [a]
    for h in items:
        h.published_answer = answers.get(h.pk, [])


HEARINGS = Resource(
    name="Hearing",
    path="hoeringer",
    tag="høringer",
    summary=_("Høringer og debatter, når de er annonceret, med kommunens svar"),
    properties={
        "id": s.integer(),
        "kind": s.string(enum=HearingKind.values),
        "title": s.string(),
        "question": s.string(),
        "theme": s.string(nullable=True),
        "announced_at": s.datetime_(),
        "opens_at": s.datetime_(),
        "closes_at": s.datetime_(),
        "answered_at": s.datetime_(nullable=True),
        "comment_count": s.integer(minimum=0),
        "initiative_id": s.integer(nullable=True),
        "budget_round_id": s.integer(nullable=True),
        "committee_id": s.integer(nullable=True),
        "answer": s.obj(
            "HearingAnswer",
            {
                "heard": s.string(),
                "changed": s.string(),
                "not_changed": s.string(),
                "published_at": s.datetime_(nullable=True),
            },
            nullable=True,
        ),
        "url": s.string(fmt="uri-reference"),
    },
    queryset=lambda m: (
        Hearing.objects.for_municipality(m).announced().select_related("theme")
    ),
    serialize=lambda h, m: {
        "id": h.pk,
        "kind": h.kind,
        "title": h.title,
        "question": h.question,
        "theme": _key(h.theme),
        "announced_at": _iso(h.announced_at),
        "opens_at": _iso(h.opens_at),
        "closes_at": _iso(h.closes_at),
        "answered_at": _iso(h.answered_at),
        "comment_count": h.comment_count,
        "initiative_id": h.initiative_id,
        "budget_round_id": h.budget_round_id,
        "committee_id": h.committee_id,
        "answer": _answer(h),
        "url": site_url("dialogue:detail", m, h.pk),
    },
    filters=(
        theme_filter(),
        enum_filter("kind", "kind", HearingKind.values, _("Høring eller debat")),
    ),
    prepare=_attach_answers,
)


# --- task committees ----------------------------------------------------------

COMMITTEES = Resource(
    name="TaskCommittee",
    path="opgaveudvalg",
    tag="opgaveudvalg",
    summary=_("Opgaveudvalg (§ 17, stk. 4) med kommissorium og periode"),
    properties={
        "id": s.integer(),
        "title": s.string(),
        "theme": s.string(nullable=True),
        "summary": s.string(),
        "mandate": s.string(),
        "questions": s.array(s.string()),
        "period_start": s.date_(),
        "period_end": s.date_(),
        "phase": s.string(),
        "selection_method": s.string(),
        "seats": s.integer(minimum=1),
        "handed_over_at": s.datetime_(nullable=True),
        "url": s.string(fmt="uri-reference"),
        "recommendations_url": s.string(fmt="uri-reference"),
    },
    queryset=lambda m: (
        TaskCommittee.objects.for_municipality(m).public().select_related("theme")
    ),
    serialize=lambda c, m: {
        "id": c.pk,
        "title": c.title,
        "theme": _key(c.theme),
        "summary": c.summary,
        "mandate": c.mandate,
        "questions": _lines(c.questions),
        "period_start": _iso(c.period_start),
        "period_end": _iso(c.period_end),
        "phase": c.phase,
        "selection_method": c.selection_method,
        "seats": c.seats,
        "handed_over_at": _iso(c.handed_over_at),
        "url": site_url("committees:detail", m, c.pk),
        "recommendations_url": api_url(m, f"opgaveudvalg/{c.pk}/anbefalinger/"),
    },
    filters=(theme_filter(),),
)


#: The columns of a follow-up action the API shows, read as plain values (no
#: model instances: a committee's page can carry hundreds of actions).
_FOLLOW_UP_COLUMNS = (
    "recommendation_id",
    "id",
    "title",
    "description",
    "owner__name",
    "status",
    "progress",
    "start_date",
    "due_date",
    "completed_on",
    "updated_at",
)


def _attach_follow_up(items: list[Any]) -> None:
    """Every recommendation's follow-up actions, oldest due first, in one query of
    plain values: building a model instance (and its department's) for each of a
    page's hundreds of actions was most of the request (docs/benchmarks.md)."""
    actions: dict[int, list[dict[str, Any]]] = {r.pk: [] for r in items}
    rows = (
        FollowUpAction.objects.filter(recommendation_id__in=list(actions))
        .order_by("due_date", "id")
        .values_list(*_FOLLOW_UP_COLUMNS)
    )
    for (
        recommendation_id,
        pk,
        title,
        description,
        department,
        status,
        progress,
        start_date,
        due_date,
        completed_on,
        updated_at,
    ) in rows:
        actions[recommendation_id].append(
            {
                "id": pk,
                "title": title,
                "description": description,
                "department": department,
                "status": status,
                "progress": progress,
                "start_date": _iso(start_date),
                "due_date": _iso(due_date),
                "completed_on": _iso(completed_on),
                "updated_at": _iso(updated_at),
            }
        )
    for r in items:
        r.follow_up = actions[r.pk]


RECOMMENDATIONS = Resource(
    name="Recommendation",
    path="anbefalinger",
    tag="opgaveudvalg",
    summary=_(
        "Et opgaveudvalgs anbefalinger, når de er afleveret, med byrådets "
        "beslutning og opfølgningen"
    ),
    properties={
        "id": s.integer(),
        "committee_id": s.integer(),
        "number": s.integer(minimum=0),
        "title": s.string(),
        "rationale": s.string(),
        "expected_cost": s.integer(nullable=True, minimum=0),
        "theme": s.string(nullable=True),
        "decision": s.string(enum=Decision.values),
        "decision_reason": s.string(),
        "decided_at": s.date_(nullable=True),
        "follow_up": s.array(
            s.obj(
                "FollowUpAction",
                {
                    "id": s.integer(),
                    "title": s.string(),
                    "description": s.string(),
                    "department": s.string(),
                    "status": s.string(enum=ActionStatus.values),
                    "progress": s.integer(minimum=0),
                    "start_date": s.date_(nullable=True),
                    "due_date": s.date_(),
                    "completed_on": s.date_(nullable=True),
                    "updated_at": s.datetime_(),
                },
            )
        ),
        "url": s.string(fmt="uri-reference"),
    },
    queryset=lambda m: (
        Recommendation.objects.for_municipality(m)
        .filter(
            committee__in=TaskCommittee.objects.for_municipality(m)
            .public()
            .filter(handed_over_at__isnull=False)
        )
        .select_related("theme")
    ),
    serialize=lambda r, m: {
        "id": r.pk,
        "committee_id": r.committee_id,
        "number": r.number,
        "title": r.title,
        "rationale": r.rationale,
        "expected_cost": r.expected_cost,
        "theme": _key(r.theme),
        "decision": r.decision,
        "decision_reason": r.decision_reason,
        "decided_at": _iso(r.decided_at),
        "follow_up": r.follow_up,
        "url": site_url("committees:recommendation", m, r.pk),
    },
    filters=(
        enum_filter("decision", "decision", Decision.values, _("Byrådets beslutning")),
    ),
    detail=False,
    parent="TaskCommittee",
    parent_field="committee_id",
    prepare=_attach_follow_up,
)


RESOURCES: tuple[Resource, ...] = (
    THEMES,
    LISTINGS,
    INITIATIVES,
    TRIALS,
    COMMUNITIES,
    MOVEMENTS,
    EVENTS,
    ROUNDS,
    PROJECTS,
    HEARINGS,
    COMMITTEES,
    RECOMMENDATIONS,
)
BY_NAME = {r.name: r for r in RESOURCES}
