"""The demo content supports the walk-through, and scale data is consistent."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Count, Q, Sum

from faelles.communities import demo as communities_demo
from faelles.communities.models import Community, CommunityMember, Movement, Pledge
from faelles.demo.foundation import load_foundation
from faelles.events import demo as events_demo
from faelles.events.models import Event, Registration
from faelles.participation.models import ParticipationAct

pytestmark = pytest.mark.django_db

SLUGS = ["kerteminde", "odense", "faxe", "skanderborg", "rodovre"]


def _load() -> None:
    """The foundation and this area's demo content (not other areas', so a
    problem elsewhere does not hide ours)."""
    municipalities = load_foundation()
    for module in (communities_demo, events_demo):
        module.load_demo(municipalities=municipalities, stdout=io.StringIO())


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        _load()
        _load()  # running it again replaces, not adds
        yield
        call_command("flush", "--no-input")


def test_every_municipality_has_the_kinds_of_community_and_movement(demo):
    for slug in SLUGS:
        names = list(
            Community.objects.filter(municipality__slug=slug).values_list(
                "name", flat=True
            )
        )
        assert any(n.startswith("Hofteholdet") for n in names), slug
        assert any(n.startswith("Mødregruppe") for n in names), slug
        assert any(n.startswith("KOL-holdet") for n in names), slug
        assert any(n.startswith("Projektforum") for n in names), slug
        accesses = set(
            Community.objects.filter(municipality__slug=slug).values_list(
                "access", flat=True
            )
        )
        assert accesses == {"open", "closed", "invitation"}
        units = set(
            Movement.objects.filter(municipality__slug=slug).values_list(
                "unit", flat=True
            )
        )
        assert units == {"co2", "people"}
        # Nine for everyone; Faxe and Odense add one for their staff.
        staff_events = 1 if slug in ("faxe", "odense") else 0
        assert Event.objects.filter(municipality__slug=slug).count() == 9 + staff_events


def test_walk_through_is_possible_for_the_citizen(demo):
    for slug in SLUGS:
        citizen = f"borger@{slug}.faelles.example"
        hip = Community.objects.get(
            municipality__slug=slug, name__startswith="Hofteholdet"
        )
        assert hip.access == "open" and hip.member_count >= 4
        assert not hip.members.filter(user__email=citizen).exists()
        walk = Event.objects.get(
            municipality__slug=slug, title="Gåtur med fysioterapeuten"
        )
        assert walk.is_full and walk.waiting_count == 0
        assert not walk.registrations.filter(user__email=citizen).exists()
        assert walk.registrations.filter(
            user__email=f"moderator@{slug}.faelles.example", status="confirmed"
        ).exists()
        workshop = Event.objects.get(
            municipality__slug=slug, title="Klimaworkshop: Spar på varmen"
        )
        assert workshop.is_full and workshop.waiting_count == 2
        climate = Movement.objects.get(municipality__slug=slug, unit="co2")
        assert climate.pledged_total > 0 and climate.achieved_total > 0
        assert not climate.pledges.filter(user__email=citizen).exists()
        assert climate.teams.filter(on_leaderboard=True).count() == 3
        # The employee can see that the referral to the hip group took.
        statuses = set(hip.referrals.values_list("status", flat=True))
        assert statuses == {"joined"}


def test_demo_counters_match_the_rows(demo):
    for community in Community.objects.annotate(
        n=Count("members", filter=Q(members__status="active"))
    ):
        assert community.member_count == community.n, community
        assert community.members.filter(is_host=True).exists()
    for event in Event.objects.all():
        rows = event.registrations
        assert event.confirmed_count == rows.filter(status="confirmed").count()
        assert event.waiting_count == rows.filter(status="waiting").count()
    for movement in Movement.objects.all():
        assert (
            movement.pledged_total == movement.pledges.aggregate(s=Sum("amount"))["s"]
        )
    assert ParticipationAct.objects.filter(action="communities.join").exists()


def test_seed_small_is_consistent_and_deterministic():
    for slug in ("seed-a", "seed-b"):
        call_command(
            "seed",
            municipality=slug,
            scale="small",
            seed=5,
            only="accounts,communities,events",
        )
    seeded = Community.objects.filter(municipality__slug="seed-a")
    share = seeded.filter(staff_only=True).count() / seeded.count()
    assert 0.03 < share < 0.08  # one in twenty is for staff only
    events = Event.objects.filter(municipality__slug="seed-a")
    assert events.filter(staff_only=True).count() == -(-events.count() // 20)
    a, b = (
        list(
            Community.objects.filter(municipality__slug=slug)
            .order_by("id")
            .values_list("name", "theme__key", "access", "member_count")
        )
        for slug in ("seed-a", "seed-b")
    )
    assert a == b and len(a) == 200
    for slug in ("seed-a", "seed-b"):
        events = Event.objects.filter(municipality__slug=slug)
        assert events.count() == 500
        regs = Registration.objects.filter(event__municipality__slug=slug)
        assert regs.count() > 4000
        totals = events.aggregate(c=Sum("confirmed_count"), w=Sum("waiting_count"))
        assert totals["c"] == regs.filter(status="confirmed").count()
        assert totals["w"] == regs.filter(status="waiting").count()
        # Nobody is over capacity, and every community has a host.
        assert not events.filter(confirmed_count__gt=models_f("capacity")).exists()
        hosts = CommunityMember.objects.filter(
            community__municipality__slug=slug, is_host=True
        )
        assert hosts.count() == 200
        assert Pledge.objects.filter(movement__municipality__slug=slug).exists()


def models_f(name):
    from django.db.models import F

    return F(name)


def test_staff_only_demo_spaces(demo):
    """Faxe's LederForum with posts and a staff theme day; Odense a workshop for
    staff (docs/staff-only.md) — and nothing else of the demo is staff-only."""
    forum = Community.objects.get(municipality__slug="faxe", name="LederForum")
    assert forum.staff_only
    assert forum.posts.count() >= 2
    assert forum.members.filter(status="active").count() >= 2
    assert Community.objects.filter(staff_only=True).count() == 1
    for slug, title in (
        ("faxe", "Temadag: Fra rutine til prøvehandling"),
        ("odense", "Workshop for medarbejdere: Sammen om udvikling i praksis"),
    ):
        event = Event.objects.get(municipality__slug=slug, title=title)
        assert event.staff_only
        assert event.registrations.exists()
