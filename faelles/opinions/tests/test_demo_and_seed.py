"""Rødovre's opinion map on the city centre shows recognisable groups; Kerteminde
has a debate; scale data in bulk."""

import io
import random

import pytest
from django.urls import reverse

from faelles.demo.foundation import load_foundation
from faelles.opinions import demo
from faelles.opinions.models import OpinionMap, Result, StatementStatus, Vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_maps():
    municipalities = load_foundation()
    demo.load_demo(municipalities=municipalities, stdout=io.StringIO())
    return {m.municipality.slug: m for m in OpinionMap.objects.all()}


def test_rodovre_map_has_three_recognisable_groups(demo_maps, client):
    rodovre = demo_maps["rodovre"]
    result = Result.objects.get(map=rodovre)
    summary = result.summary
    assert summary["participants"] >= 300
    assert len(summary["groups"]) == 3
    assert all(g["representative"] for g in summary["groups"])
    agreed = {r["statement"] for r in summary["consensus_agree"]}
    texts = dict(rodovre.statements.values_list("id", "text"))
    assert any("trygt" in texts[s] for s in agreed)
    assert rodovre.statements.filter(status=StatementStatus.PENDING).count() == 2
    assert rodovre.statements.filter(status=StatementStatus.REJECTED).count() == 1
    page = client.get(
        reverse(
            "opinions:results",
            kwargs={"municipality_slug": "rodovre", "pk": rodovre.pk},
        )
    )
    assert "Gruppe C er især" in page.content.decode()


def test_demo_is_the_same_every_load(demo_maps):
    first = sorted(
        Vote.objects.filter(participant__user=None).values_list(
            "participant__number", "statement__text", "value"
        )
    )
    municipalities = load_foundation()
    demo.load_demo(municipalities=municipalities, stdout=io.StringIO())
    again = sorted(
        Vote.objects.filter(participant__user=None).values_list(
            "participant__number", "statement__text", "value"
        )
    )
    assert first == again


def test_kerteminde_debate_has_two_camps(demo_maps):
    summary = Result.objects.get(map=demo_maps["kerteminde"]).summary
    assert len(summary["groups"]) == 2


def test_seed_small(municipality):
    class Bar:
        def update(self, n):
            pass

        def set_postfix_str(self, text):
            pass

        def close(self):
            pass

    demo.seed(
        municipality=municipality,
        scale="small",
        rng=random.Random(1),
        progress=lambda total, description: Bar(),
    )
    opinion_map = OpinionMap.objects.get(municipality=municipality)
    votes = Vote.objects.filter(map=opinion_map).count()
    assert 0.25 * 500 * 60 < votes < 0.35 * 500 * 60
    assert len(Result.objects.get(map=opinion_map).summary["groups"]) >= 2
