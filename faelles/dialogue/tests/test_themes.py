"""Hearings and debates are filed under the municipality's own themes
(docs/themes.md): the form and the services refuse another municipality's, a
hearing for a task committee takes the committee's, the list filters by
``?theme=<key>`` and its queries do not grow."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from faelles.accounts.factories import MembershipFactory
from faelles.committees.factories import TaskCommitteeFactory
from faelles.dialogue import services
from faelles.dialogue.factories import HearingFactory
from faelles.dialogue.models import Hearing
from faelles.municipalities.factories import FocusAreaFactory, theme

pytestmark = pytest.mark.django_db

BASE = "/odense/hoeringer"
DAY = timedelta(days=1)
FMT = "%Y-%m-%dT%H:%M"


def _post(**changes):
    now = timezone.now()
    return {
        "kind": "hearing",
        "title": "Ny bymidte",
        "question": "Hvad mener du?",
        "announced_at": (now + DAY).strftime(FMT),
        "opens_at": (now + 2 * DAY).strftime(FMT),
        "closes_at": (now + 20 * DAY).strftime(FMT),
        **changes,
    }


def _dates():
    now = timezone.now()
    return {"announced_at": now, "opens_at": now, "closes_at": now + 7 * DAY}


def test_the_form_offers_only_the_municipalitys_themes(
    client, municipality, other_municipality, employee
):
    theirs = theme(other_municipality, "city")
    theirs.key = "kun-i-faxe"
    theirs.save()
    their_area = FocusAreaFactory(theme=theirs)
    area = FocusAreaFactory(theme=theme(municipality, "city"), name="Torvet")
    client.force_login(employee)
    for changes, field in (
        ({"theme": "kun-i-faxe"}, "theme"),
        ({"focus_area": their_area.key}, "focus_area"),
        ({"theme": "nature", "focus_area": area.key}, "focus_area"),
    ):
        response = client.post(f"{BASE}/ny/", _post(**changes))
        assert response.status_code == 200
        assert field in response.context["form"].errors, changes
    assert not Hearing.objects.exists()

    response = client.post(f"{BASE}/ny/", _post(theme="city", focus_area=area.key))
    hearing = Hearing.objects.get()
    assert response.url == hearing.get_absolute_url()
    assert (hearing.theme, hearing.focus_area) == (area.theme, area)
    client.logout()
    hearing.announced_at = timezone.now() - DAY
    hearing.save()
    html = client.get(hearing.get_absolute_url()).content.decode()
    assert "By og landskab</a> · Torvet" in html


def test_the_services_refuse_another_municipalitys_theme(
    municipality, other_municipality
):
    staff = MembershipFactory(municipality=municipality, is_employee=True).user
    theirs = theme(other_municipality, "city")
    for filed in ({"theme": theirs}, {"focus_area": FocusAreaFactory(theme=theirs)}):
        with pytest.raises(ValidationError) as refused:
            services.hearing_create(
                municipality=municipality,
                actor=staff,
                title="Høring",
                question="?",
                **_dates(),
                **filed,
            )
        assert set(refused.value.error_dict) & {"theme", "focus_area"}
    with pytest.raises(ValidationError):
        services.hearing_create(
            municipality=municipality,
            actor=staff,
            title="Høring",
            question="?",
            theme="no-such-theme",
            **_dates(),
        )
    assert not Hearing.objects.exists()
    hearing = services.hearing_create(
        municipality=municipality,
        actor=staff,
        title="Høring",
        question="?",
        theme="city",
        **_dates(),
    )
    with pytest.raises(ValidationError) as refused:
        services.hearing_update(hearing=hearing, actor=staff, data={"theme": theirs})
    assert "theme" in refused.value.error_dict
    hearing.refresh_from_db()
    assert hearing.theme == theme(municipality, "city")


def test_a_hearing_for_a_committee_takes_its_theme(municipality):
    staff = MembershipFactory(municipality=municipality, is_employee=True).user
    area = FocusAreaFactory(theme=theme(municipality, "climate"))
    committee = TaskCommitteeFactory(
        municipality=municipality, theme=area.theme, focus_area=area
    )
    hearing = services.hearing_create(
        municipality=municipality,
        actor=staff,
        title="Input",
        question="?",
        committee=committee,
        **_dates(),
    )
    assert (hearing.theme, hearing.focus_area) == (area.theme, area)
    own = services.hearing_create(
        municipality=municipality,
        actor=staff,
        title="Eget tema",
        question="?",
        committee=committee,
        theme="nature",
        **_dates(),
    )
    assert own.theme.key == "nature" and own.focus_area is None


def test_the_list_filters_by_theme(client, municipality, other_municipality):
    HearingFactory(municipality=municipality, title="Lokalplan", theme="city")
    HearingFactory(municipality=municipality, title="Skoven", theme="nature")
    HearingFactory(municipality=municipality, title="Uden tema")
    HearingFactory(municipality=other_municipality, title="Faxe", theme="city")
    page = client.get(f"{BASE}/?theme=city")
    assert [h.title for h in page.context["page"].items] == ["Lokalplan"]
    html = page.content.decode()
    assert '<option value="city" selected>' in html
    assert "By og landskab" in html
    everything = client.get(f"{BASE}/").context["page"].items
    assert {h.title for h in everything} == {"Lokalplan", "Skoven", "Uden tema"}
    assert list(client.get(f"{BASE}/?theme=nix").context["page"].items) == []


def test_the_next_page_keeps_the_theme(client, municipality):
    for _ in range(21):
        HearingFactory(municipality=municipality, theme="city")
    HearingFactory(municipality=municipality, theme="nature")
    html = client.get(f"{BASE}/?theme=city").content.decode()
    assert "?theme=city&amp;efter=" in html


def test_the_theme_filter_in_english(client, municipality):
    HearingFactory(municipality=municipality, theme="city")
    client.cookies["faelles_language"] = "en"
    html = client.get(f"{BASE}/").content.decode()
    assert "All themes" in html and "Town and landscape" in html


def test_filtered_list_queries_do_not_grow(client, municipality):
    counts = []
    for n in (1, 15):
        for _ in range(n):
            HearingFactory(municipality=municipality, theme="city")
        with CaptureQueriesContext(connection) as queries:
            page = client.get(f"{BASE}/?theme=city")
        assert page.status_code == 200
        counts.append(len(queries))
    assert counts[1] <= counts[0], counts
