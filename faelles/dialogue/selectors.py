"""Reads for hearings: the list, one hearing's page, the moderation queue, and
who was heard (counts by area and age band, small groups suppressed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, F, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles.core.pagination import KeysetPage, keyset_page
from faelles.core.visibility import visible_rows
from faelles.disclosure import suppression
from faelles.municipalities.themes import theme_key

from .models import (
    AgeBand,
    Answer,
    Appeal,
    Comment,
    Hearing,
    Paragraph,
    Participant,
    Reaction,
    Section,
)

PER_PAGE = 20


def hearing_list(
    *,
    municipality,
    user=None,
    include_unannounced: bool,
    after: str | None = None,
    theme: str = "",
) -> KeysetPage:
    """The municipality's hearings, newest first; staff also see those not yet
    announced. ``theme`` is a theme's key (``?theme=``), or all."""
    # A hearing about an internal initiative is as hidden as the initiative.
    qs = visible_rows(
        Hearing.objects.for_municipality(municipality),
        user or AnonymousUser(),
        municipality,
    )
    if not include_unannounced:
        qs = qs.announced()
    if theme := theme_key(theme):
        qs = qs.filter(theme__key=theme)
    qs = qs.select_related("theme").only(
        "id",
        "municipality_id",
        "kind",
        "title",
        "announced_at",
        "opens_at",
        "closes_at",
        "answered_at",
        "comment_count",
        "theme__name",
        "theme__name_en",
    )
    return keyset_page(qs, after=after, per_page=PER_PAGE)


def open_hearings(
    *, municipality, user=None, now: datetime | None = None, limit: int = 4
):
    """Hearings open for comments now, closing soonest first (the home page)."""
    now = now or timezone.now()
    return list(
        visible_rows(
            Hearing.objects.for_municipality(municipality),
            user or AnonymousUser(),
            municipality,
        )
        .filter(opens_at__lte=now, closes_at__gt=now)
        .only("id", "municipality_id", "kind", "title", "closes_at", "comment_count")
        .order_by("closes_at", "id")[:limit]
    )


@dataclass
class Thread:
    comment: Comment
    replies: list[Comment] = field(default_factory=list)


#: Threads shown under each paragraph on the hearing's page (newest first);
#: the paragraph's own page shows them all, a page at a time.
THREADS_PER_PARAGRAPH = 10
#: Threads per page of general comments, and of one paragraph's page.
THREADS_PER_PAGE = 30


def _roots(hearing: Hearing):
    return Comment.objects.filter(hearing=hearing, parent__isnull=True)


def _threads(hearing: Hearing, roots: list[Comment], user) -> list[Thread]:
    """Threads for the given roots: their replies, reaction counts and the
    person's own reactions, in three queries whatever the number."""
    if not roots:
        return []
    replies = list(
        Comment.objects.filter(parent_id__in=[r.pk for r in roots])
        .select_related("author")
        .order_by("id")
    )
    shown = [*roots, *replies]
    ids = [c.pk for c in shown]
    counts: dict[tuple[int, str], int] = {
        (row["comment_id"], row["kind"]): row["n"]
        for row in Reaction.objects.filter(comment_id__in=ids)
        .values("comment_id", "kind")
        .annotate(n=Count("id"))
        .order_by()
    }
    mine: dict[int, str] = {}
    if user.is_authenticated:
        mine = dict(
            Reaction.objects.filter(comment_id__in=ids, user=user).values_list(
                "comment_id", "kind"
            )
        )
    for comment in shown:
        comment.hearing = hearing
        comment.my_reaction = mine.get(comment.pk, "")
        for kind in Reaction.Kind.values:
            setattr(comment, kind, counts.get((comment.pk, kind), 0))
    threads = {root.pk: Thread(root) for root in roots}
    for reply in replies:
        assert reply.parent_id is not None  # replies only, by the filter
        threads[reply.parent_id].replies.append(reply)
    return list(threads.values())


def comment_reactions(*, comment: Comment, user) -> Comment:
    """One comment with its reaction counts and the person's own reaction."""
    counted = Comment.objects.select_related("author").get(pk=comment.pk)
    counts = dict(
        Reaction.objects.filter(comment=comment)
        .values("kind")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("kind", "n")
    )
    for kind in Reaction.Kind.values:
        setattr(counted, kind, counts.get(kind, 0))
    counted.hearing = comment.hearing
    counted.my_reaction = (
        Reaction.objects.filter(comment=comment, user=user)
        .values_list("kind", flat=True)
        .first()
        or ""
    )
    return counted


def hearing_page(
    *, hearing: Hearing, user, show_draft_answer: bool, after: str | None = None
) -> dict:
    """Everything one hearing's page shows, in a fixed number of queries whatever
    the number of comments: sections with paragraphs, the newest threads of each
    paragraph and a page of general threads (with replies, reaction counts and
    the person's own reactions), attachments, the answer and who was heard."""
    sections = list(
        Section.objects.filter(hearing=hearing).prefetch_related(
            Prefetch("paragraphs", queryset=Paragraph.objects.order_by("position"))
        )
    )
    paragraph_roots = list(
        _roots(hearing)
        .filter(paragraph__isnull=False)
        .annotate(
            rank=Window(
                RowNumber(), partition_by=F("paragraph_id"), order_by=F("id").desc()
            )
        )
        .filter(rank__lte=THREADS_PER_PARAGRAPH)
        .select_related("author")
        .order_by("-id")
    )
    general = keyset_page(
        _roots(hearing).filter(paragraph__isnull=True).select_related("author"),
        after=after,
        per_page=THREADS_PER_PAGE,
    )
    threads = _threads(hearing, [*paragraph_roots, *general.items], user)
    by_paragraph: dict[int | None, list[Thread]] = {}
    for thread in threads:
        by_paragraph.setdefault(thread.comment.paragraph_id, []).append(thread)
    totals = dict(
        Comment.objects.filter(hearing=hearing, paragraph__isnull=False)
        .values("paragraph_id")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("paragraph_id", "n")
    )
    for section in sections:
        for paragraph in section.paragraphs.all():
            paragraph.threads = by_paragraph.get(paragraph.pk, [])
            paragraph.comment_total = totals.get(paragraph.pk, 0)
            paragraph.more = len(paragraph.threads) >= THREADS_PER_PARAGRAPH
    answer = Answer.objects.filter(hearing=hearing).first()
    if answer is not None and answer.published_at is None and not show_draft_answer:
        answer = None
    return {
        "sections": sections,
        "general_threads": by_paragraph.get(None, []),
        "general_page": general,
        "attachments": list(hearing.attachments.all()),
        # Opinion maps that are part of this hearing (the reverse of the map's
        # string reference; dialogue imports nothing of opinions).
        "opinion_maps": list(hearing.opinion_maps.public().order_by("pk")),
        "answer": answer,
        "heard": who_was_heard(hearing=hearing),
    }


def paragraph_page(
    *, hearing: Hearing, paragraph: Paragraph, user, after: str | None = None
) -> dict:
    """One paragraph with all its threads, newest first, a page at a time."""
    page = keyset_page(
        _roots(hearing).filter(paragraph=paragraph).select_related("author"),
        after=after,
        per_page=THREADS_PER_PAGE,
    )
    return {"threads": _threads(hearing, page.items, user), "page": page}


# --- who was heard ------------------------------------------------------------


@dataclass(frozen=True)
class HeardRow:
    label: str
    count: int | None  # None: fewer than 5, or hidden to protect a small group


@dataclass(frozen=True)
class Heard:
    total: int | None
    by_area: list[HeardRow]
    by_age: list[HeardRow]


def who_was_heard(*, hearing: Hearing) -> Heard:
    """How many took part, by area (postcode) and by age band.

    The two tables describe the same people and share their total, so they are
    suppressed together (``faelles/disclosure``): no group under 5 is shown, and
    none can be worked out by subtracting the others from the total.
    """
    rows = Participant.objects.filter(hearing=hearing)
    by_area = {
        f"area:{r['postcode']}": r["n"]
        for r in rows.values("postcode").annotate(n=Count("id")).order_by()
    }
    by_age = {
        f"age:{r['age_band']}": r["n"]
        for r in rows.values("age_band").annotate(n=Count("id")).order_by()
    }
    if not by_area:
        return Heard(total=0, by_area=[], by_age=[])
    table = suppression.merge(suppression.one_way(by_area), suppression.one_way(by_age))
    values = suppression.suppress(table, exact_ranges=False).values

    def published(key: str) -> int | None:
        return values[((key,), None)]

    not_given = _("ikke oplyst")
    area_rows = sorted(
        (
            HeardRow(key.removeprefix("area:") or not_given, published(key))
            for key in by_area
        ),
        key=lambda r: (r.label == not_given, r.label),
    )
    bands = dict(AgeBand.choices)
    order = {value: i for i, value in enumerate(AgeBand.values)}
    age_rows = [
        HeardRow(str(bands.get(key.removeprefix("age:"), not_given)), published(key))
        for key in sorted(
            by_age, key=lambda k: order.get(k.removeprefix("age:"), len(order))
        )
    ]
    return Heard(total=values[((), None)], by_area=area_rows, by_age=age_rows)


# --- moderation ---------------------------------------------------------------


def moderation_queue(*, municipality) -> dict:
    """Reported comments not yet handled, and appeals not yet decided."""
    reported = list(
        Comment.objects.filter(
            hearing__municipality=municipality,
            is_hidden=False,
            reports__handled_at__isnull=True,
        )
        .select_related("hearing", "author")
        .annotate(
            open_reports=Count("reports", filter=Q(reports__handled_at__isnull=True))
        )
        .order_by("id")
        .distinct()[:100]
    )
    appeals = list(
        Appeal.objects.filter(
            comment__hearing__municipality=municipality, decided_at__isnull=True
        )
        .select_related("comment", "comment__hearing", "author")
        .order_by("id")[:100]
    )
    return {"reported": reported, "appeals": appeals}
