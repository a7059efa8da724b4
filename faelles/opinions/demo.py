"""Demo content and scale data for the opinion map (meningskort).

``load_demo`` writes Rødovre's map on the city-centre plan ("bymidten"): the
municipality's starting statements, a few hundred synthetic participants whose
votes come from three latent opinion groups with noise (seeded, so every load is
the same), statements from demo people waiting for moderation and one rejected,
and the demo citizen's own votes. Kerteminde gets a debate on the harbour with two
camps. The engine runs on both at the end, as the background task would, so the
result pages show groups at once.

``seed`` writes a map of 10,000 participants × 1,000 statements with 30 % of the
cells voted (``large``; 500 × 60 for ``small``) in bulk, and computes it.
"""

from __future__ import annotations

import random
import time
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from faelles.core.bulk import insert_rows

from . import services
from .models import (
    ExportAccess,
    Moderation,
    OpinionMap,
    Participant,
    Statement,
    StatementStatus,
    Vote,
)
from .phases import Phase

# Each statement with the stance of each latent group: +1 agree, -1 disagree,
# 0 no clear stance.
RODOVRE: dict[str, Any] = {
    "municipality": "rodovre",
    "title": "Bymidten – hvad vil vi med den?",
    "hearing": "Forslag til bymidteplan for Rødovre",
    "question": "Hvordan skal Rødovres nye bymidte omkring Rødovrevej og rådhuset være?",
    "description": (
        "Kommunen er ved at lave en helhedsplan for bymidten langs Rødovrevej "
        "mellem Rødovre Centrum og rådhuset. Før politikerne beslutter planen, vil "
        "vi gerne høre, hvad I mener – og finde det, som mange kan samles om. Tag "
        "stilling til udsagnene, og skriv gerne dine egne."
    ),
    "seed": 2610,
    "participants": 320,
    "weights": (0.45, 0.33, 0.22),
    "seen": 0.72,
    "statements": [
        (
            "Der skal være flere bænke og skygge, hvor man kan sidde uden at købe noget.",
            (1, 1, 1),
        ),
        (
            "Det skal være trygt at gå i bymidten om aftenen – også for børn og ældre.",
            (1, 1, 1),
        ),
        (
            "Rådhuset og Arne Jacobsens bygninger skal kunne ses og opleves fra byrummet.",
            (1, 0, 1),
        ),
        ("Borgerne skal høres igen, før byggeriet går i gang.", (1, 1, 1)),
        ("Rødovrevej gennem bymidten skal være gågade eller sivegade.", (1, -1, 0)),
        (
            "Der skal plantes mange flere træer, også hvor der i dag er parkering.",
            (1, -1, 1),
        ),
        (
            "Cykelstierne skal være brede og hænge sammen helt frem til Rødovre Centrum.",
            (1, 0, 0),
        ),
        (
            "Parkeringspladser på terræn skal blive til byrum og grønne områder.",
            (1, -1, 0),
        ),
        (
            "Regnvand skal ledes i åbne, grønne render i stedet for i kloakker.",
            (1, 0, 1),
        ),
        ("Der skal være gratis parkering tæt på butikkerne.", (-1, 1, 0)),
        ("Uden biler dør de små butikker i bymidten.", (-1, 1, 0)),
        (
            "Ældre og gangbesværede skal kunne køre helt frem til butikker og læge.",
            (0, 1, 1),
        ),
        ("Der skal være flere butikker og caféer i stueetagerne.", (1, 1, 0)),
        ("Varelevering skal kunne ske uden at spærre vejen.", (0, 1, 0)),
        ("Der må ikke bygges højere end fire etager i bymidten.", (-1, 0, 1)),
        (
            "Højhuse ved Rødovrevej er en god måde at skaffe flere boliger på.",
            (1, 0, -1),
        ),
        ("Bymidten skal have flere boliger, så der er liv efter lukketid.", (1, 1, -1)),
        (
            "Villakvartererne omkring bymidten skal have lov at være, som de er.",
            (-1, 0, 1),
        ),
        ("Nyt byggeri må ikke skygge for naboernes haver.", (0, 0, 1)),
        ("Der skal være billige boliger til unge i bymidten.", (1, 0, -1)),
        (
            "Bymidten skal have et torv med marked og arrangementer i weekenden.",
            (1, 1, 0),
        ),
        ("Der skal være en legeplads midt i bymidten.", (1, 0, 1)),
        ("Busserne skal køre oftere, og stoppestederne skal have læ.", (1, 0, 1)),
        (
            "Pengene er bedre brugt på skoler og daginstitutioner end på bymidten.",
            (-1, 0, 1),
        ),
    ],
    # Written by demo people (waiting for a moderator), and one rejected.
    "pending": [
        ("birthe.jakobsen", "Der skal være offentlige toiletter ved torvet."),
        ("ayaan.farah", "Ungdomsklubben skal have et sted i bymidten."),
    ],
    "rejected": (
        "kim.lassen",
        "Dem der vil have gågade, kan bare flytte ind til København.",
        "Udsagnet handler om personer frem for om bymidten.",
    ),
    # The demo citizen votes on these (by position) so "hvor står jeg" shows.
    "citizen": [(0, 1), (4, 1), (5, 1), (9, -1), (10, -1), (15, 1), (16, 1), (19, 1)],
    "export_access": ExportAccess.AFTER_CLOSE,
}

KERTEMINDE: dict[str, Any] = {
    "municipality": "kerteminde",
    "title": "Debat: Havnen i Kerteminde",
    "hearing": "Hvordan bruger vi havnen i Kerteminde – hele året?",
    "question": "Hvad skal havnen i Kerteminde bruges til de næste 20 år?",
    "description": (
        "Fiskeriet fylder mindre, og flere vil bo, bade og spise ved havnen. Hvad "
        "skal vi holde fast i, og hvad skal vi lave om? En åben debat før "
        "udvalget tager fat på en ny havneplan."
    ),
    "seed": 5300,
    "participants": 140,
    "weights": (0.55, 0.45),
    "seen": 0.8,
    "statements": [
        ("Havnen skal stadig være en arbejdende havn med fiskere og værfter.", (1, -1)),
        ("Der skal være et havnebad, hvor man kan svømme om sommeren.", (1, 1)),
        ("Fiskerne skal have førsteret til kajpladserne.", (1, -1)),
        ("Der skal bygges boliger på den gamle industrigrund ved havnen.", (-1, 1)),
        ("Flere restauranter og caféer ved havnen vil gøre byen mere levende.", (0, 1)),
        ("Parkeringen ved havnen skal blive, som den er.", (1, -1)),
        ("Der skal være en sti langs hele havnen, som alle kan gå på.", (1, 1)),
        ("Turister fylder for meget i sommerferien.", (1, -1)),
        ("Havnen skal have plads til lystbåde og kajakker.", (0, 1)),
        ("Fjord&Bælt og havnen skal samarbejde om undervisning for skolebørn.", (1, 1)),
        ("Nye bygninger ved havnen må højst være to etager.", (1, -1)),
        ("Kommunen skal give penge til at bevare de gamle pakhuse.", (1, 1)),
        ("Havnen skal kunne holde store arrangementer som koncerter.", (-1, 1)),
        ("Der skal være el-ladere til både.", (0, 1)),
    ],
    "pending": [
        ("mette.larsen", "Der skal være en fiskehal, hvor man kan købe dagens fangst.")
    ],
    "rejected": None,
    "citizen": [(0, 1), (1, 1), (2, 1), (3, -1), (5, 1), (6, 1), (7, 1)],
    "export_access": ExportAccess.ALWAYS,
}


def load_demo(*, municipalities, stdout) -> None:
    for spec in (RODOVRE, KERTEMINDE):
        municipality = municipalities.get(spec["municipality"])
        if municipality is None:
            continue
        with transaction.atomic():
            _clear(municipality, spec["title"])
            opinion_map = _load(municipality, spec, _people(municipality))
        result = services.result_compute(map_id=opinion_map.pk)
        groups = len(result.summary["groups"]) if result is not None else 0
        stdout.write(
            f"  meningskort in {municipality.slug}: {opinion_map.title} "
            f"({result.summary['participants'] if result else 0} deltagere, "
            f"{groups} grupper)"
        )


def _hearing(municipality, title: str):
    """The demo hearing or debate the map belongs to (made by dialogue's demo,
    which runs first), or None when it is not there."""
    hearings = OpinionMap._meta.get_field("hearing").related_model._default_manager
    return hearings.filter(municipality=municipality, title=title).first()


def _people(municipality) -> dict:
    from faelles.accounts.models import User

    domain = f"@{municipality.slug}.faelles.example"
    return {
        u.email.removesuffix(domain): u
        for u in User.objects.filter(email__endswith=domain).order_by("email")
    }


def _clear(municipality, title: str) -> None:
    from faelles.participation.models import ParticipationAct

    for opinion_map in OpinionMap.objects.filter(
        municipality=municipality, title=title
    ):
        ParticipationAct.objects.filter(
            source_type="opinions.opinionmap", source_id=str(opinion_map.pk)
        ).delete()
        opinion_map.delete()


def latent_votes(
    rng: random.Random,
    stances: list[tuple[int, ...]],
    weights: tuple[float, ...],
    participants: int,
    seen: float,
) -> list[tuple[int, int, int]]:
    """``(participant index, statement index, vote)`` from latent group opinions.

    Each synthetic person belongs to one group (drawn by ``weights``), sees a
    statement with probability ``seen``, and votes their group's stance 80 % of
    the time (a neutral stance: agree, disagree or pass evenly), otherwise
    anything.
    """
    votes = []
    groups = list(range(len(weights)))
    for p in range(participants):
        g = rng.choices(groups, weights)[0]
        for s, stance in enumerate(stances):
            if rng.random() > seen:
                continue
            want = stance[g]
            if want == 0 or rng.random() > 0.8:
                vote = rng.choice((-1, 0, 1)) if want == 0 else rng.choice((-want, 0))
            else:
                vote = want
            votes.append((p, s, vote))
    return votes


def _load(municipality, spec: dict, people: dict) -> OpinionMap:
    now = timezone.now()
    employee = people["medarbejder"]
    opinion_map = services.map_create(
        municipality=municipality,
        actor=employee,
        title=spec["title"],
        question=spec["question"],
        description=spec["description"],
        opens_at=now - timedelta(days=12),
        closes_at=now + timedelta(days=16),
        moderation=Moderation.BEFORE,
        export_access=spec["export_access"],
        hearing=_hearing(municipality, spec["hearing"]),
    )
    opinion_map = services.map_set_phase(
        opinion_map=opinion_map, actor=employee, phase=Phase.OPEN
    )
    statements = [
        services.statement_add(
            opinion_map=opinion_map,
            user=employee,
            text=text,
            accept=True,
            now=now - timedelta(days=12),
        )
        for text, _stance in spec["statements"]
    ]
    # Synthetic participants without accounts: pseudonyms only, votes in bulk.
    rng = random.Random(spec["seed"])
    numbers = rng.sample(range(1, 2**31 - 1), spec["participants"])
    created = Participant.objects.bulk_create(
        Participant(municipality=municipality, map=opinion_map, number=n)
        for n in numbers
    )
    stances = [stance for _text, stance in spec["statements"]]
    Vote.objects.bulk_create(
        Vote(
            municipality=municipality,
            map=opinion_map,
            participant=created[p],
            statement=statements[s],
            value=v,
            updated_at=now - timedelta(days=11) + timedelta(minutes=17 * p),
        )
        for p, s, v in latent_votes(
            rng, stances, spec["weights"], spec["participants"], spec["seen"]
        )
    )
    for who, text in spec["pending"]:
        if who in people:
            services.statement_add(opinion_map=opinion_map, user=people[who], text=text)
    if spec["rejected"] and spec["rejected"][0] in people:
        who, text, note = spec["rejected"]
        rejected = services.statement_add(
            opinion_map=opinion_map, user=people[who], text=text
        )
        services.statement_moderate(
            statement=rejected,
            actor=people.get("moderator", employee),
            status=StatementStatus.REJECTED,
            note=note,
        )
    citizen = people.get("borger")
    if citizen is not None:
        for s, value in spec["citizen"]:
            services.vote_cast(
                opinion_map=opinion_map,
                user=citizen,
                statement_id=statements[s].pk,
                value=value,
            )
    return opinion_map


# --- scale data ----------------------------------------------------------------------

SIZES = {
    "small": {"participants": 500, "statements": 60, "groups": 3},
    "large": {"participants": 10_000, "statements": 1_000, "groups": 4},
}
VOTED = 0.30


def seed(*, municipality, scale: str, rng, progress) -> None:
    """A large map in bulk: latent groups, 30 % of the cells voted, then computed."""
    import numpy as np

    size = SIZES[scale]
    gen = np.random.default_rng(rng.getrandbits(64))
    now = timezone.now().replace(microsecond=0)
    n, m, k = size["participants"], size["statements"], size["groups"]
    opinion_map = OpinionMap.objects.create(
        municipality=municipality,
        title=f"Meningskort (skaleringsdata, {n:,} × {m:,})",
        question="Hvad skal vi prioritere i kommunen de næste ti år?",
        phase=Phase.OPEN,
        opens_at=now - timedelta(days=30),
        closes_at=now + timedelta(days=30),
    )
    Statement.objects.bulk_create(
        Statement(
            municipality=municipality,
            map=opinion_map,
            text=f"Skaleringsudsagn nummer {j + 1}",
            status=StatementStatus.ACCEPTED,
        )
        for j in range(m)
    )
    sids = list(
        Statement.objects.filter(map=opinion_map)
        .order_by("id")
        .values_list("id", flat=True)
    )
    numbers = rng.sample(range(1, 2**31 - 1), n)
    Participant.objects.bulk_create(
        (
            Participant(municipality=municipality, map=opinion_map, number=int(x))
            for x in numbers
        ),
        batch_size=2000,
    )
    pids = list(
        Participant.objects.filter(map=opinion_map)
        .order_by("id")
        .values_list("id", flat=True)
    )
    stance = gen.choice([-1, 0, 1], size=(k, m))
    group = gen.integers(0, k, size=n)
    bar = progress(int(n * m * VOTED), f"opinion map: {n:,} × {m:,} votes")
    for lo in range(0, n, 1000):
        rows: list[tuple] = []
        for i in range(lo, min(lo + 1000, n)):
            cols = np.flatnonzero(gen.random(m) < VOTED)
            want = stance[group[i], cols]
            noise = gen.random(len(cols)) > 0.75
            votes = np.where(noise, gen.choice([-1, 0, 1], size=len(cols)), want)
            rows.extend(
                (municipality.pk, opinion_map.pk, pids[i], sids[j], int(v), now)
                for j, v in zip(cols, votes, strict=True)
            )
        insert_rows(
            Vote,
            ["municipality", "map", "participant", "statement", "value", "updated_at"],
            rows,
            bar,
        )
    start = time.perf_counter()
    services.result_compute(map_id=opinion_map.pk)
    bar.set_postfix_str(f"computed in {time.perf_counter() - start:.1f} s")
    bar.close()
