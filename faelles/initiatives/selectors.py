"""Reads about initiatives, trials and stories; always scoped to a municipality."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypedDict

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import get_language

from faelles.core.pagination import KeysetPage, keyset_page
from faelles.core.params import parse_id
from faelles.core.visibility import visible_children
from faelles.municipalities.themes import theme_key, theme_labels

from . import search
from .models import (
    Comment,
    Follow,
    Initiative,
    InitiativeSettings,
    InitiativeTheme,
    Outcome,
    Participation,
    State,
    Story,
    Support,
    Transition,
    Trial,
)

MIN_GROUP = 5


def settings_for(municipality) -> InitiativeSettings:
    """The municipality's settings, or unsaved defaults (a read never writes)."""
    found = InitiativeSettings.objects.filter(municipality=municipality).first()
    return found or InitiativeSettings(municipality=municipality)


def initiative_list(
    *,
    municipality,
    user=None,
    state: str = "",
    theme: str = "",
    query: str = "",
    after: str | None = None,
    per_page: int = 20,
) -> KeysetPage:
    qs = Initiative.objects.for_municipality(municipality).select_related(
        "organisation"
    )
    qs = qs.filter(state=state) if state in State.values else qs.visible()
    qs = qs.visible_to(user or AnonymousUser(), municipality)
    if theme := theme_key(theme):
        qs = qs.filter(
            pk__in=InitiativeTheme.objects.filter(
                municipality=municipality, theme__key=theme
            ).values("initiative_id")
        )
    if query:
        qs = search.filter_initiatives(qs, query)
    qs = qs.only(
        "id",
        "municipality_id",
        "title",
        "idea",
        "state",
        "place",
        "postcode",
        "support_count",
        "comment_count",
        "participant_count",
        "created_at",
        "staff_only",
        "organisation__name",
    )
    return keyset_page(qs, after=after, per_page=per_page)


def themes_for(initiative_ids) -> dict[int, list[str]]:
    """{initiative id: its themes' names in the reader's language}, one query."""
    out: dict[int, list[str]] = {}
    rows = (
        InitiativeTheme.objects.filter(initiative_id__in=initiative_ids)
        .order_by("theme__position", "theme_id")
        .values_list("initiative_id", "theme__name", "theme__name_en")
    )
    english = get_language() == "en"
    for iid, name, name_en in rows:
        out.setdefault(iid, []).append(name_en if english and name_en else name)
    return out


PERSON = ("id", "display_name", "email")  # what str(user) needs
ORGANISATION = ("id", "municipality_id", "slug", "name")


def _only(prefix: str, fields) -> list[str]:
    return [f"{prefix}__{f}" for f in fields]


def initiative_detail(*, municipality, pk: int) -> Initiative:
    """The initiative with everything its page shows, loaded with only the
    columns it uses (the page is the richest in the app)."""
    from faelles.accounts.models import User
    from faelles.municipalities.tenancy import get_scoped_or_404

    qs = (
        Initiative.objects.select_related(
            "proposer", "organisation", "facilitator", "department", "focus_area"
        )
        .defer("search_vector")
        .defer(
            *[
                f"{relation}__{field.name}"
                for relation, model in (("proposer", User), ("facilitator", User))
                for field in model._meta.concrete_fields
                if field.name not in PERSON
            ]
        )
        .prefetch_related(
            "principles",
            Prefetch(
                "themes",
                queryset=InitiativeTheme.objects.select_related("theme").order_by(
                    "theme__position", "theme_id"
                ),
            ),
            "images",
            "needs",
            Prefetch("team", queryset=User.objects.only(*PERSON)),
            Prefetch(
                "transitions",
                queryset=Transition.objects.select_related("actor").only(
                    "id",
                    "initiative_id",
                    "from_state",
                    "to_state",
                    "reason",
                    "created_at",
                    *_only("actor", PERSON),
                ),
            ),
        )
    )
    return get_scoped_or_404(qs, municipality, pk=pk)


@dataclass
class CommentThread:
    comment: Comment
    replies: list[Comment]


COMMENT_FIELDS = (
    "id",
    "initiative_id",
    "parent_id",
    "body",
    "is_from_municipality",
    "is_hidden",
    "hidden_reason",
    "created_at",
    *_only("author", PERSON),
    *_only("organisation", ORGANISATION),
)


def comment_threads(
    *, initiative: Initiative, after: str | None = None, per_page: int = 20
) -> tuple[list[CommentThread], int | None]:
    """Top-level comments oldest first (keyset on id), with their replies.

    Two indexed queries: the page's roots (partial index ``comment_root_idx``) and
    their replies (index on ``parent``). One query with ``id IN (…) OR parent_id
    IN (…)`` looks tempting but makes PostgreSQL scan every comment.
    """
    cursor = parse_id(after) or 0
    roots = list(
        Comment.objects.filter(
            initiative=initiative, parent__isnull=True, id__gt=cursor
        )
        .select_related("author", "organisation")
        .only(*COMMENT_FIELDS)
        .order_by("id")[: per_page + 1]
    )
    more = len(roots) > per_page
    roots = roots[:per_page]
    replies: dict[int, list[Comment]] = {}
    if roots:
        for reply in (
            Comment.objects.filter(parent_id__in=[c.pk for c in roots])
            .select_related("author", "organisation")
            .only(*COMMENT_FIELDS)
            .order_by("id")
        ):
            assert reply.parent_id is not None  # replies only, by the filter
            replies.setdefault(reply.parent_id, []).append(reply)
    threads = [CommentThread(c, replies.get(c.pk, [])) for c in roots]
    return threads, (roots[-1].pk if more and roots else None)


class ViewerState(TypedDict):
    supported: bool
    following: bool
    joined: bool


def viewer_state(*, initiative: Initiative, user) -> ViewerState:
    """Whether the person supports, follows and takes part — in one query."""
    if not user.is_authenticated:
        return {"supported": False, "following": False, "joined": False}
    return (
        Initiative.objects.filter(pk=initiative.pk)
        .annotate(
            supported=Exists(
                Support.objects.filter(
                    initiative=OuterRef("pk"), user=user, organisation__isnull=True
                )
            ),
            following=Exists(
                Follow.objects.filter(initiative=OuterRef("pk"), user=user)
            ),
            joined=Exists(
                Participation.objects.filter(initiative=OuterRef("pk"), user=user)
            ),
        )
        .values("supported", "following", "joined")
        .get()
    )


def worklist(*, municipality, user) -> QuerySet[Initiative]:
    """Open initiatives the person facilitates or is on the team of."""
    # Two indexed look-ups: an OR across the team table would scan every initiative.
    ids = list(
        Initiative.objects.for_municipality(municipality)
        .filter(facilitator=user)
        .values_list("id", flat=True)
    ) + list(
        Initiative.team.through.objects.filter(user=user).values_list(
            "initiative_id", flat=True
        )
    )
    return (
        Initiative.objects.for_municipality(municipality)
        .filter(pk__in=ids)
        .exclude(state__in=[State.ANCHORED, State.STOPPED, State.WITHDRAWN])
        .select_related("proposer")
        .only(
            "id",
            "municipality_id",
            "title",
            "state",
            "state_changed_at",
            "proposer__id",
            "proposer__display_name",
        )
        .order_by("state_changed_at", "id")
    )


def awaiting_response(
    *, municipality, now: datetime | None = None
) -> QuerySet[Initiative]:
    days = settings_for(municipality).response_days
    before = (now or timezone.now()) - timedelta(days=days)
    return (
        Initiative.objects.for_municipality(municipality)
        .awaiting_response(before=before)
        .select_related("proposer", "organisation")
        .order_by("created_at", "id")
    )


def unassigned(*, municipality) -> QuerySet[Initiative]:
    return (
        Initiative.objects.for_municipality(municipality)
        .filter(facilitator__isnull=True)
        .exclude(state__in=[State.ANCHORED, State.STOPPED, State.WITHDRAWN])
        .only("id", "municipality_id", "title", "state", "created_at")
        .order_by("created_at", "id")
    )


# --- learning library ---------------------------------------------------------


def library(
    *,
    municipality,
    user=None,
    theme: str = "",
    department: str = "",
    outcome: str = "",
    query: str = "",
    after: str | None = None,
    per_page: int = 20,
) -> KeysetPage:
    qs = (
        Trial.objects.for_municipality(municipality)
        .evaluated()
        .select_related("initiative", "department")
    )
    # Internal trials are in the staff's library only (docs/staff-only.md).
    qs = visible_children(qs, user or AnonymousUser(), municipality)
    if outcome in Outcome.values:
        qs = qs.filter(outcome=outcome)
    if theme := theme_key(theme):
        qs = qs.filter(
            initiative_id__in=InitiativeTheme.objects.filter(
                municipality=municipality, theme__key=theme
            ).values("initiative_id")
        )
    if (department_id := parse_id(department)) is not None:
        qs = qs.filter(department_id=department_id)
    if query:
        qs = search.filter_trials(qs, query)
    qs = qs.only(
        "id",
        "municipality_id",
        "initiative_id",
        "we_believe",
        "will_lead_to",
        "learned",
        "outcome",
        "evaluated_at",
        "initiative__id",
        "initiative__municipality_id",
        "initiative__title",
        "initiative__staff_only",
        "department__id",
        "department__name",
    )
    return keyset_page(qs, after=after, per_page=per_page)


def _stat_rows(groups: dict, labels: dict) -> list[dict]:
    rows = []
    for key, counts in groups.items():
        total = sum(counts.values())
        small = total < MIN_GROUP
        rows.append(
            {
                "label": labels.get(key, key),
                "total": None if small else total,
                "worked": None if small else counts.get(Outcome.WORKED, 0),
                "partly": None if small else counts.get(Outcome.PARTLY, 0),
                "did_not_work": None if small else counts.get(Outcome.DID_NOT_WORK, 0),
            }
        )
    rows.sort(key=lambda r: str(r["label"]))
    return rows


STATS_SECONDS = 600


def library_statistics(*, municipality) -> dict:
    """Outcomes by theme and by department; groups under five are not shown.

    Cached per municipality; the key includes the number of evaluated trials and
    the latest evaluation, so a new or changed evaluation shows at once.
    """
    # One cached answer for every reader: it counts only trials anyone may see
    # (internal trials are left out, docs/staff-only.md).
    evaluated = (
        Trial.objects.for_municipality(municipality)
        .evaluated()
        .filter(initiative__staff_only=False)
    )
    fingerprint = evaluated.aggregate(n=Count("id"), last=Max("evaluated_at"))
    last = fingerprint["last"].timestamp() if fingerprint["last"] else 0
    key = f"initiatives:library-stats:{municipality.pk}:{fingerprint['n']}:{last}"
    stats = cache.get(key)
    if stats is None:
        stats = _library_statistics(municipality, evaluated)
        cache.set(key, stats, STATS_SECONDS)
    # Cached by theme id; named here, in the reader's language.
    labels = theme_labels(municipality)
    by_theme = [
        {**row, "label": labels.get(row["label"], "")} for row in stats["by_theme"]
    ]
    by_theme.sort(key=lambda r: r["label"])
    return {**stats, "by_theme": by_theme}


def _library_statistics(municipality, evaluated) -> dict:
    by_theme: dict = {}
    for theme, outcome, n in (
        InitiativeTheme.objects.filter(
            municipality=municipality,
            initiative__trials__outcome__isnull=False,
            initiative__staff_only=False,
        )
        .values_list("theme", "initiative__trials__outcome")
        .annotate(n=Count("id"))
        .order_by()
    ):
        by_theme.setdefault(theme, {})[outcome] = n
    by_department: dict = {}
    dep_names: dict = {}
    for dep_id, dep_name, outcome, n in (
        evaluated.filter(department__isnull=False)
        .values_list("department_id", "department__name", "outcome")
        .annotate(n=Count("id"))
        .order_by()
    ):
        by_department.setdefault(dep_id, {})[outcome] = n
        dep_names[dep_id] = dep_name
    totals = dict(evaluated.values_list("outcome").annotate(n=Count("id")).order_by())
    return {
        "by_theme": _stat_rows(by_theme, {}),
        "by_department": _stat_rows(by_department, dep_names),
        "overall": _stat_rows({"all": totals}, {"all": ""})[0],
    }


# --- stories ------------------------------------------------------------------


def published_stories(*, municipality, user) -> QuerySet[Story]:
    """Published stories the person may see; feeds and the printed newspaper ask
    as an anonymous reader, so they hold only what anyone may see."""
    return (
        Story.objects.for_municipality(municipality)
        .published()
        .visible_to(user, municipality)
        .select_related("initiative", "community")
        .order_by("-published_at", "-id")
    )


def newspaper_content(*, municipality, start, end) -> dict:
    """Stories published and trials evaluated in [start, end] (dates, inclusive)."""
    stories = list(
        published_stories(municipality=municipality, user=AnonymousUser())
        .filter(published_at__date__gte=start, published_at__date__lte=end)
        .prefetch_related("photos")[:12]
    )
    trials = list(
        Trial.objects.for_municipality(municipality)
        .evaluated()
        .filter(evaluated_at__date__gte=start, evaluated_at__date__lte=end)
        .filter(initiative__staff_only=False)  # the printed paper is public
        .select_related("initiative")
        .order_by("-evaluated_at")[:12]
    )
    return {"stories": stories, "trials": trials}
