"""Reads for the borgerbudget; always scoped to a municipality."""

from typing import cast

from django.core.cache import cache
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext

from faelles.accounts.rules import is_staff_member
from faelles.municipalities.themes import theme_key

from .models import (
    Ballot,
    BallotReceipt,
    BallotSource,
    BudgetRound,
    ImplementationStatus,
    Project,
    ProjectImage,
    ReviewStatus,
)
from .phases import ROUND_PHASES
from .secrecy import candidate_ids


def round_list(*, municipality, viewer) -> QuerySet[BudgetRound]:
    qs = BudgetRound.objects.for_municipality(municipality).annotate(
        project_count=Count(
            "projects", filter=Q(projects__review_status=ReviewStatus.APPROVED)
        )
    )
    if not is_staff_member(viewer, municipality):
        qs = qs.visible()
    return qs.order_by("-created_at", "-id")


def round_projects(
    *, municipality, budget_round: BudgetRound, viewer, theme: str = ""
) -> list[Project]:
    """Projects of a round as the viewer may see them.

    Before voting, everyone sees every proposal (with the review outcome);
    from voting on, only the projects on the ballot and the rejected ones.
    """
    qs = (
        Project.objects.for_municipality(municipality)
        .filter(round=budget_round)
        .select_related("theme")
        .prefetch_related(
            Prefetch("images", queryset=ProjectImage.objects.order_by("id"))
        )
        .order_by("title", "id")
    )
    if theme := theme_key(theme):
        qs = qs.filter(theme__key=theme)
    return list(qs)


def has_voted(*, budget_round: BudgetRound, user) -> bool:
    """Whether the person voted in the round (the receipt; never what)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return BallotReceipt.objects.filter(round=budget_round, user=user).exists()


def own_ballot(*, budget_round: BudgetRound, user) -> tuple[list, list] | None:
    """The voter's own ballot — (choices, drops) — only to that voter and only
    while voting is open.

    Once voting has closed, a ballot shown on the screen could only serve
    someone who wants proof of how a person voted; the token that leads to it
    is erased at the close anyway (:func:`.services.receipts_unlink`).
    """
    if not getattr(user, "is_authenticated", False):
        return None
    if not budget_round.voting_open():
        return None
    token = (
        BallotReceipt.objects.filter(round=budget_round, user=user)
        .values_list("ballot_token", flat=True)
        .first()
    )
    if token is None:
        return None
    found = {
        pk: (choices, drops)
        for pk, choices, drops in Ballot.objects.filter(
            pk__in=candidate_ids(token), round=budget_round
        ).values_list("id", "choices", "drops")
    }
    for pk in candidate_ids(token):
        if pk in found:
            return found[pk]
    return [], []


def own_ballot_choices(*, budget_round: BudgetRound, user) -> list | None:
    """What the voter chose to fund on their own ballot (see :func:`own_ballot`)."""
    ballot = own_ballot(budget_round=budget_round, user=user)
    return None if ballot is None else ballot[0]


TURNOUT_SECONDS = 60


def round_turnout(*, budget_round: BudgetRound, fresh: bool = False) -> dict:
    """Ballots cast, and how many on paper.

    Counted rounds answer from the stored result; while voting, the count
    (a scan of the round's ballots, 100,000 of them in a big city) is cached
    for a minute unless ``fresh`` (the paper-ballot page wants the live count).
    """
    if budget_round.results and budget_round.has_results:
        return {
            "total": budget_round.results["voters"],
            "paper": budget_round.results.get("paper", 0),
        }

    def count() -> dict:
        return Ballot.objects.filter(round=budget_round).aggregate(
            total=Count("id"),
            paper=Count("id", filter=Q(source=BallotSource.PAPER)),
        )

    if fresh:
        return count()
    # get_or_set gives the cached value or count()'s: a dict, never None.
    return cast(
        dict,
        cache.get_or_set(
            f"budgeting:turnout:{budget_round.pk}", count, TURNOUT_SECONDS
        ),
    )


def projects_in_progress(*, municipality, limit: int = 6) -> list[Project]:
    """Funded projects not yet done, for the home page and round pages."""
    return list(
        Project.objects.for_municipality(municipality)
        .funded()
        .exclude(implementation_status=ImplementationStatus.DONE)
        .filter(round__phase__in=ROUND_PHASES.keys_permitting("results"))
        .select_related("round")
        .order_by("-round__voting_end", "title")[:limit]
    )


def open_rounds(*, municipality) -> list[BudgetRound]:
    return list(
        BudgetRound.objects.for_municipality(municipality)
        .filter(phase__in=ROUND_PHASES.keys_permitting("proposals", "vote"))
        .order_by("voting_end", "id")[:3]
    )


def _kr(value) -> str:
    """Whole kroner with the language's thousands separator (100.000 / 100,000)."""
    return number_format(round(float(value)), force_grouping=True)


def _dropped_text(row: dict) -> str:
    """Why drops kept a project out (net approval, docs/budgeting.md)."""
    approvals, drops = row["score"], row.get("drops", 0)
    if approvals == 0 and drops == 0:
        return gettext("Ingen stemte på projektet.")
    if drops > approvals:
        return gettext(
            "Flere valgte projektet fra end til: %(against)d fra, %(for)d til."
        ) % {"against": drops, "for": approvals}
    return gettext(
        "Lige så mange valgte projektet fra som til (%(n)d), så det får ikke penge."
    ) % {"n": drops}


def _greedy_text(row: dict) -> str:
    reason = row["greedy_reason"]
    status = reason.get("status")
    if row["greedy"]:
        return gettext("Fik penge")
    if status == "dropped":
        return _dropped_text(row)
    if status == "did_not_fit":
        return gettext(
            "Passede ikke: der var %(left)s kr. tilbage, da det var projektets tur."
        ) % {"left": _kr(reason.get("remaining", 0))}
    if status == "not_reached":
        return gettext("Optællingen stoppede før projektet.")
    return gettext("Fik ikke penge")


def _mes_text(row: dict) -> str:
    reason = row["mes_reason"]
    status = reason.get("status")
    if row["mes_by_completion"]:
        return gettext("Fik penge af det beløb, der var tilbage til sidst.")
    if row["mes"]:
        return gettext("Fik penge: tilhængerne kunne betale det sammen.")
    if status == "dropped":
        return _dropped_text(row)
    if status == "no_supporters":
        return gettext("Ingen stemte på projektet.")
    if status == "supporters_money_too_little":
        text = gettext(
            "For dyrt for tilhængerne: de havde %(money)s kr. tilbage tilsammen, "
            "projektet koster %(cost)s kr."
        ) % {"money": _kr(reason["supporters_money"]), "cost": _kr(row["cost"])}
        if reason.get("completion") == "did_not_fit":
            text += " " + gettext(
                "Det passede heller ikke i restbeløbet på %(left)s kr."
            ) % {"left": _kr(reason.get("remaining", 0))}
        return text
    return gettext("Fik ikke penge")


def results_context(results: dict, projects: dict[int, Project]) -> dict:
    """Everything the results page shows, from the cached count."""
    voters = results["voters"]
    rows = []
    max_score = max((r["score"] for r in results["projects"]), default=0) or 1
    with_drops = bool(results.get("drops"))

    def ranked(r: dict) -> tuple:
        return (-r.get("net", r["score"]) if with_drops else -r["score"], r["title"])

    for row in sorted(results["projects"], key=ranked):
        project = projects.get(row["project"])
        rows.append(
            {
                **row,
                "object": project,
                "bar": round(100 * row["score"] / max_score, 1),
                "greedy_text": _greedy_text(row),
                "mes_text": _mes_text(row),
            }
        )
    summaries = []
    mes_label = (
        gettext("Lige andele (MES) med add1")
        if results.get("completion") == "add1"
        else gettext("Lige andele (MES)")
    )
    for key, label in (
        ("greedy", gettext("Flest stemmer først (grådig)")),
        ("mes", mes_label),
    ):
        data = results[key]
        happy = data["happy_voters"]
        summaries.append(
            {
                "key": key,
                "label": label,
                "count": len(data["selected"]),
                "total_cost": data["total_cost"],
                "happy": happy,
                "happy_percent": round(100 * happy / voters, 1) if voters else 0,
                "is_rule": (key == "greedy") == (results["rule"] == "greedy"),
            }
        )
    funded = set(results["funded"])
    order = {pk: i for i, pk in enumerate(results["funded"])}
    return {
        "rows": rows,
        "funded_rows": sorted(
            (r for r in rows if r["project"] in funded),
            key=lambda r: order[r["project"]],
        ),
        "summaries": summaries,
        "voters": voters,
        "paper": results.get("paper", 0),
        "start_share": results.get("start_share", 0),
        "voter_share": results.get("voter_share", 0),
        "completion": results.get("completion", "greedy"),
        "with_drops": with_drops,
        "dropped_rows": [r for r in rows if r["greedy_reason"]["status"] == "dropped"],
        "same_outcome": set(results["greedy"]["selected"])
        == set(results["mes"]["selected"]),
    }
