import pytest
from django.core.management import CommandError, call_command

from faelles.accounts.models import Membership, User
from faelles.municipalities.models import Municipality
from faelles.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_demo_loads_five_municipalities_with_every_role(capsys):
    call_command("demo", "--no-migrate")
    call_command("demo", "--no-migrate")  # idempotent
    slugs = set(Municipality.objects.values_list("slug", flat=True))
    assert {"kerteminde", "odense", "faxe", "skanderborg", "rodovre"} <= slugs
    for slug in ["kerteminde", "odense", "faxe", "skanderborg", "rodovre"]:
        members = Membership.objects.filter(municipality__slug=slug)
        for role in ["citizen", "employee", "politician", "moderator", "administrator"]:
            assert members.filter(**{f"is_{role}": True}).exists(), (slug, role)
        orgs = Organisation.objects.filter(municipality__slug=slug)
        assert orgs.filter(kind="department").exists()
        assert orgs.filter(kind="association").exists()
        assert orgs.filter(kind="business").exists()
    odense = Municipality.objects.get(slug="odense")
    assert [p.title for p in odense.principles.all()] == [
        "Mod",
        "Udvikling",
        "Handlekraft",
        "Fællesskab",
    ]
    rodovre = Municipality.objects.get(slug="rodovre")
    assert rodovre.programme_name == "Sammen om Rødovre"
    _assert_strategies(odense)
    out = capsys.readouterr().out
    assert "borger@odense.faelles.example" in out and "faelles-demo" in out


def test_demo_logins_work(client):
    call_command("demo", "--no-migrate")
    assert client.login(email="admin@rodovre.faelles.example", password="faelles-demo")


def _fingerprint(slug):
    return list(
        User.objects.filter(email__startswith=f"seed-{slug}-")
        .order_by("email")
        .values_list("display_name", "postcode")[:200]
    )


def test_seed_is_deterministic_and_refuses_to_run_twice():
    call_command(
        "seed",
        municipality="by-a",
        scale="small",
        seed=7,
        only="accounts,organisations",
    )
    call_command(
        "seed",
        municipality="by-b",
        scale="small",
        seed=7,
        only="accounts,organisations",
    )
    assert Membership.objects.filter(municipality__slug="by-a").count() == 1000
    assert Organisation.objects.filter(municipality__slug="by-a").civil().count() == 20
    assert _fingerprint("by-a") == _fingerprint("by-b")
    call_command("seed", municipality="by-c", scale="small", seed=8, only="accounts")
    assert _fingerprint("by-c") != _fingerprint("by-a")
    with pytest.raises(CommandError):
        call_command("seed", municipality="by-a", scale="small", seed=7)


def test_foundation_seeders_run_once_and_give_employees_departments():
    for _ in range(2):
        call_command(
            "seed",
            municipality="by-d",
            scale="small",
            seed=3,
            only="accounts,organisations",
        )
    members = Membership.objects.filter(municipality__slug="by-d")
    assert members.count() == 1000
    assert Organisation.objects.filter(municipality__slug="by-d").civil().count() == 20
    employees = members.filter(is_employee=True)
    assert employees.exists()
    assert not employees.filter(department__isnull=True).exists()
    assert not members.filter(is_politician=True, party="").exists()
    for organisation in Organisation.objects.filter(municipality__slug="by-d").civil():
        assert organisation.members.filter(is_admin=True).count() == 1
        assert 3 <= organisation.members.count() <= 30


def _assert_strategies(odense):
    """Skanderborg's nine themes and Rødovre's indsatsområder, with the demo's
    initiatives, communities and budget projects filed under their own themes."""
    from faelles.budgeting.models import Project
    from faelles.communities.models import Community
    from faelles.initiatives.models import InitiativeTheme
    from faelles.municipalities.models import Theme
    from faelles.municipalities.themes import DEFAULT_THEMES

    skanderborg = Theme.objects.filter(municipality__slug="skanderborg")
    assert skanderborg.count() == 9
    assert skanderborg.order_by("position").first().name == "Fællesskaber der bærer"
    assert all(t.name_en for t in skanderborg)
    rodovre = Theme.objects.filter(municipality__slug="rodovre").order_by("position")
    assert [t.name for t in rodovre[:2]] == ["Sammen med borgeren", "En ung strategi"]
    assert rodovre[1].focus_areas.filter(name="Unges trivsel").exists()
    assert sorted(odense.themes.values_list("key", flat=True)) == sorted(
        spec.key for spec in DEFAULT_THEMES
    )
    for slug in ("skanderborg", "rodovre"):
        own = set(
            Theme.objects.filter(municipality__slug=slug).values_list("pk", flat=True)
        )
        filed = [
            set(
                InitiativeTheme.objects.filter(municipality__slug=slug).values_list(
                    "theme_id", flat=True
                )
            ),
            set(
                Community.objects.filter(municipality__slug=slug).values_list(
                    "theme_id", flat=True
                )
            ),
            set(
                Project.objects.filter(municipality__slug=slug)
                .exclude(theme=None)
                .values_list("theme_id", flat=True)
            ),
        ]
        assert filed[0] and filed[1], slug
        for ids in filed:
            assert ids <= own, slug
    young = Theme.objects.get(municipality__slug="rodovre", key="en-ung-strategi")
    assert InitiativeTheme.objects.filter(theme=young).exists()
