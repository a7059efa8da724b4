"""The preferences page: choices saved per category, bad input changes nothing."""

import re
from pathlib import Path

import pytest

import faelles
from faelles.accounts.factories import UserFactory
from faelles.notifications.kinds import OTHER, category_of
from faelles.notifications.models import NotificationPreference
from faelles.notifications.services import notify, preference_update

pytestmark = pytest.mark.django_db
URL = "/me/beskeder/indstillinger/"


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_save_general_and_per_kind_choices(client):
    user = UserFactory()
    client.force_login(user)
    page = client.get(URL)
    assert page.status_code == 200
    assert "Arrangementer: pladser, påmindelser og aflysninger" in page.text
    response = client.post(
        URL,
        {
            "email_frequency": "daily",
            "kind_events": "immediate",
            "kind_communities": "never",
            "kind_resources": "",
        },
    )
    assert response.status_code == 302
    preference = NotificationPreference.objects.get(user=user)
    assert preference.email_frequency == "daily"
    assert preference.kind_frequencies == {
        "events": "immediate",
        "communities": "never",
    }
    assert preference.frequency_for("events.promoted") == "immediate"
    assert preference.frequency_for("resources.match_proposed") == "daily"
    assert preference.frequency_for("something.unknown") == "daily"
    # The form shows what was saved.
    form = client.get(URL).context["form"]
    assert form.initial["kind_communities"] == "never"


@pytest.mark.django_db(False)
def test_every_kind_sent_has_its_own_category():
    """None falls under "Andet" just because its app was not listed in kinds.py."""
    sent = {
        kind
        for path in Path(faelles.__file__).parent.rglob("*.py")
        if "tests" not in path.parts
        for kind in re.findall(r'kind="([a-z_]+\.[a-z_.]+)"', path.read_text())
    }
    assert {"reflection.notes_open", "recognition.thanks"} <= sent
    assert [kind for kind in sorted(sent) if category_of(kind) == OTHER] == []


def test_bad_input_changes_nothing(client):
    user = UserFactory()
    preference_update(user=user, email_frequency="weekly", kind_frequencies={})
    client.force_login(user)
    response = client.post(URL, {"email_frequency": "hourly", "kind_events": "x"})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"email_frequency", "kind_events"}
    preference = NotificationPreference.objects.get(user=user)
    assert (preference.email_frequency, preference.kind_frequencies) == ("weekly", {})
    with pytest.raises(ValueError):
        preference_update(
            user=user, email_frequency="daily", kind_frequencies={"nope": "daily"}
        )


def test_pages_have_bounded_queries(
    client, municipality, django_assert_max_num_queries
):
    user = UserFactory()
    for i in range(40):
        notify(recipient=user, municipality=municipality, kind="x.y", title=f"N{i}")
    client.force_login(user)
    with django_assert_max_num_queries(6):
        response = client.get("/me/beskeder/")
    assert len(response.context["page"].items) == 30
    with django_assert_max_num_queries(6):
        assert client.get(URL).status_code == 200
