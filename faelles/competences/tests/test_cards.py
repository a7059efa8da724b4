"""What a colleague's card and profile page show: only the parts shared with
colleagues, every text escaped, position and department, in both languages.
The cards are built in Python (``templatetags/competence_cards.py``)."""

import pytest
from django.utils import translation

from faelles.competences.factories import employee_in, profile_for
from faelles.competences.models import Sharing
from faelles.competences.templatetags.competence_cards import (
    position_html,
    shared_html,
)
from faelles.organisations.factories import DepartmentFactory

from .conftest import BASE

pytestmark = pytest.mark.django_db

EVIL = "<script>alert(1)</script>"


@pytest.fixture
def hostile(municipality):
    department = DepartmentFactory(municipality=municipality, name=f"Drift {EVIL}")
    user = employee_in(municipality, department=department, job_title=f"Leder {EVIL}")
    user.display_name = f"Bo {EVIL}"
    user.save()
    return profile_for(
        user,
        municipality,
        skills=f"Kan sejle\n\nog {EVIL}\nreparere både",
        tags=["sejlads", EVIL],
        languages=["da", "ar"],
        networks=f"Roklubben {EVIL}",
        experience=f"Har været pårørende {EVIL}",
        experience_consent=True,
        experience_sharing=Sharing.EMPLOYEES,
    )


@pytest.mark.parametrize("page", ["", "profile"])
def test_every_text_is_escaped_on_cards_and_the_profile(
    client, employee, hostile, page
):
    client.force_login(employee)
    url = BASE if page == "" else f"{BASE}{hostile.pk}/"
    html = client.get(url).content.decode()
    assert EVIL not in html
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    # name (on the card), job title, department, skills, tag, networks, experience
    assert html.count(escaped) >= 6
    assert "<p>Kan sejle</p>" in html and "<br>reparere både" in html
    assert "<li>sejlads</li>" in html
    assert f"Leder {escaped}, Drift {escaped}" in html


def test_private_parts_are_not_shown(client, employee, municipality):
    user = employee_in(municipality, job_title="Pædagog")
    profile = profile_for(
        user,
        municipality,
        skills="Kan spille guitar",
        networks="Spejderne i Bolbro",
        networks_sharing=Sharing.PRIVATE,
        languages=["ar"],
        languages_sharing=Sharing.PRIVATE,
        experience="Har selv været syg med stress",
        experience_consent=True,
        experience_sharing=Sharing.PRIVATE,
    )
    client.force_login(employee)
    for url in (BASE, f"{BASE}{profile.pk}/"):
        html = client.get(url).content.decode()
        assert "Kan spille guitar" in html and "Pædagog" in html
        for hidden in ("Spejderne", "stress", "<p>arabisk</p>", "Levede erfaringer"):
            assert hidden not in html, (url, hidden)


def test_parts_and_headings_in_both_languages(hostile):
    with translation.override("da"):
        html = shared_html(hostile, 4)
    assert html.startswith('<h4 class="h5">Kan hjælpe med</h4>')
    assert '<h4 class="h5">Sprog</h4>\n<p>dansk, arabisk</p>' in html
    assert '<h4 class="h5">Levede erfaringer</h4>' in html
    assert '<h4 class="h5">Netværk i lokalsamfundet</h4>' in html
    with translation.override("en"):
        html = shared_html(hostile, 2)
    assert '<h2 class="h5">Can help with</h2>' in html
    assert "<p>Danish, Arabic</p>" in html


def test_position_with_either_part_missing(municipality):
    from faelles.accounts.models import Membership

    department = DepartmentFactory(municipality=municipality, name="Kultur")
    assert position_html(None) == ""
    assert position_html(Membership(job_title="")) == ""
    assert position_html(Membership(job_title="Bibliotekar")) == "<p>Bibliotekar</p>"
    assert position_html(Membership(department=department)) == "<p>Kultur</p>"
    both = Membership(job_title="Bibliotekar", department=department)
    assert position_html(both) == "<p>Bibliotekar, Kultur</p>"
