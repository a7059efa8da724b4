"""Committees and their recommendations are filed under the municipality's own
themes (docs/themes.md): forms and services refuse another municipality's, the
list filters by ``?theme=<key>``, the pages show theme and focus area."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from faelles.committees import services
from faelles.committees.factories import RecommendationFactory, TaskCommitteeFactory
from faelles.committees.models import TaskCommittee
from faelles.committees.phases import Phase
from faelles.municipalities.factories import FocusAreaFactory, theme

pytestmark = pytest.mark.django_db


def url(name, municipality, **kwargs):
    return reverse(
        f"committees:{name}", kwargs={"municipality_slug": municipality.slug, **kwargs}
    )


def _post(politician, **changes):
    today = timezone.localdate()
    return {
        "title": "Unges fællesskaber",
        "theme": "children",
        "summary": "Hvordan finder flere unge et fællesskab?",
        "mandate": "Kom med anbefalinger.",
        "questions": "Hvad savner de unge?",
        "period_start": today.isoformat(),
        "period_end": (today + timedelta(days=200)).isoformat(),
        "chair": politician.pk,
        "selection_method": "lot",
        "seats": 6,
        "strata": ["age_band"],
        **changes,
    }


def test_the_form_files_a_committee_under_one_of_the_municipalitys_themes(
    client, municipality, other_municipality, politician
):
    area = FocusAreaFactory(theme=theme(municipality, "children"), key="unge")
    theirs = FocusAreaFactory(theme=theme(other_municipality, "children"))
    own = {t.key for t in municipality.themes.all()}
    client.force_login(politician)
    # Another municipality's theme key (one Odense does not have) is refused.
    other_key = theme(other_municipality, "health")
    other_key.key = "kun-i-faxe"
    other_key.save()
    assert "kun-i-faxe" not in own
    for changes, field in (
        ({"theme": "kun-i-faxe"}, "theme"),
        ({"focus_area": theirs.key}, "focus_area"),
        ({"focus_area": area.key, "theme": "health"}, "focus_area"),
    ):
        response = client.post(
            url("create", municipality), _post(politician, **changes)
        )
        assert response.status_code == 200
        assert field in response.context["form"].errors, changes
    assert not TaskCommittee.objects.exists()  # nothing filed

    response = client.post(
        url("create", municipality), _post(politician, focus_area=area.key)
    )
    assert response.status_code == 302

    committee = TaskCommittee.objects.get(municipality=municipality)
    assert committee.theme == theme(municipality, "children")
    assert committee.focus_area == area
    page = client.get(committee.get_absolute_url()).content.decode()
    assert f"Børn og unge</a> · {area.name}" in page


def test_the_services_refuse_another_municipalitys_theme(
    municipality, other_municipality, politician
):
    theirs = theme(other_municipality, "health")
    committee = TaskCommitteeFactory(municipality=municipality, phase=Phase.MANDATE)
    with pytest.raises(ValidationError) as refused:
        services.committee_create(
            municipality=municipality, actor=politician, title="x", theme=theirs
        )
    assert "theme" in refused.value.error_dict
    with pytest.raises(ValidationError):
        services.committee_create(
            municipality=municipality, actor=politician, title="x", theme="no-such"
        )
    with pytest.raises(ValidationError) as refused:
        services.committee_update(committee=committee, actor=politician, theme=theirs)
    assert "theme" in refused.value.error_dict
    area = FocusAreaFactory(theme=theirs)
    with pytest.raises(ValidationError) as refused:
        services.committee_update(
            committee=committee, actor=politician, focus_area=area
        )
    assert "focus_area" in refused.value.error_dict
    committee.refresh_from_db()
    assert committee.theme.key == "neighbours" and committee.focus_area is None

    working = TaskCommitteeFactory(municipality=municipality, phase=Phase.WORK)
    with pytest.raises(ValidationError) as refused:
        services.recommendation_create(
            committee=working, actor=politician, title="t", rationale="r", theme=theirs
        )
    assert "theme" in refused.value.error_dict
    assert not working.recommendations.exists()
    # A focus area alone files it under the area's theme.
    ours = FocusAreaFactory(theme=theme(municipality, "health"))
    recommendation = services.recommendation_create(
        committee=working, actor=politician, title="t", rationale="r", focus_area=ours
    )
    assert (recommendation.theme, recommendation.focus_area) == (ours.theme, ours)
    with pytest.raises(ValidationError):
        services.recommendation_update(
            recommendation=recommendation, actor=politician, theme=theirs
        )
    recommendation.refresh_from_db()
    assert recommendation.theme == ours.theme


def test_the_list_filters_by_theme(client, municipality, other_municipality):
    TaskCommitteeFactory(municipality=municipality, title="Naboer", theme="neighbours")
    TaskCommitteeFactory(municipality=municipality, title="Klimaet", theme="climate")
    TaskCommitteeFactory(municipality=municipality, title="Uden tema", theme=None)
    TaskCommitteeFactory(
        municipality=other_municipality, title="Faxes klima", theme="climate"
    )
    page = client.get(url("list", municipality) + "?theme=climate")
    titles = [c.title for c in page.context["committees"]]
    assert titles == ["Klimaet"]
    html = page.content.decode()
    assert '<option value="climate" selected>' in html
    assert "Klima og grøn omstilling" in html
    everything = client.get(url("list", municipality)).context["committees"]
    assert {c.title for c in everything} == {"Naboer", "Klimaet", "Uden tema"}
    # A key nobody has, or one that cannot be a key, lists nothing / everything.
    assert (
        list(client.get(url("list", municipality) + "?theme=nix").context["committees"])
        == []
    )
    odd = client.get(url("list", municipality) + "?theme=%3Cx%3E")
    assert odd.status_code == 200 and len(odd.context["committees"]) == 3


def test_the_theme_filter_in_english(client, municipality):
    TaskCommitteeFactory(municipality=municipality, theme="climate")
    client.cookies["faelles_language"] = "en"
    html = client.get(url("list", municipality)).content.decode()
    assert "All themes" in html
    assert "Climate and the green transition" in html


def test_a_recommendation_shows_its_theme_and_focus_area(client, municipality):
    area = FocusAreaFactory(theme=theme(municipality, "climate"), name="Solceller")
    recommendation = RecommendationFactory(
        committee__municipality=municipality,
        theme=area.theme,
        focus_area=area,
    )
    html = client.get(recommendation.get_absolute_url()).content.decode()
    assert "Klima og grøn omstilling · Solceller" in html
