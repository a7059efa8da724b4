import pytest

from faelles.core.models import AuditEntry
from faelles.municipalities.factories import PrincipleFactory
from faelles.municipalities.forms import contrast_ratio, contrast_with_white

pytestmark = pytest.mark.django_db


def _data(municipality, **overrides):
    data = {
        "name": municipality.name,
        "programme_name": "Sammen om udvikling",
        "programme_name_en": "",
        "programme_text": "Ny tekst om programmet",
        "programme_text_en": "",
        "contact_email": "kontakt@odense.example",
        "contact_phone": "",
        "address": "",
        "website": "",
        "primary_colour": "#004A7C",
        "accent_colour": "#C9E3F2",
        "principles-TOTAL_FORMS": "1",
        "principles-INITIAL_FORMS": "0",
        "principles-MIN_NUM_FORMS": "0",
        "principles-MAX_NUM_FORMS": "1000",
        "principles-0-position": "1",
        "principles-0-title": "Mod",
        "principles-0-title_en": "Courage",
        "principles-0-text": "Vi tør.",
        "principles-0-text_en": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", ["citizen", "employee", "politician", "moderator"])
def test_only_administrators_may_open_settings(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get("/odense/administration/").status_code == 403


def test_anonymous_is_sent_to_login(client, municipality):
    response = client.get("/odense/administration/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_admin_of_another_municipality_gets_403(client, municipality, other_admin):
    client.force_login(other_admin)
    assert client.get("/odense/administration/").status_code == 403


def test_admin_saves_settings_and_principles(client, municipality, municipal_admin):
    client.force_login(municipal_admin)
    response = client.post("/odense/administration/", _data(municipality))
    assert response.status_code == 302
    municipality.refresh_from_db()
    assert municipality.programme_text == "Ny tekst om programmet"
    assert [p.title for p in municipality.principles.all()] == ["Mod"]
    assert AuditEntry.objects.filter(
        action="municipality.settings", actor=municipal_admin
    ).exists()


def test_too_light_colour_is_refused_and_nothing_changes(
    client, municipality, municipal_admin
):
    PrincipleFactory(municipality=municipality, title="Gammelt princip")
    client.force_login(municipal_admin)
    response = client.post(
        "/odense/administration/", _data(municipality, primary_colour="#FFFF00")
    )
    assert response.status_code == 200
    assert "kontrast" in response.text
    municipality.refresh_from_db()
    assert municipality.programme_text == "Vi skaber gode liv sammen."
    assert [p.title for p in municipality.principles.all()] == ["Gammelt princip"]


def test_too_dark_accent_colour_is_refused(client, municipality, municipal_admin):
    client.force_login(municipal_admin)
    response = client.post(
        "/odense/administration/", _data(municipality, accent_colour="#333333")
    )
    assert response.status_code == 200
    assert "for mørk til sort tekst" in response.text
    municipality.refresh_from_db()
    assert municipality.accent_colour == "#C9E3F2"


def test_contrast_ratio_between_two_colours():
    assert contrast_ratio("#1A1A1A", "#C9E3F2") == pytest.approx(
        contrast_ratio("#C9E3F2", "#1A1A1A")
    )
    assert contrast_ratio("#C9E3F2", "#1A1A1A") > 4.5
    assert contrast_ratio("#333333", "#1A1A1A") < 4.5
    assert contrast_ratio("#12345", "#000000") == 0.0


def test_broken_logo_is_refused(client, municipality, municipal_admin):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(municipal_admin)
    bad = SimpleUploadedFile("logo.png", b"not an image", content_type="image/png")
    response = client.post(
        "/odense/administration/", {**_data(municipality), "logo": bad}
    )
    assert response.status_code == 200
    municipality.refresh_from_db()
    assert not municipality.logo


def test_contrast_ratio():
    assert contrast_with_white("#000000") == pytest.approx(21, rel=0.01)
    assert contrast_with_white("#FFFFFF") == pytest.approx(1, rel=0.01)
    assert contrast_with_white("nonsense") == 0.0


def test_audit_log_shows_this_municipalitys_entries_newest_first(
    client, municipality, other_municipality, municipal_admin
):
    from faelles.core.audit import audit

    for i in range(55):
        audit(action=f"test.step{i}", municipality=municipality)
    audit(action="test.elsewhere", municipality=other_municipality)
    client.force_login(municipal_admin)
    response = client.get("/odense/administration/log/")
    page = response.context["page"]
    assert [e.action for e in page.items][:2] == ["test.step54", "test.step53"]
    assert "test.elsewhere" not in response.text
    rest = client.get(f"/odense/administration/log/?efter={page.next_cursor}")
    assert [e.action for e in rest.context["page"].items] == [
        f"test.step{i}" for i in range(4, -1, -1)
    ]


def test_contrast_figures_follow_the_language_s_number_format(
    client, municipality, municipal_admin
):
    client.force_login(municipal_admin)
    data = _data(municipality, primary_colour="#FFFF00")
    danish = client.post("/odense/administration/", data).text
    assert "kontrast 1,1:1, mindst 4,5:1" in danish
    client.post("/i18n/setlang/", {"language": "en", "next": "/odense/"})
    english = client.post("/odense/administration/", data).text
    assert "contrast 1.1:1; at least 4.5:1" in english


def test_admin_chooses_the_department_that_receives_initiatives(
    client, municipality, other_municipality, municipal_admin
):
    from faelles.organisations.factories import DepartmentFactory

    intake = DepartmentFactory(municipality=municipality)
    foreign = DepartmentFactory(municipality=other_municipality)
    client.force_login(municipal_admin)
    refused = client.post(
        "/odense/administration/", _data(municipality, initiative_intake=foreign.pk)
    )
    assert refused.status_code == 200
    municipality.refresh_from_db()
    assert municipality.initiative_intake is None
    saved = client.post(
        "/odense/administration/", _data(municipality, initiative_intake=intake.pk)
    )
    assert saved.status_code == 302
    municipality.refresh_from_db()
    assert municipality.initiative_intake == intake


def test_the_settings_service_takes_data(municipality, municipal_admin):
    from django.core.exceptions import ValidationError

    from faelles.municipalities.models import Municipality, Principle
    from faelles.municipalities.services import (
        PrincipleChange,
        municipality_update_settings,
    )

    municipality_update_settings(
        municipality=municipality,
        actor=municipal_admin,
        fields={"programme_name": "Sammen om Odense"},
        principles=[PrincipleChange(title="Mod", position=1)],
    )
    municipality = Municipality.objects.get(pk=municipality.pk)
    assert municipality.programme_name == "Sammen om Odense"
    principle = Principle.objects.get(municipality=municipality)
    assert principle.title == "Mod"
    # Bad input changes nothing: a principle title too long undoes the settings too.
    with pytest.raises(ValidationError):
        municipality_update_settings(
            municipality=municipality,
            actor=municipal_admin,
            fields={"programme_name": "Andet"},
            principles=[PrincipleChange(pk=principle.pk, title="x" * 500)],
        )
    assert Municipality.objects.get(pk=municipality.pk).programme_name == (
        "Sammen om Odense"
    )
    municipality_update_settings(
        municipality=municipality,
        actor=municipal_admin,
        fields={},
        principles=[PrincipleChange(pk=principle.pk, delete=True)],
    )
    assert not Principle.objects.filter(municipality=municipality).exists()


@pytest.mark.parametrize("total", ["21", "99999999999999999999"])
def test_a_forged_number_of_principles_is_refused_quickly(
    client, municipality, municipal_admin, total, django_assert_max_num_queries
):
    """The formset builds at most 20 forms, whatever TOTAL_FORMS claims, and says
    the programme may have at most 20 principles; nothing is saved."""
    client.force_login(municipal_admin)
    with django_assert_max_num_queries(20):
        response = client.post(
            "/odense/administration/",
            _data(municipality, **{"principles-TOTAL_FORMS": total}),
        )
    assert response.status_code == 200
    assert len(response.context["principles"].forms) <= 20
    assert "20" in " ".join(response.context["principles"].non_form_errors())
    municipality.refresh_from_db()
    assert municipality.programme_text != "Ny tekst om programmet"
    assert not municipality.principles.exists()
