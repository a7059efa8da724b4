"""Every list that filters by theme filters by the municipality's own themes, with
the old ``?theme=<key>`` addresses, and names them in the reader's language."""

import pytest
from django.conf import settings

from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory
from faelles.committees.factories import TaskCommitteeFactory
from faelles.communities.factories import CommunityFactory
from faelles.dialogue.factories import HearingFactory
from faelles.initiatives.factories import InitiativeFactory
from faelles.initiatives.models import InitiativeTheme
from faelles.municipalities.factories import ThemeFactory, theme
from faelles.municipalities.services import theme_update
from faelles.municipalities.tenancy import tenant_reverse

pytestmark = pytest.mark.django_db


def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def _options(page: str) -> str:
    return page[
        page.index('name="theme"') : page.index("</select>", page.index('name="theme"'))
    ]


@pytest.mark.parametrize("language", ["da", "en"])
def test_communities_filter_by_theme(client, municipality, language):
    CommunityFactory(municipality=municipality, name="Nye hofter", theme="health")
    CommunityFactory(municipality=municipality, name="Mødregruppe", theme="family")
    if language == "en":
        _english(client)
    url = tenant_reverse("communities:list", municipality)
    page = client.get(url, {"theme": "health"}).content.decode()
    assert "Nye hofter" in page and "Mødregruppe" not in page
    label = "Health and well-being" if language == "en" else "Sundhed og trivsel"
    assert label in _options(page)
    assert label in page.split("</select>")[-1]  # the card names its theme too


@pytest.mark.parametrize("language", ["da", "en"])
def test_initiatives_filter_by_theme(client, municipality, language):
    bridge = InitiativeFactory(municipality=municipality, title="Badebro")
    cafe = InitiativeFactory(municipality=municipality, title="Lektiecafé")
    for initiative, key in ((bridge, "nature"), (cafe, "learning")):
        InitiativeTheme.objects.create(
            municipality=municipality,
            initiative=initiative,
            theme=theme(municipality, key),
        )
    if language == "en":
        _english(client)
    url = tenant_reverse("initiatives:list", municipality)
    page = client.get(url, {"theme": "nature"}).content.decode()
    assert "Badebro" in page and "Lektiecafé" not in page
    label = "Nature and green spaces" if language == "en" else "Natur og grønne områder"
    assert f'<option value="nature" selected>{label}</option>' in page


@pytest.mark.parametrize("language", ["da", "en"])
def test_budget_projects_filter_by_theme(client, municipality, language):
    budget_round = BudgetRoundFactory(municipality=municipality)
    ProjectFactory(
        round=budget_round, title="Lys på stien", theme=theme(municipality, "safety")
    )
    ProjectFactory(
        round=budget_round, title="Ny legeplads", theme=theme(municipality, "play")
    )
    if language == "en":
        _english(client)
    page = client.get(
        budget_round.get_absolute_url(), {"theme": "safety"}
    ).content.decode()
    assert "Lys på stien" in page and "Ny legeplads" not in page
    label = "Safety and lighting" if language == "en" else "Tryghed og belysning"
    assert f'<option value="safety" selected>{label}</option>' in page


@pytest.mark.parametrize("language", ["da", "en"])
def test_committees_filter_by_theme(client, municipality, language):
    TaskCommitteeFactory(
        municipality=municipality, title="Klimaudvalget", theme="climate"
    )
    TaskCommitteeFactory(
        municipality=municipality, title="Ældreudvalget", theme="elderly"
    )
    if language == "en":
        _english(client)
    url = tenant_reverse("committees:list", municipality)
    page = client.get(url, {"theme": "climate"}).content.decode()
    assert "Klimaudvalget" in page and "Ældreudvalget" not in page
    label = (
        "Climate and the green transition"
        if language == "en"
        else "Klima og grøn omstilling"
    )
    assert f'<option value="climate" selected>{label}</option>' in page
    assert label in page.split("</select>")[-1]  # the card names its theme too


@pytest.mark.parametrize("language", ["da", "en"])
def test_hearings_filter_by_theme(client, municipality, language):
    HearingFactory(
        municipality=municipality, title="Lokalplan for havnen", theme="city"
    )
    HearingFactory(municipality=municipality, title="Skovrejsning", theme="nature")
    if language == "en":
        _english(client)
    url = tenant_reverse("dialogue:list", municipality)
    page = client.get(url, {"theme": "city"}).content.decode()
    assert "Lokalplan for havnen" in page and "Skovrejsning" not in page
    label = "Town and landscape" if language == "en" else "By og landskab"
    assert f'<option value="city" selected>{label}</option>' in page
    assert label in page.split("</select>")[-1]


def test_a_municipalitys_own_theme_filters_and_inactive_ones_are_not_offered(
    client, municipality, other_municipality
):
    young = ThemeFactory(
        municipality=municipality,
        key="en-ung-strategi",
        name="En ung strategi",
        name_en="A young strategy",
    )
    CommunityFactory(municipality=municipality, name="Ungeråd", theme=young)
    CommunityFactory(municipality=municipality, name="Strikkeklub", theme="craft")
    # Another municipality's community under a theme with the same key.
    theirs = ThemeFactory(municipality=other_municipality, key="en-ung-strategi")
    CommunityFactory(municipality=other_municipality, name="Faxe unge", theme=theirs)
    url = tenant_reverse("communities:list", municipality)
    page = client.get(url, {"theme": "en-ung-strategi"}).content.decode()
    assert "Ungeråd" in page
    assert "Strikkeklub" not in page and "Faxe unge" not in page
    theme_update(
        theme=theme(municipality, "craft"), actor=None, fields={"is_active": False}
    )
    page = client.get(url).content.decode()
    assert 'value="craft"' not in _options(page)
    assert 'value="en-ung-strategi"' in _options(page)


@pytest.mark.parametrize("value", ["findes-ikke", "health\x00", "x" * 300])
def test_an_unknown_theme_is_no_filter_and_no_error(client, municipality, value):
    CommunityFactory(municipality=municipality, name="Nye hofter", theme="health")
    for name in (
        "communities:list",
        "initiatives:list",
        "committees:list",
        "dialogue:list",
    ):
        response = client.get(tenant_reverse(name, municipality), {"theme": value})
        assert response.status_code == 200


def test_the_cached_search_form_shows_each_municipalitys_own_themes(
    client, municipality, other_municipality
):
    ThemeFactory(municipality=municipality, key="kun-odense", name="Kun Odense")
    ThemeFactory(municipality=other_municipality, key="kun-faxe", name="Kun Faxe")
    odense = client.get(tenant_reverse("communities:list", municipality))
    faxe = client.get(tenant_reverse("communities:list", other_municipality))
    assert "Kun Odense" in _options(odense.content.decode())
    assert "Kun Faxe" not in _options(odense.content.decode())
    assert "Kun Faxe" in _options(faxe.content.decode())
    assert "Kun Odense" not in _options(faxe.content.decode())
