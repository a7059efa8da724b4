"""The municipality's own strategy: defaults, services, administration, tenancy."""

import pytest
from django.core.exceptions import ValidationError

from faelles.budgeting.factories import ProjectFactory
from faelles.communities.factories import CommunityFactory
from faelles.communities.forms import CommunityForm
from faelles.communities.services import community_create
from faelles.core.models import AuditEntry
from faelles.initiatives.factories import InitiativeFactory
from faelles.initiatives.models import InitiativeTheme
from faelles.municipalities import services
from faelles.municipalities.factories import (
    FocusAreaFactory,
    MunicipalityFactory,
    ThemeFactory,
)
from faelles.municipalities.models import FocusArea, Theme
from faelles.municipalities.tenancy import tenant_reverse
from faelles.municipalities.themes import DEFAULT_THEMES, map_old_values

pytestmark = pytest.mark.django_db

OLD_KEYS = {
    # initiatives.models.Theme, communities.models.Theme, budgeting.models.Category
    "health", "children", "elderly", "nature", "culture", "neighbours",
    "learning", "work", "city", "mobility", "movement", "family", "craft",
    "climate", "talk", "play", "community", "safety", "traffic",
}  # fmt: skip


def test_a_new_municipality_gets_the_default_themes_in_both_languages():
    municipality = services.municipality_create(
        slug="ny-kommune", name="Ny Kommune", programme_name="Sammen i Ny"
    )
    themes = list(municipality.themes.order_by("position"))
    assert [t.key for t in themes] == [spec.key for spec in DEFAULT_THEMES]
    assert {t.key for t in themes} == OLD_KEYS  # every old ?theme= still resolves
    assert all(t.name and t.name_en and t.is_active for t in themes)
    assert themes[0].name == "Sundhed og trivsel"
    assert themes[0].name_en == "Health and well-being"
    assert AuditEntry.objects.filter(
        action="municipality.create", municipality=municipality
    ).exists()


def test_a_new_municipality_may_start_with_its_own_strategy():
    from faelles.demo.themes import strategy

    municipality = services.municipality_create(
        slug="rodovre-2",
        name="Rødovre",
        programme_name="Sammen om Rødovre",
        themes=strategy("rodovre"),
    )
    names = list(municipality.themes.values_list("name", flat=True))
    assert names[:2] == ["Sammen med borgeren", "En ung strategi"]
    young = municipality.themes.get(key="en-ung-strategi")
    assert young.focus_areas.filter(name="Unges trivsel").exists()


def test_mapping_old_values_to_themes_by_key():
    municipality = MunicipalityFactory(themes=False)
    mapping = map_old_values(
        Theme, FocusArea, municipality.pk, ["health", "craft", "", "gammelt-tema"]
    )
    themes = Theme.objects.in_bulk(mapping.values())
    assert set(mapping) == {"health", "craft", "gammelt-tema"}  # blank: no theme
    assert themes[mapping["health"]].key == "health"
    assert themes[mapping["craft"]].name == "Håndværk og gør-det-selv"
    # A value outside the old choices is kept as a theme of its own, not lost.
    assert themes[mapping["gammelt-tema"]].name == "gammelt-tema"
    # Running it again maps to the same themes and adds none.
    count = Theme.objects.count()
    again = map_old_values(Theme, FocusArea, municipality.pk, ["health", "craft"])
    assert again == {"health": mapping["health"], "craft": mapping["craft"]}
    assert Theme.objects.count() == count


def test_theme_keys_are_unique_per_municipality(municipality, other_municipality):
    with pytest.raises(ValidationError):
        services.theme_create(
            municipality=municipality, actor=None, key="health", name="Igen"
        )
    # Another municipality has its own "health".
    assert Theme.objects.filter(key="health").count() == 2


def test_a_theme_in_use_cannot_be_deleted(municipality, municipal_admin):
    used = {
        "community": CommunityFactory(municipality=municipality).theme,
        "project": ProjectFactory(
            round__municipality=municipality,
            municipality=municipality,
            theme=ThemeFactory(municipality=municipality),
        ).theme,
    }
    initiative = InitiativeFactory(municipality=municipality)
    used["initiative"] = ThemeFactory(municipality=municipality)
    InitiativeTheme.objects.create(
        municipality=municipality, initiative=initiative, theme=used["initiative"]
    )
    area = FocusAreaFactory(theme__municipality=municipality)
    ProjectFactory(
        round__municipality=municipality,
        municipality=municipality,
        theme=None,
        focus_area=area,
    )
    used["focus area"] = area.theme
    for what, theme in used.items():
        assert services.theme_in_use(theme), what
        with pytest.raises(ValidationError, match="er i brug"):
            services.theme_delete(theme=theme, actor=municipal_admin)
        assert Theme.objects.filter(pk=theme.pk).exists(), what
    unused = ThemeFactory(municipality=municipality)
    FocusAreaFactory(theme=unused)  # its own focus areas do not keep it
    assert not services.theme_in_use(unused)
    services.theme_delete(theme=unused, actor=municipal_admin)
    assert not Theme.objects.filter(pk=unused.pk).exists()
    assert AuditEntry.objects.filter(action="municipality.theme_delete").count() == 1


def test_delete_page_refuses_a_theme_in_use_with_a_message(
    client, municipality, municipal_admin
):
    theme = CommunityFactory(municipality=municipality).theme
    client.force_login(municipal_admin)
    url = tenant_reverse("municipalities:theme_delete", municipality, pk=theme.pk)
    response = client.post(url, follow=True)
    assert "er i brug og kan ikke slettes" in response.content.decode()
    assert Theme.objects.filter(pk=theme.pk).exists()


def test_another_municipalitys_theme_cannot_be_chosen(
    municipality, other_municipality, citizen
):
    theirs = ThemeFactory(municipality=other_municipality, key="kun-hos-faxe")
    form = CommunityForm(
        data={
            "name": "Strikkeklub",
            "description": "Vi strikker.",
            "theme": theirs.key,
            "access": "open",
            "age_group": "all",
            "life_situation": "any",
        },
        municipality=municipality,
    )
    assert not form.is_valid()
    assert form.errors["theme"] == [
        "Vælg et af kommunens temaer. Det valgte tema findes ikke her."
    ]
    # The service refuses it too, whatever a caller passes.
    with pytest.raises(ValidationError, match="hører ikke til kommunen"):
        community_create(
            municipality=municipality,
            actor=citizen,
            name="Strikkeklub",
            description="Vi strikker.",
            theme=theirs,
        )


def test_an_inactive_theme_is_not_offered_but_kept_on_edit(municipality):
    community = CommunityFactory(municipality=municipality, theme="craft")
    services.theme_update(
        theme=community.theme, actor=None, fields={"is_active": False}
    )
    new = CommunityForm(municipality=municipality)
    assert "craft" not in [key for key, _label in new.fields["theme"].choices]
    edit = CommunityForm(instance=community, municipality=municipality)
    assert "craft" in [str(key) for key, _label in edit.fields["theme"].choices]


def test_another_municipalitys_theme_is_404(
    client, municipality, other_municipality, municipal_admin
):
    theirs = ThemeFactory(municipality=other_municipality)
    area = FocusAreaFactory(theme=theirs)
    client.force_login(municipal_admin)
    for name, pk in (("theme_edit", theirs.pk), ("focus_area_edit", area.pk)):
        url = tenant_reverse(f"municipalities:{name}", municipality, pk=pk)
        assert client.get(url).status_code == 404
    url = tenant_reverse("municipalities:theme_delete", municipality, pk=theirs.pk)
    assert client.post(url).status_code == 404
    assert Theme.objects.filter(pk=theirs.pk).exists()


def test_only_administrators_manage_themes(client, municipality, citizen):
    url = tenant_reverse("municipalities:manage_themes", municipality)
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(citizen)
    assert client.get(url).status_code == 403
    response = client.post(url, {"key": "x", "name": "X"})
    assert response.status_code == 403
    assert not Theme.objects.filter(key="x").exists()


def test_administrator_creates_edits_orders_and_adds_focus_areas(
    client, municipality, municipal_admin, django_assert_max_num_queries
):
    client.force_login(municipal_admin)
    url = tenant_reverse("municipalities:manage_themes", municipality)
    with django_assert_max_num_queries(12):
        page = client.get(url)
    assert "Sundhed og trivsel" in page.content.decode()
    response = client.post(
        url,
        {
            "key": "en-ung-strategi",
            "name": "En ung strategi",
            "name_en": "A young strategy",
        },
    )
    assert response.status_code == 302
    theme = Theme.objects.get(municipality=municipality, key="en-ung-strategi")
    assert theme.position == len(DEFAULT_THEMES) + 1
    # The same key again is refused with a message and changes nothing.
    again = client.post(url, {"key": "en-ung-strategi", "name": "Igen"})
    assert again.status_code == 200
    assert "Kommunen har allerede et tema med den nøgle." in again.content.decode()
    assert Theme.objects.filter(key="en-ung-strategi").count() == 1

    move = tenant_reverse("municipalities:theme_move", municipality, pk=theme.pk)
    client.post(move, {"direction": "up"})
    theme.refresh_from_db()
    assert theme.position == len(DEFAULT_THEMES)

    edit = tenant_reverse("municipalities:theme_edit", municipality, pk=theme.pk)
    client.post(
        edit,
        {"name": "En ung strategi", "name_en": "A strategy for the young",
         "description": "Unge former byen.", "is_active": "on"},
    )  # fmt: skip
    theme.refresh_from_db()
    assert theme.name_en == "A strategy for the young"
    assert theme.key == "en-ung-strategi"  # the key never changes

    areas = tenant_reverse(
        "municipalities:focus_area_create", municipality, pk=theme.pk
    )
    client.post(
        areas,
        {"area-key": "unges-trivsel", "area-name": "Unges trivsel",
         "area-name_en": "Young people's well-being"},
    )  # fmt: skip
    area = FocusArea.objects.get(theme=theme)
    assert (area.municipality, area.name_local) == (municipality, "Unges trivsel")
    actions = set(
        AuditEntry.objects.filter(municipality=municipality).values_list(
            "action", flat=True
        )
    )
    assert {
        "municipality.theme_create",
        "municipality.theme_reorder",
        "municipality.theme_update",
        "municipality.focus_area_create",
    } <= actions


def test_reorder_must_name_every_theme_once(municipality):
    ids = list(municipality.themes.values_list("pk", flat=True))
    with pytest.raises(ValidationError):
        services.theme_reorder(
            municipality=municipality, actor=None, theme_ids=ids[:-1]
        )
    with pytest.raises(ValidationError):
        services.theme_reorder(
            municipality=municipality, actor=None, theme_ids=[*ids[:-1], ids[0]]
        )
    services.theme_reorder(
        municipality=municipality, actor=None, theme_ids=list(reversed(ids))
    )
    assert list(
        municipality.themes.order_by("position").values_list("pk", flat=True)
    ) == list(reversed(ids))


def test_a_municipality_made_in_django_admin_gets_the_defaults(client, db):
    from faelles.accounts.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post(
        "/django-admin/municipalities/municipality/add/",
        {
            "name": "Admin Kommune",
            "slug": "admin-kommune",
            "programme_name": "Sammen",
            "primary_colour": "#004A7C",
            "accent_colour": "#C9E3F2",
            "is_active": "on",
            **{
                f"{prefix}-{key}": value
                for prefix in ("principles", "themes")
                for key, value in (
                    ("TOTAL_FORMS", "0"),
                    ("INITIAL_FORMS", "0"),
                    ("MIN_NUM_FORMS", "0"),
                    ("MAX_NUM_FORMS", "1000"),
                )
            },
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    made = Theme.objects.filter(municipality__slug="admin-kommune")
    assert made.count() == len(DEFAULT_THEMES)
