"""The result is computed by a background task after votes arrive, debounced, and
stored; moderated-out statements take no part; groups under 5 are not shown."""

import pytest
from django.test import override_settings

from faelles.opinions import services
from faelles.opinions.factories import StatementFactory
from faelles.opinions.models import OpinionMap, Result, StatementStatus
from faelles.opinions.results import MIN_GROUP

pytestmark = pytest.mark.django_db

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def test_a_vote_queues_the_update_and_the_task_stores_the_result(
    grouped_map, citizen, django_capture_on_commit_callbacks
):
    opinion_map, statements, people = grouped_map
    with django_capture_on_commit_callbacks(execute=True):
        services.vote_cast(
            opinion_map=opinion_map,
            user=citizen,
            statement_id=statements[0].pk,
            value=1,
        )
    result = Result.objects.get(map=opinion_map)  # the immediate backend ran it
    assert result.votes_counted > 600
    summary = result.summary
    assert len(summary["groups"]) == 2
    # the two camps are found: each camp lands (nearly) whole in one group
    groups = result.participant_groups
    for camp in (0, 1):
        labels = [groups.get(str(p.number)) for p in people[camp::2]]
        top = max(set(labels), key=labels.count)
        assert top is not None and labels.count(top) >= 27
    first = summary["groups"][0]
    assert first["representative"], "each group says what it stands for"
    assert set(result.priorities) == {str(s.pk) for s in statements}
    opinion_map.refresh_from_db()
    assert opinion_map.update_queued is False


@override_settings(TASKS=DUMMY)
def test_a_burst_of_votes_queues_one_update(
    grouped_map, citizen, member, django_capture_on_commit_callbacks
):
    from django_tasks import default_task_backend

    opinion_map, statements, _people = grouped_map
    default_task_backend.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for user in (citizen, member):
            for statement in statements[:5]:
                services.vote_cast(
                    opinion_map=opinion_map,
                    user=user,
                    statement_id=statement.pk,
                    value=1,
                )
    assert len(default_task_backend.results) == 1
    # Once the task has started, the next vote queues the next update.
    services.result_compute(map_id=opinion_map.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.vote_cast(
            opinion_map=opinion_map,
            user=citizen,
            statement_id=statements[6].pk,
            value=-1,
        )
    assert len(default_task_backend.results) == 2
    assert OpinionMap.objects.get(pk=opinion_map.pk).update_queued is True


def test_a_rejected_statement_takes_no_part(grouped_map, municipal_admin):
    opinion_map, statements, _people = grouped_map
    services.result_compute(map_id=opinion_map.pk)
    before = Result.objects.get(map=opinion_map)
    shown = {
        r["statement"] for g in before.summary["groups"] for r in g["representative"]
    }
    target = statements[0] if statements[0].pk in shown else statements[1]
    services.statement_moderate(
        statement=target, actor=municipal_admin, status=StatementStatus.REJECTED
    )
    after = services.result_compute(map_id=opinion_map.pk)
    summary = after.summary
    mentioned = {r["statement"] for g in summary["groups"] for r in g["representative"]}
    mentioned |= {r["statement"] for r in summary["consensus_agree"]}
    mentioned |= {r["statement"] for r in summary["consensus_disagree"]}
    mentioned |= {r["statement"] for r in summary["splits"]}
    assert target.pk not in mentioned
    assert str(target.pk) not in after.priorities
    assert summary["statements"] == len(statements) - 1


def test_the_update_continues_from_the_stored_state(grouped_map):
    opinion_map, _statements, _people = grouped_map
    first = services.result_compute(map_id=opinion_map.pk)
    groups = [(g["label"], g["size"]) for g in first.summary["groups"]]
    second = services.result_compute(map_id=opinion_map.pk)
    assert [(g["label"], g["size"]) for g in second.summary["groups"]] == groups
    assert second.state["in_conv"] == first.state["in_conv"]


def test_groups_smaller_than_five_are_not_shown(opinion_map):
    from .synthetic import grouped_votes

    grouped_votes(opinion_map, people=8, statements=8)
    result = services.result_compute(map_id=opinion_map.pk)
    summary = result.summary
    for g in summary["groups"]:
        assert g["size"] >= MIN_GROUP
    shown = sum(g["size"] for g in summary["groups"])
    assert shown + summary["hidden_people"] <= 8
    assert set(result.participant_groups.values()) <= {
        g["label"] for g in summary["groups"]
    }


def test_pending_statement_is_not_shown_to_vote_on(opinion_map, citizen):
    from faelles.opinions.selectors import next_statement

    StatementFactory(map=opinion_map, status=StatementStatus.PENDING)
    assert next_statement(opinion_map=opinion_map, participant=None) is None
