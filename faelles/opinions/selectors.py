"""Reads of the opinion map: lists, the next statement, the result page, the export."""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Hashable
from datetime import UTC, datetime, time
from typing import cast

from django.db.models import Count, Q

from faelles.opinionmap.next import StatementChooser
from faelles.opinionmap.polis_io import ExportComment, write_export

from .models import (
    OpinionMap,
    Participant,
    Result,
    Statement,
    StatementStatus,
    Vote,
)
from .phases import MAP_PHASES, Phase

SVG_SIZE = 320
SVG_PAD = 24
SHAPES = ("circle", "square", "triangle", "diamond", "cross")


def map_list(*, municipality, viewer) -> list[OpinionMap]:
    maps = OpinionMap.objects.for_municipality(municipality).annotate(
        # distinct: the two counts join two tables, so each would otherwise be
        # multiplied by the other (24 statements × 325 participants = 7,800).
        statement_count=Count(
            "statements",
            filter=Q(statements__status=StatementStatus.ACCEPTED),
            distinct=True,
        ),
        participant_count=Count("participants", distinct=True),
    )
    if not viewer.has_perm("opinions.create_map", municipality):
        maps = maps.public()
    return list(maps.order_by("-created_at", "-id")[:100])


def open_maps(*, municipality) -> list[OpinionMap]:
    return list(
        OpinionMap.objects.for_municipality(municipality)
        .filter(phase=Phase.OPEN)
        .order_by("closes_at", "-id")[:3]
    )


# --- the next statement -------------------------------------------------------------


def next_statement(
    *, opinion_map: OpinionMap, participant: Participant | None, rng=None
) -> Statement | None:
    """The statement this person sees next, by Polis' comment priority.

    Three indexed queries (open statements, the person's votes, the stored
    priorities) and one weighted draw; see bench/bench_opinions_next.py.
    """
    open_ids = list(
        Statement.objects.filter(
            map=opinion_map, status=StatementStatus.ACCEPTED
        ).values_list("id", flat=True)
    )
    if not open_ids:
        return None
    voted = (
        set(
            Vote.objects.filter(participant=participant).values_list(
                "statement_id", flat=True
            )
        )
        if participant is not None
        else set()
    )
    stored = (
        Result.objects.filter(map=opinion_map)
        .values_list("priorities", flat=True)
        .first()
        or {}
    )
    priorities: dict[Hashable, float] = {int(k): v for k, v in stored.items()}
    chosen = StatementChooser(priorities, open_ids).choose(voted, rng)
    if chosen is None:
        return None
    return Statement.objects.only("id", "text", "map_id", "municipality_id").get(
        pk=cast(int, chosen)
    )


def progress(*, opinion_map: OpinionMap, participant: Participant | None) -> dict:
    total = Statement.objects.filter(
        map=opinion_map, status=StatementStatus.ACCEPTED
    ).count()
    voted = (
        Vote.objects.filter(
            participant=participant, statement__status=StatementStatus.ACCEPTED
        ).count()
        if participant is not None
        else 0
    )
    return {"total": total, "voted": voted}


# --- the result ---------------------------------------------------------------------


def shape_path(shape: str, x: float, y: float, r: float) -> str:
    """An SVG path for a group's marker: groups differ by shape, not colour only."""
    if shape == "square":
        a = r * 0.9
        return f"M{x - a:.1f},{y - a:.1f}h{2 * a:.1f}v{2 * a:.1f}h{-2 * a:.1f}Z"
    if shape == "triangle":
        return (
            f"M{x:.1f},{y - r:.1f}L{x + r:.1f},{y + 0.8 * r:.1f}"
            f"L{x - r:.1f},{y + 0.8 * r:.1f}Z"
        )
    if shape == "diamond":
        return (
            f"M{x:.1f},{y - r:.1f}L{x + r:.1f},{y:.1f}"
            f"L{x:.1f},{y + r:.1f}L{x - r:.1f},{y:.1f}Z"
        )
    if shape == "cross":
        t = r / 3
        return (
            f"M{x - t:.1f},{y - r:.1f}h{2 * t:.1f}v{r - t:.1f}h{r - t:.1f}"
            f"v{2 * t:.1f}h{t - r:.1f}v{r - t:.1f}h{-2 * t:.1f}v{t - r:.1f}"
            f"h{t - r:.1f}v{-2 * t:.1f}h{r - t:.1f}Z"
        )
    return (
        f"M{x - r:.1f},{y:.1f}a{r:.1f},{r:.1f} 0 1,0 {2 * r:.1f},0"
        f"a{r:.1f},{r:.1f} 0 1,0 {-2 * r:.1f},0Z"
    )


def _scale(summary: dict):
    (x0, y0), (x1, y1) = summary.get("bounds") or [[0, 0], [1, 1]]
    inner = SVG_SIZE - 2 * SVG_PAD
    sx = inner / (x1 - x0) if x1 > x0 else 1.0
    sy = inner / (y1 - y0) if y1 > y0 else 1.0

    def at(x: float, y: float) -> tuple[float, float]:
        return (
            round(SVG_PAD + (x - x0) * sx, 1),
            round(SVG_SIZE - SVG_PAD - (y - y0) * sy, 1),
        )

    return at, sx, sy


def result_context(*, opinion_map: OpinionMap, participant: Participant | None) -> dict:
    """What the result page shows, from the stored result (no engine run)."""
    result = (
        Result.objects.filter(map=opinion_map)
        .defer("state", "positions", "participant_groups", "priorities")
        .first()
    )
    if result is None:
        return {"result": None}
    summary = result.summary
    ids = set()
    for g in summary["groups"]:
        ids |= {r["statement"] for r in g["representative"]}
    for key in ("consensus_agree", "consensus_disagree", "splits"):
        ids |= {r["statement"] for r in summary[key]}
    texts = dict(
        Statement.objects.filter(map=opinion_map, id__in=ids)
        .exclude(status=StatementStatus.REJECTED)
        .values_list("id", "text")
    )

    def named(rows: list) -> list:
        return [
            dict(r, text=texts[r["statement"]]) for r in rows if r["statement"] in texts
        ]

    at, _sx, _sy = _scale(summary)
    groups = []
    for i, g in enumerate(summary["groups"]):
        cx, cy = at(*g["center"])
        reps = named(g["representative"])
        groups.append(
            dict(
                g,
                shape=SHAPES[i % len(SHAPES)],
                cx=cx,
                cy=cy,
                marker=shape_path(SHAPES[i % len(SHAPES)], cx, cy, 9),
                legend=shape_path(SHAPES[i % len(SHAPES)], 10, 10, 7),
                agree=[r for r in reps if r["agree"]],
                disagree=[r for r in reps if not r["agree"]],
                percent=round(100 * g["size"] / max(summary["participants_in"], 1)),
            )
        )
    shape_of = {g["label"]: g["shape"] for g in groups}
    grid = summary.get("grid", 24)
    inner = SVG_SIZE - 2 * SVG_PAD
    dots = []
    for x, y, label, n in summary["cells"]:
        px = SVG_PAD + (x + 0.5) * inner / grid
        py = SVG_SIZE - SVG_PAD - (y + 0.5) * inner / grid
        r = min(1.5 + 1.6 * math.sqrt(n), inner / grid * 0.9)
        dots.append(
            {
                "d": shape_path(shape_of.get(label, "circle"), px, py, r),
                "label": label,
                "count": n,
            }
        )
    me = None
    if participant is not None:
        mine = (
            Result.objects.filter(pk=result.pk)
            .values_list("participant_groups", "positions")
            .first()
        )
        key = str(participant.number)
        label = mine[0].get(key) if mine else None
        pos = mine[1].get(key) if mine else None
        me = {
            "placed": pos is not None,
            "label": label,
            "group": next((g for g in groups if g["label"] == label), None),
            "xy": at(*pos) if pos is not None else None,
        }
    return {
        "result": result,
        "summary": summary,
        "groups": groups,
        "dots": dots,
        "consensus_agree": named(summary["consensus_agree"]),
        "consensus_disagree": named(summary["consensus_disagree"]),
        "splits": [
            dict(
                s,
                rows=[
                    {"label": g["label"], "share": s["shares"].get(g["label"])}
                    for g in groups
                ],
            )
            for s in named(summary["splits"])
        ],
        "me": me,
        "svg_size": SVG_SIZE,
        "svg_mid": SVG_SIZE / 2,
    }


def moderation_queue(*, opinion_map: OpinionMap) -> dict:
    statements = Statement.objects.filter(map=opinion_map).annotate(
        vote_count=Count("votes")
    )
    return {
        "pending": list(statements.filter(status=StatementStatus.PENDING)[:200]),
        "accepted": list(statements.filter(status=StatementStatus.ACCEPTED)[:500]),
        "rejected": list(statements.filter(status=StatementStatus.REJECTED)[:200]),
    }


# --- the open-data export -----------------------------------------------------------

MODERATED: dict[str, int] = {
    StatementStatus.ACCEPTED: 1,
    StatementStatus.PENDING: 0,
    StatementStatus.REJECTED: -1,
}


def _day_ms(when: datetime) -> int:
    """The start of the vote's day (UTC) in milliseconds: the export never times a
    vote more precisely than its day."""
    day = datetime.combine(when.astimezone(UTC).date(), time.min, tzinfo=UTC)
    return int(day.timestamp() * 1000)


def polis_export(*, opinion_map: OpinionMap) -> bytes:
    """``comments.csv`` and ``votes.csv`` (Polis' open-data format) in a zip.

    Participants appear only as their random per-map number; statement texts
    appear only when accepted; times are whole days.
    """
    numbers = dict(
        Participant.objects.filter(map=opinion_map).values_list("id", "number")
    )
    comments = [
        ExportComment(
            comment_id=sid,
            author_id=numbers.get(author) if author is not None else None,
            moderated=MODERATED[status],
            body=text if status == StatementStatus.ACCEPTED else "",
            timestamp=_day_ms(created),
        )
        for sid, author, status, text, created in Statement.objects.filter(
            map=opinion_map
        ).values_list("id", "author_id", "status", "text", "created_at")
    ]
    votes = [
        (numbers[p], s, v, _day_ms(t))
        for p, s, v, t in Vote.objects.filter(map=opinion_map).values_list(
            "participant_id", "statement_id", "value", "updated_at"
        )
    ]
    files = write_export(comments, votes)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def phase_steps(opinion_map: OpinionMap) -> list:
    reached = MAP_PHASES.index(opinion_map.phase)
    return [(p, i <= reached) for i, p in enumerate(MAP_PHASES)]
