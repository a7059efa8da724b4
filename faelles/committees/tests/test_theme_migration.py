"""committees/0002 and dialogue/0003 file typed themes under the municipality's
own themes, and going back gives the text again (docs/themes.md)."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db

BEFORE = [("committees", "0001_initial"), ("dialogue", "0002_committee")]
AFTER = [("committees", "0002_municipal_themes"), ("dialogue", "0003_municipal_themes")]


def _migrate(targets):
    executor = MigrationExecutor(connection)  # the scratch database
    # The municipalities' themes as they are now (the old state needs them too).
    graph = executor.loader.graph
    themes = [n for n in graph.leaf_nodes() if n[0] == "municipalities"]
    executor.migrate(targets + themes)
    return executor.loader.project_state(targets + themes).apps


@pytest.fixture
def old_apps(scratch_database):
    return _migrate(BEFORE)


def _committee(apps, municipality, title, theme):
    return apps.get_model("committees", "TaskCommittee").objects.create(
        municipality=municipality,
        title=title,
        theme=theme,
        summary="s",
        mandate="m",
        questions="q",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )


def test_typed_themes_become_the_municipalitys_themes_and_back(old_apps):
    Municipality = old_apps.get_model("municipalities", "Municipality")
    Theme = old_apps.get_model("municipalities", "Theme")
    Recommendation = old_apps.get_model("committees", "Recommendation")
    Hearing = old_apps.get_model("dialogue", "Hearing")
    odense = Municipality.objects.create(slug="odense", name="O", programme_name="P")
    faxe = Municipality.objects.create(slug="faxe", name="F", programme_name="P")
    for municipality in (odense, faxe):
        Theme.objects.create(
            municipality=municipality, key="health", name="Sundhed og trivsel",
            name_en="Health and well-being", position=1,
        )  # fmt: skip
    Theme.objects.create(
        municipality=odense, key="faellesskaber", name="Fællesskaber der bærer",
        position=2,
    )  # fmt: skip
    danish = _committee(old_apps, odense, "Dansk", " sundhed OG trivsel ")
    _committee(old_apps, odense, "Engelsk", "HEALTH AND WELL-BEING")
    _committee(old_apps, odense, "Nøgle", "Faellesskaber")
    new = _committee(old_apps, odense, "Nyt", "Fællesskaber og trivsel")
    _committee(old_apps, odense, "Tomt", "")
    _committee(old_apps, faxe, "Faxe", "Sundhed og trivsel")
    Recommendation.objects.create(
        municipality=odense, committee=new, number=1, title="R1", rationale="r",
        theme="Klima og natur",
    )  # fmt: skip
    Recommendation.objects.create(
        municipality=odense, committee=new, number=2, title="R2", rationale="r",
        theme="fællesskaber og trivsel",
    )  # fmt: skip
    now = timezone.now()
    for title, committee in (("Input", danish), ("Alene", None)):
        Hearing.objects.create(
            municipality=odense, title=title, question="q", committee=committee,
            announced_at=now, opens_at=now, closes_at=now + timedelta(days=7),
        )  # fmt: skip

    apps = _migrate(AFTER)
    TaskCommittee = apps.get_model("committees", "TaskCommittee")
    Recommendation = apps.get_model("committees", "Recommendation")
    Hearing = apps.get_model("dialogue", "Hearing")
    Theme = apps.get_model("municipalities", "Theme")
    themes = {
        c.title: (c.theme.municipality_id, c.theme.key) if c.theme else None
        for c in TaskCommittee.objects.select_related("theme")
    }
    assert themes == {
        "Dansk": (odense.pk, "health"),
        "Engelsk": (odense.pk, "health"),
        "Nøgle": (odense.pk, "faellesskaber"),
        "Nyt": (odense.pk, "faellesskaber-og-trivsel"),
        "Tomt": None,
        "Faxe": (faxe.pk, "health"),
    }
    made = Theme.objects.get(municipality_id=odense.pk, key="faellesskaber-og-trivsel")
    assert made.name == "Fællesskaber og trivsel" and made.position == 3
    recommendations = dict(Recommendation.objects.values_list("title", "theme__name"))
    # The same text (in any case) is one theme; a new text a theme of its own.
    assert recommendations == {
        "R1": "Klima og natur",
        "R2": "Fællesskaber og trivsel",
    }
    assert Theme.objects.filter(municipality_id=odense.pk).count() == 4
    assert Theme.objects.filter(municipality_id=faxe.pk).count() == 1
    hearings = dict(Hearing.objects.values_list("title", "theme__key"))
    assert hearings == {"Input": "health", "Alene": None}  # the committee's theme

    apps = _migrate(BEFORE)
    TaskCommittee = apps.get_model("committees", "TaskCommittee")
    Recommendation = apps.get_model("committees", "Recommendation")
    assert dict(TaskCommittee.objects.values_list("title", "theme")) == {
        "Dansk": "Sundhed og trivsel",
        "Engelsk": "Sundhed og trivsel",
        "Nøgle": "Fællesskaber der bærer",
        "Nyt": "Fællesskaber og trivsel",
        "Tomt": "",
        "Faxe": "Sundhed og trivsel",
    }
    assert dict(Recommendation.objects.values_list("title", "theme")) == {
        "R1": "Klima og natur",
        "R2": "Fællesskaber og trivsel",
    }
