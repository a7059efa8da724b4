"""Demo content and scale data for the borgerbudget.

``load_demo`` plays Rødovre's "Vi tør prioritere" through the services with
the clock moved back: proposals, the employees' review (with reasons for the
rejected ones), voting online and on paper, the count, and months of progress
updates with photos on the funded projects. A second Rødovre round is open for
voting (the citizen login has not voted yet), and Faxe collects proposals.

``seed`` writes a finished round with 100,000 ballots (``large``; 2,000 for
``small``) and an open round, in bulk (PostgreSQL COPY), and counts it.
"""

from __future__ import annotations

import io
import json
import random
import time
import uuid
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from faelles.core.bulk import insert_rows
from faelles.demo.themes import demo_themes

from . import services
from .demo_content import (
    FINISHED,
    FINISHED_PROJECTS,
    FINISHED_REJECTED,
    GROUPS,
    OPEN,
    OPEN_GROUPS,
    OPEN_PROJECTS,
    PROPOSING,
    PROPOSING_PROJECTS,
    UPDATES,
)
from .models import (
    Ballot,
    BallotReceipt,
    BallotSource,
    BallotType,
    BudgetRound,
    Phase,
    Project,
    ReviewStatus,
)
from .secrecy import ballot_id_for

ROUND_KEYS = (
    "title",
    "description",
    "budget",
    "area_name",
    "postcodes",
    "ballot_type",
    "min_projects",
    "max_projects",
    "min_age",
    "age_check",
    "counting_rule",
    "allow_drops",
    "max_drops",
)
#: Proposals with a picture (drawn, standing in for a photo) and its caption.
PICTURES = {
    "legeplads": "Tegning af den ønskede legeplads med klatretårn og gynger",
    "faelleshave": "Skitse af højbede og redskabsskur ved Korsagergård",
    "skater": "Skitse af skaterbanen med ramper",
    "islevtorv": "Skitse af Islev Torv med træer og bænke",
    "hundeskov": "Kort over den foreslåede hundeskov",
}


# --- demo ---------------------------------------------------------------------


def load_demo(*, municipalities, stdout) -> None:
    for spec, loader in (
        (FINISHED, _finished),
        (OPEN, _open),
        (PROPOSING, _proposing),
    ):
        municipality = municipalities.get(spec["municipality"])
        if municipality is None:
            continue
        with transaction.atomic():
            _clear(municipality, spec["title"])
            budget_round = loader(municipality, spec, _people(municipality))
        stdout.write(
            f"  borgerbudget in {municipality.slug}: {budget_round.title} "
            f"({budget_round.get_phase_display()})"
        )


def _people(municipality) -> dict:
    from faelles.accounts.models import User

    domain = f"@{municipality.slug}.faelles.example"
    return {
        u.email.removesuffix(domain): u
        for u in User.objects.filter(email__endswith=domain).order_by("email")
    }


def _clear(municipality, title: str) -> None:
    """Remove an earlier load of this demo round, so loading again refreshes it."""
    from faelles.participation.models import ParticipationAct

    for budget_round in BudgetRound.objects.filter(
        municipality=municipality, title=title
    ):
        project_ids = [
            str(pk) for pk in budget_round.projects.values_list("pk", flat=True)
        ]
        ParticipationAct.objects.filter(
            source_type="budgeting.budgetround", source_id=str(budget_round.pk)
        ).delete()
        ParticipationAct.objects.filter(
            source_type="budgeting.project", source_id__in=project_ids
        ).delete()
        budget_round.delete()


def _days(now, days: float):
    return now - timedelta(days=days)


def _create(municipality, spec: dict, employee, now):
    p0, p1 = spec["proposals"]
    v0, v1 = spec["voting"]
    budget_round = services.round_create(
        municipality=municipality,
        actor=employee,
        proposals_start=_days(now, p0),
        proposals_end=_days(now, p1),
        voting_start=_days(now, v0),
        voting_end=_days(now, v1),
        **{key: spec[key] for key in ROUND_KEYS if key in spec},
    )
    return services.round_set_phase(
        budget_round=budget_round,
        actor=employee,
        phase=Phase.PROPOSALS,
        now=_days(now, p0 + 1),
    )


def _propose(budget_round, people, items, now, start_days: float) -> dict:
    projects = {}
    themes = demo_themes(budget_round.municipality)
    for i, (key, title, cost, area, category, by, description, *_rest) in enumerate(
        items
    ):
        caption = PICTURES.get(key, "")
        projects[key] = services.project_propose(
            budget_round=budget_round,
            actor=people[by],
            title=title,
            description=description,
            cost=cost,
            area=area,
            theme=themes[category] if category else None,
            image=picture(key, budget_round.municipality.primary_colour)
            if caption
            else None,
            image_alt=caption,
            now=_days(now, start_days - 1 - i),
        )
    return projects


def _review(projects, rejected, employee, now, days: float) -> None:
    reasons = {item[0]: item[7] for item in rejected}
    for key, project in projects.items():
        if key in reasons:
            services.project_review(
                project=project,
                actor=employee,
                review_status=ReviewStatus.REJECTED,
                cost=project.cost,
                legal_ok=key != "trampolin",
                practical_ok=False,
                review_note=reasons[key],
                now=_days(now, days),
            )
        else:
            services.project_review(
                project=project,
                actor=employee,
                review_status=ReviewStatus.APPROVED,
                cost=project.cost,
                legal_ok=True,
                practical_ok=True,
                review_note="",
                now=_days(now, days),
            )


def _draw(rng: random.Random, groups, keys: list[str], maximum: int) -> list[str]:
    weights = [g[0] for g in groups]
    group = rng.choices(groups, weights)[0][1]
    k = min(len(group), rng.choice([1, 2, 3, 3]), maximum)
    chosen = rng.sample(group, k)
    if len(chosen) < maximum and rng.random() < 0.15:
        extra = rng.choice(keys)
        if extra not in chosen:
            chosen.append(extra)
    return chosen


def _drops(
    rng: random.Random, budget_round, spec: dict, chosen: list[str], projects: dict
) -> list[int]:
    """Some voters also drop a project or two they did not vote for."""
    weights = spec.get("drops")
    if not budget_round.allow_drops or not weights or rng.random() > 0.4:
        return []
    keys = [k for k in weights if k not in chosen]
    limit = budget_round.max_drops or len(keys)
    k = min(rng.choice([1, 1, 2]), limit, len(keys))
    picked: list[str] = []
    while len(picked) < k:
        key = rng.choices(keys, [weights[x] for x in keys])[0]
        if key not in picked:
            picked.append(key)
    return [projects[key].pk for key in picked]


def _vote(budget_round, projects, people, groups, spec, now, *, skip=()) -> None:
    rng = random.Random(spec["seed"])
    keys = list(projects)
    v0, v1 = spec["voting"]
    span = max(v0 - max(v1, 0), 1)
    # Drops come from a stream of their own, so the approvals stay as they were.
    drop_rng = random.Random(spec["seed"] + 1)
    voters = [person for name, person in people.items() if name not in skip]
    for i, person in enumerate(voters):
        chosen = _draw(rng, groups, keys, budget_round.max_projects or 3)
        services.ballot_cast(
            budget_round=budget_round,
            user=person,
            choices=[(projects[k].pk, 1) for k in chosen],
            drops=_drops(drop_rng, budget_round, spec, chosen, projects),
            birth_year=1970,
            age_confirmed=True,
            postcode="2610",
            now=_days(now, v0 - span * (i + 1) / (len(voters) + 2)),
        )
    employee = people["medarbejder"]
    for i in range(spec["paper"]):
        chosen = _draw(rng, groups, keys, budget_round.max_projects or 3)
        services.paper_ballot_enter(
            budget_round=budget_round,
            actor=employee,
            choices=[(projects[k].pk, 1) for k in chosen],
            drops=_drops(drop_rng, budget_round, spec, chosen, projects),
            now=_days(now, v0 - span * (i + 1) / (spec["paper"] + 2)),
        )


def _finished(municipality, spec: dict, people: dict) -> BudgetRound:
    now = timezone.now()
    employee = people["medarbejder"]
    budget_round = _create(municipality, spec, employee, now)
    p0, p1 = spec["proposals"]
    items = FINISHED_PROJECTS + FINISHED_REJECTED
    projects = _propose(budget_round, people, items, now, p0)
    budget_round = services.round_set_phase(
        budget_round=budget_round,
        actor=employee,
        phase=Phase.REVIEW,
        now=_days(now, p1 - 1),
    )
    _review(projects, FINISHED_REJECTED, employee, now, p1 - 10)
    v0, v1 = spec["voting"]
    budget_round = services.round_set_phase(
        budget_round=budget_round,
        actor=employee,
        phase=Phase.VOTING,
        now=_days(now, v0 + 1),
    )
    rejected = {item[0] for item in FINISHED_REJECTED}
    on_ballot = {k: p for k, p in projects.items() if k not in rejected}
    _vote(budget_round, on_ballot, people, GROUPS, spec, now)
    budget_round = services.round_set_phase(
        budget_round=budget_round,
        actor=employee,
        phase=Phase.RESULTS,
        now=_days(now, v1 - 1),
    )
    budget_round = services.round_set_phase(
        budget_round=budget_round,
        actor=employee,
        phase=Phase.IMPLEMENTATION,
        now=_days(now, spec["implementation"]),
    )
    colour = municipality.primary_colour
    for key, project in on_ballot.items():
        project.refresh_from_db()
        if not project.is_funded:
            continue
        for days, status, text, caption in UPDATES.get(key, []):
            services.project_update_post(
                project=project,
                actor=employee,
                status=status,
                text=text,
                photo=picture(f"{key}-{days}", colour) if caption else None,
                photo_alt=caption,
                now=_days(now, days),
            )
    return budget_round


def _open(municipality, spec: dict, people: dict) -> BudgetRound:
    now = timezone.now()
    employee = people["medarbejder"]
    budget_round = _create(municipality, spec, employee, now)
    p0, p1 = spec["proposals"]
    projects = _propose(budget_round, people, OPEN_PROJECTS, now, p0)
    budget_round = services.round_set_phase(
        budget_round=budget_round,
        actor=employee,
        phase=Phase.REVIEW,
        now=_days(now, p1 - 1),
    )
    _review(projects, [], employee, now, p1 - 12)
    budget_round = services.round_set_phase(
        budget_round=budget_round,
        actor=employee,
        phase=Phase.VOTING,
        now=_days(now, spec["voting"][0]),
    )
    # The citizen login ("borger") has not voted: a demo visitor can.
    _vote(budget_round, projects, people, OPEN_GROUPS, spec, now, skip={"borger"})
    return budget_round


def _proposing(municipality, spec: dict, people: dict) -> BudgetRound:
    now = timezone.now()
    employee = people["medarbejder"]
    budget_round = _create(municipality, spec, employee, now)
    projects = _propose(budget_round, people, PROPOSING_PROJECTS, now, 12)
    services.project_review(
        project=projects["shelter"],
        actor=employee,
        review_status=ReviewStatus.APPROVED,
        cost=110_000,
        legal_ok=True,
        practical_ok=True,
        review_note=(
            "Prisen er regnet efter med Naturstyrelsen: 110.000 kr. med "
            "brændeskur. Arealet må gerne bruges."
        ),
        now=_days(now, 3),
    )
    return budget_round


def picture(seed: str, colour: str) -> SimpleUploadedFile:
    """A small drawing (sky, grass, trees, a bench) standing in for a photo."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    width, height = 960, 600
    image = Image.new("RGB", (width, height), "#d6eaf8")
    draw = ImageDraw.Draw(image)
    horizon = rng.randint(300, 380)
    draw.rectangle([0, horizon, width, height], fill="#7dbb6a")
    draw.rectangle([0, height - 90, width, height], fill="#c8b89a")
    for _ in range(rng.randint(3, 6)):
        x = rng.randint(40, width - 40)
        draw.rectangle([x - 8, horizon - 60, x + 8, horizon + 10], fill="#6b4f2a")
        draw.ellipse([x - 55, horizon - 170, x + 55, horizon - 40], fill="#2f7d32")
    x = rng.randint(200, width - 260)
    draw.rectangle([x, horizon + 80, x + 180, horizon + 100], fill=colour)
    draw.rectangle([x + 10, horizon + 100, x + 22, horizon + 140], fill="#444444")
    draw.rectangle([x + 158, horizon + 100, x + 170, horizon + 140], fill="#444444")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return SimpleUploadedFile(
        f"{seed}.jpg", buffer.getvalue(), content_type="image/jpeg"
    )


# --- scale data ---------------------------------------------------------------

SIZES = {
    "small": {"projects": 20, "ballots": 2_000, "open_projects": 12, "open": 500},
    "large": {
        "projects": 40,
        "ballots": 100_000,
        "open_projects": 20,
        "open": 10_000,
    },
}
WORDS = [
    ("Legeplads", "play"),
    ("Fælleshave", "nature"),
    ("Lys på stien", "safety"),
    ("Bænke", "community"),
    ("Cykelparkering", "traffic"),
    ("Udendørs fitness", "play"),
    ("Reparationscafé", "climate"),
    ("Musiklokale", "culture"),
    ("Blomstereng", "nature"),
    ("Skaterbane", "play"),
]
PLACES = [
    "Nordbyen", "Søndermarken", "Stationsbyen", "Havnen", "Skovkvarteret",
    "Engparken", "Bakkehuse", "Mølleparken", "Vestervang", "Kirkebyen",
]  # fmt: skip


def seed(*, municipality, scale: str, rng, progress) -> None:
    import numpy as np

    from faelles.accounts.models import Membership

    size = SIZES[scale]
    gen = np.random.default_rng(rng.getrandbits(64))
    members = list(
        Membership.objects.filter(municipality=municipality)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )
    rng.shuffle(members)
    now = timezone.now().replace(microsecond=0)
    finished = _seed_round(
        municipality,
        title=f"Borgerbudget {now.year - 1} (skaleringsdata)",
        phase=Phase.IMPLEMENTATION,
        n_projects=size["projects"],
        n_ballots=size["ballots"],
        voting=(now - timedelta(days=200), now - timedelta(days=180)),
        members=members,
        rng=rng,
        gen=gen,
        progress=progress,
    )
    bar = progress(1, f"count {size['ballots']:,} ballots")
    start = time.perf_counter()
    services.round_count(budget_round=finished)
    bar.update(1)
    bar.set_postfix_str(f"{time.perf_counter() - start:.1f} s")
    bar.close()
    _seed_round(
        municipality,
        title=f"Borgerbudget {now.year} (skaleringsdata)",
        phase=Phase.VOTING,
        n_projects=size["open_projects"],
        n_ballots=size["open"],
        voting=(now - timedelta(days=5), now + timedelta(days=25)),
        members=members,
        rng=rng,
        gen=gen,
        progress=progress,
    )


def _seed_round(
    municipality,
    *,
    title,
    phase,
    n_projects,
    n_ballots,
    voting,
    members,
    rng,
    gen,
    progress,
):
    from faelles.participation.models import ParticipationAct, Rung

    budget = 100_000 * n_projects // 2
    budget_round = BudgetRound.objects.create(
        municipality=municipality,
        title=title,
        description="Skaleringsdata til test og måling.",
        budget=budget,
        phase=phase,
        ballot_type=BallotType.APPROVAL,
        min_projects=1,
        max_projects=5,
        proposals_start=voting[0] - timedelta(days=90),
        proposals_end=voting[0] - timedelta(days=60),
        voting_start=voting[0],
        voting_end=voting[1],
    )
    projects = []
    themes = demo_themes(municipality)
    for j in range(n_projects):
        word, category = WORDS[j % len(WORDS)]
        projects.append(
            Project(
                municipality=municipality,
                round=budget_round,
                title=f"{word} i {PLACES[j % len(PLACES)]} ({j + 1})",
                description="Et forslag fra skaleringsdata.",
                cost=int(rng.choice([40, 60, 90, 120, 180, 250, 400])) * 1_000,
                area=PLACES[j % len(PLACES)],
                theme=themes[category],
                review_status=ReviewStatus.APPROVED,
                legal_ok=True,
                practical_ok=True,
                is_funded=False,
            )
        )
    Project.objects.bulk_create(projects)
    pks = list(budget_round.projects.order_by("id").values_list("id", flat=True))
    popularity = gen.dirichlet([0.6] * n_projects)
    bar = progress(n_ballots, f"ballots in {title}")
    ballots, receipts, acts = [], [], []
    start, end = voting
    span = (end - start).total_seconds() if phase != Phase.VOTING else 5 * 86_400
    lengths = gen.integers(1, 6, n_ballots)
    for i in range(n_ballots):
        chosen = gen.choice(
            n_projects, size=int(lengths[i]), replace=False, p=popularity
        )
        choices = json.dumps([[pks[j], 1] for j in sorted(chosen.tolist())])
        if i < len(members):
            token = uuid.uuid4()  # ids are random by design, even in seed data
            ballot_id = ballot_id_for(token)
            cast_at = start + timedelta(seconds=rng.uniform(0, span))
            # A counted round's receipts no longer lead to ballots (erased token).
            kept = token if phase == Phase.VOTING else None
            receipts.append(
                (
                    municipality.pk,
                    budget_round.pk,
                    members[i],
                    kept,
                    timezone.localdate(cast_at),
                )
            )
            day = timezone.localtime(cast_at).replace(
                hour=0, minute=0, second=0, microsecond=0
            )
            acts.append(
                (
                    municipality.pk,
                    members[i],
                    "budgeting.vote",
                    int(Rung.LEADERSHIP),
                    "budgeting.budgetround",
                    str(budget_round.pk),
                    day,
                )
            )
            source = BallotSource.ONLINE
        else:
            ballot_id = uuid.uuid4()
            source = BallotSource.PAPER
        ballots.append(
            (ballot_id, municipality.pk, budget_round.pk, choices, "[]", source)
        )
    ballots.sort(key=lambda row: row[0])  # stored in random-id order, as after voting
    insert_rows(
        Ballot,
        ["id", "municipality", "round", "choices", "drops", "source"],
        ballots,
        bar,
    )
    insert_rows(
        BallotReceipt,
        ["municipality", "round", "user", "ballot_token", "voted_on"],
        receipts,
    )
    insert_rows(
        ParticipationAct,
        [
            "municipality",
            "user",
            "action",
            "rung",
            "source_type",
            "source_id",
            "occurred_at",
        ],
        acts,
    )
    bar.close()
    return budget_round
