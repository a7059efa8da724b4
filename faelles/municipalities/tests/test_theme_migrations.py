"""The data migrations move old hard-coded values to the municipality's themes, and
back (communities/0004, budgeting/0005; initiatives/0008 uses the same mapping)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db

BEFORE = [
    ("initiatives", "0007_ladder_moves_to_participation"),
    ("communities", "0003_shared_files_in_private_storage"),
    ("budgeting", "0004_pabulib_import"),
]
AFTER = [
    ("initiatives", "0008_municipal_themes"),
    ("communities", "0004_municipal_themes"),
    ("budgeting", "0005_municipal_themes"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)  # the scratch database
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_apps(scratch_database):
    return _migrate(BEFORE)


def test_old_values_map_to_the_municipalitys_themes_and_back(old_apps):
    Municipality = old_apps.get_model("municipalities", "Municipality")
    Community = old_apps.get_model("communities", "Community")
    BudgetRound = old_apps.get_model("budgeting", "BudgetRound")
    Project = old_apps.get_model("budgeting", "Project")
    odense = Municipality.objects.create(slug="odense", name="O", programme_name="P")
    faxe = Municipality.objects.create(slug="faxe", name="F", programme_name="P")
    for municipality, theme in ((odense, "craft"), (odense, "talk"), (faxe, "craft")):
        Community.objects.create(
            municipality=municipality, name=f"{theme} {municipality.slug}",
            description="x", theme=theme,
        )  # fmt: skip
    budget_round = BudgetRound.objects.create(
        municipality=odense, title="R", budget=1000
    )
    for title, category in (("Lys", "safety"), ("Uden", "")):
        Project.objects.create(
            municipality=odense, round=budget_round, title=title,
            description="x", cost=10, category=category,
        )  # fmt: skip

    Initiative = old_apps.get_model("initiatives", "Initiative")
    InitiativeTheme = old_apps.get_model("initiatives", "InitiativeTheme")
    bridge = Initiative.objects.create(
        municipality=odense, title="Badebro", challenge="x", idea="y"
    )
    for key in ("nature", "neighbours"):
        InitiativeTheme.objects.create(
            municipality=odense, initiative=bridge, theme=key
        )

    apps = _migrate(AFTER)
    InitiativeTheme = apps.get_model("initiatives", "InitiativeTheme")
    assert sorted(
        InitiativeTheme.objects.values_list("theme__key", "theme__municipality")
    ) == [("nature", odense.pk), ("neighbours", odense.pk)]
    Community = apps.get_model("communities", "Community")
    Project = apps.get_model("budgeting", "Project")
    for community in Community.objects.select_related("theme"):
        key, slug = community.name.split()
        assert community.theme.key == key
        assert community.theme.municipality_id == community.municipality_id
        assert community.municipality.slug == slug
    odense_craft = Community.objects.get(name="craft odense").theme
    assert odense_craft.name == "Håndværk og gør-det-selv"
    assert odense_craft.name_en == "Crafts and do-it-yourself"
    projects = {p.title: p for p in Project.objects.select_related("theme")}
    assert projects["Lys"].theme.key == "safety"
    assert projects["Uden"].theme is None  # no category: no theme

    apps = _migrate(BEFORE)
    Community = apps.get_model("communities", "Community")
    Project = apps.get_model("budgeting", "Project")
    assert sorted(Community.objects.values_list("name", "theme")) == [
        ("craft faxe", "craft"),
        ("craft odense", "craft"),
        ("talk odense", "talk"),
    ]
    InitiativeTheme = apps.get_model("initiatives", "InitiativeTheme")
    assert sorted(InitiativeTheme.objects.values_list("theme", flat=True)) == [
        "nature",
        "neighbours",
    ]
    assert dict(Project.objects.values_list("title", "category")) == {
        "Lys": "safety",
        "Uden": "",
    }
