from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from faelles.communities import movement_services as services
from faelles.communities.factories import MovementFactory, MovementTeamFactory
from faelles.communities.models import Pledge
from faelles.communities.selectors import leaderboard
from faelles.municipalities.tenancy import tenant_reverse

pytestmark = pytest.mark.django_db


def test_pledge_updates_progress(municipality, citizen, politician):
    movement = MovementFactory(municipality=municipality, target=Decimal("10"))
    services.pledge_make(movement=movement, user=citizen, amount=Decimal("2"))
    services.pledge_make(movement=movement, user=politician, amount=Decimal("3"))
    movement.refresh_from_db()
    assert movement.pledged_total == Decimal("5")
    assert movement.participant_count == 2
    assert movement.pledged_percent == 50
    # Changing a pledge replaces it, it does not add another.
    services.pledge_make(movement=movement, user=citizen, amount=Decimal("1"))
    movement.refresh_from_db()
    assert movement.pledged_total == Decimal("4")
    assert movement.participant_count == 2
    services.pledge_withdraw(movement=movement, user=politician)
    movement.refresh_from_db()
    assert movement.pledged_total == Decimal("1")
    assert movement.participant_count == 1


def test_bad_pledge_changes_nothing(municipality, citizen):
    movement = MovementFactory(municipality=municipality)
    with pytest.raises(ValidationError):
        services.pledge_make(movement=movement, user=citizen, amount=Decimal("0"))
    other_team = MovementTeamFactory()
    with pytest.raises(ValidationError):
        services.pledge_make(
            movement=movement, user=citizen, amount=Decimal("1"), team=other_team
        )
    movement.refresh_from_db()
    assert movement.pledged_total == 0
    assert not Pledge.objects.exists()


def test_actions_count_for_person_team_and_movement(municipality, citizen):
    movement = MovementFactory(municipality=municipality, target=Decimal("100"))
    team = MovementTeamFactory(movement=movement, on_leaderboard=True)
    with pytest.raises(ValidationError):
        services.action_log(
            movement=movement, user=citizen, amount=Decimal("1"), description="Cyklede"
        )
    services.pledge_make(
        movement=movement, user=citizen, amount=Decimal("5"), team=team
    )
    services.action_log(
        movement=movement, user=citizen, amount=Decimal("2.5"), description="Cyklede"
    )
    movement.refresh_from_db()
    team.refresh_from_db()
    assert movement.achieved_total == Decimal("2.5")
    assert team.total == Decimal("2.5")
    assert Pledge.objects.get().achieved == Decimal("2.5")


def test_leaderboard_shows_only_those_who_opted_in(municipality, citizen, politician):
    movement = MovementFactory(municipality=municipality)
    shy_team = MovementTeamFactory(movement=movement, on_leaderboard=False)
    proud_team = MovementTeamFactory(movement=movement, on_leaderboard=True)
    services.pledge_make(
        movement=movement,
        user=citizen,
        amount=Decimal("1"),
        on_leaderboard=False,
        team=shy_team,
    )
    services.pledge_make(
        movement=movement,
        user=politician,
        amount=Decimal("1"),
        on_leaderboard=True,
        team=proud_team,
    )
    board = leaderboard(movement=movement)
    assert [p.user for p in board["people"]] == [politician]
    assert board["teams"] == [proud_team]


def test_pledge_through_the_page(client, municipality, citizen, outsider):
    movement = MovementFactory(municipality=municipality, target=Decimal("20"))
    url = tenant_reverse("movements:pledge", municipality, pk=movement.pk)
    client.force_login(outsider)
    assert client.post(url, {"amount": "2"}).status_code == 403
    client.force_login(citizen)
    assert client.post(url, {"amount": "-1"}).status_code == 400
    response = client.post(url, {"amount": "2", "text": "Jeg cykler på arbejde"})
    assert response.status_code == 302
    page = client.get(movement.get_absolute_url()).content.decode()
    assert 'value="10"' in page  # the progress bar moved to 10 %


def test_movement_pages_query_count(
    client, municipality, citizen, django_assert_max_num_queries
):
    movement = MovementFactory(municipality=municipality)
    for _ in range(5):
        MovementFactory(municipality=municipality)
    services.pledge_make(
        movement=movement, user=citizen, amount=Decimal("1"), on_leaderboard=True
    )
    client.force_login(citizen)
    with django_assert_max_num_queries(10):
        assert (
            client.get(tenant_reverse("movements:list", municipality)).status_code
            == 200
        )
    with django_assert_max_num_queries(16):
        assert client.get(movement.get_absolute_url()).status_code == 200


def _movement_data(**extra):
    return {
        "title": "Gå 10.000 km sammen",
        "goal": "10.000 km gået i år",
        "description": "Vi går – hver for sig og sammen.",
        "led_by": "citizens",
        "unit": "km",
        "target": "10000",
        **extra,
    }


def test_start_a_movement_led_by_the_right_people(
    client, municipality, citizen, politician
):
    from faelles.communities.models import Movement
    from faelles.organisations.factories import OrganisationFactory
    from faelles.organisations.models import OrganisationMember

    url = tenant_reverse("movements:create", municipality)
    client.force_login(citizen)
    response = client.post(url, _movement_data(led_by="politician"))
    assert "led_by" in response.context["form"].errors
    response = client.post(url, _movement_data(led_by="association"))
    assert "organisation" in response.context["form"].errors
    club = OrganisationFactory(municipality=municipality, name="Gangklubben")
    response = client.post(
        url, _movement_data(led_by="association", organisation=club.pk)
    )
    assert "organisation" in response.context["form"].errors  # not their club
    response = client.post(
        url, _movement_data(ends_on="2026-01-01", starts_on="2026-02-01")
    )
    assert "ends_on" in response.context["form"].errors
    assert not Movement.objects.exists()
    OrganisationMember.objects.create(organisation=club, user=citizen, is_admin=True)
    response = client.post(
        url, _movement_data(led_by="association", organisation=club.pk)
    )
    movement = Movement.objects.get()
    assert response.url == movement.get_absolute_url()
    assert movement.organisation == club and movement.leader == citizen
    assert "Gangklubben" in client.get(movement.get_absolute_url()).text
    client.force_login(politician)
    client.post(url, _movement_data(title="Klimaløfter", led_by="politician"))
    assert Movement.objects.get(title="Klimaløfter").leader == politician


def test_leader_is_told_when_quarters_of_the_target_are_passed(
    municipality, citizen, politician, django_capture_on_commit_callbacks
):
    from faelles.notifications.models import Notification

    movement = MovementFactory(
        municipality=municipality, target=Decimal("10"), leader=politician
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_make(movement=movement, user=citizen, amount=Decimal("2"))
        services.pledge_make(movement=movement, user=citizen, amount=Decimal("3"))
        services.action_log(
            movement=movement, user=citizen, amount=Decimal("5.5"), description="Gik"
        )
        services.pledge_make(movement=movement, user=politician, amount=Decimal("1"))
    titles = list(
        Notification.objects.filter(recipient=politician)
        .order_by("id")
        .values_list("kind", "title")
    )
    assert titles == [
        (
            "movements.pledged_milestone",
            f"{movement.title}: der er lovet 25 % af målet",
        ),
        ("movements.achieved_milestone", f"{movement.title}: I har nået 50 % af målet"),
    ]


@pytest.mark.parametrize("target", ["0", "-5"])
def test_a_movement_without_a_positive_target_is_refused_in_words(
    client, municipality, politician, target
):
    """The form says it; the database's constraint name never reaches the page."""
    from faelles.communities.models import Movement

    client.force_login(politician)
    response = client.post(
        tenant_reverse("movements:create", municipality),
        {
            "title": "Flere træer",
            "goal": "Plant træer",
            "description": "Vi planter træer sammen.",
            "led_by": "politician",
            "unit": "km",
            "target": target,
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Angiv et mål større end 0." in page
    assert "movement_target_positive" not in page
    assert not Movement.objects.filter(title="Flere træer").exists()
