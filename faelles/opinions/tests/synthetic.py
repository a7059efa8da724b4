"""Synthetic votes for tests: two camps on opposite halves of the statements."""

import random

from django.utils import timezone

from faelles.opinions.factories import ParticipantFactory, StatementFactory
from faelles.opinions.models import Vote


def grouped_votes(opinion_map, *, people=60, statements=12, seed=1):
    """Two camps of equal size who agree and disagree on opposite halves of the
    statements (with some noise and some unseen statements)."""
    rng = random.Random(seed)
    made = StatementFactory.create_batch(statements, map=opinion_map)
    now = timezone.now()
    votes = []
    participants = ParticipantFactory.create_batch(people, map=opinion_map)
    for i, participant in enumerate(participants):
        camp = i % 2
        for j, statement in enumerate(made):
            if rng.random() < 0.15:
                continue
            value = 1 if (j % 2 == camp) else -1
            if rng.random() < 0.1:
                value = rng.choice((-1, 0, 1))
            votes.append(
                Vote(
                    municipality=opinion_map.municipality,
                    map=opinion_map,
                    participant=participant,
                    statement=statement,
                    value=value,
                    updated_at=now,
                )
            )
    Vote.objects.bulk_create(votes)
    return made, participants
