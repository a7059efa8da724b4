import pytest

from faelles.matching import taxonomy

pytestmark = pytest.mark.engine


def test_every_parent_exists_and_parents_come_first():
    seen = set()
    for slug, cat in taxonomy.CATEGORIES.items():
        assert cat.parent is None or cat.parent in seen
        seen.add(slug)


def test_issue_examples_are_in_the_tree():
    for slug in (
        "health.chronic.copd",
        "health.chronic.diabetes",
        "health.chronic.heart",
        "health.mental",
        "health.rehab",
    ):
        assert "health" in taxonomy.ancestors(slug)
    for root in (
        "health",
        "elderly",
        "youth",
        "families",
        "integration",
        "employment",
        "nature",
        "culture",
        "local",
        "sport",
    ):
        assert root in taxonomy.ROOTS


def test_get_and_ancestors():
    assert taxonomy.get("health.chronic.copd").label_da == "KOL"
    assert taxonomy.ancestors("health.chronic.copd") == ["health.chronic", "health"]
    assert taxonomy.ancestors("health") == []
    with pytest.raises(KeyError, match="nope"):
        taxonomy.get("nope")


def test_path_label_in_both_languages():
    assert taxonomy.path_label("health.chronic") == "Sundhed › Kronisk sygdom"
    assert taxonomy.path_label("health.chronic", "en") == "Health › Chronic illness"


def test_choices_cover_every_slug_with_indentation():
    da = taxonomy.choices("da")
    en = taxonomy.choices("en")
    assert [s for s, _ in da] == list(taxonomy.CATEGORIES)
    assert dict(da)["health"] == "Sundhed"
    assert dict(en)["health.chronic"].strip() == "Chronic illness"
    assert dict(en)["health.chronic"] != "Chronic illness"  # indented under Health
