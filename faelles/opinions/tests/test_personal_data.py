"""A person's own opinion-map data: exported for them; on deletion the pseudonym is
unlinked and the votes and statements stay in the map, linked to no one."""

import pytest

from faelles.opinions import gdpr, services
from faelles.opinions.factories import StatementFactory
from faelles.opinions.models import Participant, Statement, Vote

pytestmark = pytest.mark.django_db


def test_export_has_own_statements_and_votes_only(opinion_map, citizen, member):
    statement = StatementFactory(map=opinion_map)
    services.vote_cast(
        opinion_map=opinion_map, user=citizen, statement_id=statement.pk, value=-1
    )
    services.vote_cast(
        opinion_map=opinion_map, user=member, statement_id=statement.pk, value=1
    )
    services.statement_add(
        opinion_map=opinion_map, user=citizen, text="Torvet skal have springvand"
    )
    data = gdpr.export_personal_data(citizen)
    assert [s["text"] for s in data["statements"]] == ["Torvet skal have springvand"]
    assert [(v["statement_id"], v["value"]) for v in data["votes"]] == [
        (statement.pk, -1)
    ]
    assert [m["map_id"] for m in data["took_part_in"]] == [opinion_map.pk]


def test_deleting_the_account_keeps_the_votes_linked_to_no_one(opinion_map, citizen):
    statement = StatementFactory(map=opinion_map)
    services.vote_cast(
        opinion_map=opinion_map, user=citizen, statement_id=statement.pk, value=1
    )
    services.statement_add(
        opinion_map=opinion_map, user=citizen, text="Torvet skal have springvand"
    )
    citizen.delete()
    participant = Participant.objects.get(map=opinion_map)
    assert participant.user is None
    assert Vote.objects.get(statement=statement).participant == participant
    assert Statement.objects.filter(text="Torvet skal have springvand").exists()
