"""Demo content for the language check in Skanderborg: a few words of the
municipality's own, and a year of plausible monthly counts for two departments.

The counts are made the way real ones are: short demo texts are checked by the
engine with Skanderborg's lexicon and counted through ``check_record``, dated in
the past months; no text is kept. Running it again replaces Skanderborg's own
entries and counts.
"""

from __future__ import annotations

import random
from datetime import datetime, time
from typing import Any

from django.db import transaction
from django.utils import timezone

from faelles.accounts.models import User
from faelles.organisations.models import Organisation

from . import services
from .models import MonthlyChecks, MonthlyTerm, OwnEntry
from .selectors import checker_for_municipality, months_back

SLUG = "skanderborg"

OWN_ENTRIES: list[dict[str, Any]] = [
    {
        "kind": "flag",
        "term": "sagsbunke",
        "paradigm": "2.0",
        "reason": (
            "Bag hver sag står et menneske med sit eget liv; en bunke er noget, "
            "man ekspederer."
        ),
        "reason_en": (
            "Behind every case is a person with a life of their own; a pile is "
            "something to get through."
        ),
        "suggestions": "de borgere, vi er i gang med\nforløb",
        "compounds": True,
    },
    {
        "kind": "flag",
        "term": "levere velfærd",
        "paradigm": "2.0",
        "reason": (
            "Velfærd skabes sammen med borgerne og fællesskaberne – den leveres "
            "ikke som en vare."
        ),
        "reason_en": (
            "Welfare is made together with citizens and communities – it is not "
            "delivered like goods."
        ),
        "suggestions": "skabe velfærd sammen\nstøtte et godt hverdagsliv",
    },
    {
        "kind": "flag",
        "term": "sagsbehandlingsfabrik",
        "paradigm": "1.0",
        "reason": (
            "Ordet gør borgerens sag til et stykke arbejde på et samlebånd, som "
            "myndigheden ekspederer."
        ),
        "reason_en": (
            "The word makes the citizen's case a piece of work on an assembly "
            "line that the authority gets through."
        ),
        "suggestions": "vores arbejde med borgernes sager\nteamet",
    },
    {
        # The caretakers' team at the town hall: an established name.
        "kind": "name",
        "term": "Serviceteamet",
    },
]

# Short texts like those staff check, per department.
TEXTS = {
    "sundhed-og-omsorg": [
        "Kære borger. Du er bevilget hjemmehjælp to gange om ugen.",
        "Vi leverer ydelser til alle kunder i hjemmeplejen.",
        "Sagsbunken i visitationen er vokset henover sommeren.",
        "Hver bruger får en fast kontaktperson i plejen.",
        "Sammen med dig og dine pårørende finder vi ud af, hvad der giver dig et "
        "godt hverdagsliv.",
        "Vores serviceniveau for rengøring er hver anden uge.",
        "Vi vil levere velfærd af høj kvalitet til borgerne.",
        "Du bedes kontakte os, hvis du ikke kan være hjemme.",
    ],
    "kultur-og-faellesskab": [
        "Vi vil gerne give vores kunder på biblioteket en bedre service.",
        "Foreningerne er velkomne til at låne salen i Kulturhuset.",
        "Brugerne af medborgerhuset ønsker længere åbningstider.",
        "Skriv til Serviceteamet, hvis lyset i salen ikke virker.",
        "Frivillige og borgere skaber sammen sommerens festival.",
        "Kulturtilbuddene er et produkt, vi markedsfører bredt.",
    ],
}
# Checks per month, oldest first (the last is the current month, under way).
CHECKS = {
    "sundhed-og-omsorg": [0, 0, 0, 4, 9, 14, 12, 18, 22, 17, 25, 11],
    "kultur-og-faellesskab": [0, 0, 0, 0, 3, 6, 8, 7, 12, 9, 14, 6],
}


@transaction.atomic
def load_demo(*, municipalities, stdout) -> None:
    municipality = municipalities.get(SLUG)
    if municipality is None:
        return
    admin = User.objects.filter(email=f"admin@{SLUG}.faelles.example").first()
    OwnEntry.objects.filter(municipality=municipality).delete()
    MonthlyChecks.objects.filter(municipality=municipality).delete()
    MonthlyTerm.objects.filter(municipality=municipality).delete()
    for spec in OWN_ENTRIES:
        services.entry_create(municipality=municipality, actor=admin, **spec)
    checker = checker_for_municipality(municipality)
    rng = random.Random(2026)  # the same counts every time
    months = months_back(timezone.localdate())
    for slug, counts in CHECKS.items():
        department = Organisation.objects.filter(
            municipality=municipality, slug=slug
        ).first()
        if department is None:
            continue
        for month, n in zip(months, counts, strict=True):
            when = timezone.make_aware(datetime.combine(month, time(12)))
            for _ in range(n):
                services.check_record(
                    municipality=municipality,
                    department=department,
                    result=checker.check(rng.choice(TEXTS[slug])),
                    now=when,
                )
    stdout.write(f"  sprogtjek: {len(OWN_ENTRIES)} own entries, counts in {SLUG}")
