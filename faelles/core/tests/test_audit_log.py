"""The audit log: every verb described, readable sentences, no participation shown."""

import ast
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import faelles
from faelles.core.audit import Record, audit, verbs
from faelles.core.models import AuditEntry

LOG = "/odense/administration/log/"
ROOT = Path(faelles.__file__).parent


def _audit_calls():
    """``(place, action)`` for every ``audit(...)`` call in the code (tests aside),
    and every ``model_update(...)``, which audits the ``action`` it is given.

    An action that is not a literal (or a conditional between literals) is
    reported as ``None``: the registry could not be checked against it.
    """
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "tests" in parts or "migrations" in parts:
            continue
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in ("audit", "model_update"):
                continue
            place = f"{path.relative_to(ROOT)}:{node.lineno}"
            if place.startswith("core/services.py:"):
                continue  # model_update passes on its caller's verb, checked there
            for keyword in node.keywords:
                if keyword.arg != "action":
                    continue
                values = (
                    [keyword.value.body, keyword.value.orelse]
                    if isinstance(keyword.value, ast.IfExp)
                    else [keyword.value]
                )
                for value in values:
                    literal = isinstance(value, ast.Constant) and isinstance(
                        value.value, str
                    )
                    yield place, value.value if literal else None


def test_the_code_calls_audit():
    assert len(list(_audit_calls())) > 50  # the walk finds the calls at all


def test_every_audit_verb_in_the_code_is_described():
    problems = [
        f"{place}: {action or 'action is not a literal string'}"
        for place, action in _audit_calls()
        if action not in verbs()
    ]
    assert problems == [], "describe these in <app>/audit_verbs.py"


def test_every_described_verb_is_used():
    used = {action for _place, action in _audit_calls()}
    assert sorted(set(verbs()) - used) == []


def test_every_verb_has_an_english_sentence():
    untranslated = []
    for action, verb in verbs().items():
        with translation.override("da"):
            danish = str(verb.sentence)
        with translation.override("en"):
            if str(verb.sentence) == danish:
                untranslated.append(action)
    assert untranslated == []


@pytest.mark.django_db
def test_participation_is_not_written(municipality, citizen):
    participation = [a for a, v in verbs().items() if v.record is Record.NOT_WRITTEN]
    assert {"events.signup", "initiative.support", "communities.join"} <= set(
        participation
    )
    assert {"movements.pledge", "membership.join"} <= set(participation)
    for action in participation:
        assert audit(action=action, actor=citizen, municipality=municipality) is None
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_event_signup_leaves_no_trace_for_administrators(
    client, municipality, citizen, municipal_admin
):
    """Issue 10: the log showed "events.signup events.event 18" with the name."""
    from faelles.events.factories import EventFactory
    from faelles.events.services import registration_create

    event = EventFactory(municipality=municipality, title="Strikkecafé")
    registration_create(event=event, user=citizen)
    assert not AuditEntry.objects.filter(action="events.signup").exists()
    # Rows written before the registry existed are not shown either.
    AuditEntry.objects.create(
        municipality=municipality,
        actor=citizen,
        action="events.signup",
        target_type="events.event",
        target_id=str(event.pk),
    )
    client.force_login(municipal_admin)
    page = client.get(LOG).content.decode()
    assert citizen.display_name not in page
    assert "events.signup" not in page


@pytest.mark.django_db
def test_hidden_verbs_are_written_but_never_shown(
    client, municipality, citizen, municipal_admin
):
    from faelles.communities.factories import CommunityFactory

    community = CommunityFactory(municipality=municipality)
    audit(
        action="communities.contact_hosts",
        actor=citizen,
        municipality=municipality,
        target=community,
    )
    assert AuditEntry.objects.get().actor == citizen  # the rate limit counts it
    client.force_login(municipal_admin)
    page = client.get(LOG).content.decode()
    assert citizen.display_name not in page
    assert "Intet at vise endnu." in page


@pytest.mark.django_db
def test_log_reads_as_sentences_with_links(client, municipality, municipal_admin):
    from faelles.budgeting import services

    budget_round = services.round_create(
        municipality=municipality,
        actor=municipal_admin,
        title="Vi tør prioritere",
        budget=500_000,
    )
    client.force_login(municipal_admin)
    page = client.get(LOG).content.decode()
    link = f'<a href="{budget_round.get_absolute_url()}">Vi tør prioritere</a>'
    assert f"Oprettede borgerbudgettet {link}" in page
    assert municipal_admin.display_name in page
    assert "budgeting.round_create" not in page


@pytest.mark.django_db
def test_log_is_english_in_english(client, municipality, municipal_admin, settings):
    from faelles.budgeting import services

    services.round_create(
        municipality=municipality, actor=municipal_admin, title="Pulje", budget=1
    )
    client.force_login(municipal_admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(LOG).content.decode()
    assert "Created the participatory budget" in page


@pytest.mark.django_db
def test_objects_the_viewer_may_not_see_are_neither_named_nor_linked(
    client, municipality, employee, municipal_admin
):
    from faelles.communities.factories import CommunityFactory
    from faelles.communities.models import Community

    hidden = CommunityFactory(
        municipality=municipality,
        name="Samtalegruppe for efterladte",
        access=Community.Access.INVITATION,
    )
    open_group = CommunityFactory(municipality=municipality, name="Gåklubben")
    for community in (hidden, open_group):
        audit(
            action="communities.update",
            actor=employee,
            municipality=municipality,
            target=community,
        )
    client.force_login(municipal_admin)
    page = client.get(LOG).content.decode()
    assert "Samtalegruppe for efterladte" not in page
    assert hidden.get_absolute_url() not in page
    assert "Ændrede fællesskabet (fællesskab)" in page
    assert f'<a href="{open_group.get_absolute_url()}">Gåklubben</a>' in page


@pytest.mark.django_db
def test_objects_of_another_municipality_are_not_linked(
    client, municipality, other_municipality, municipal_admin
):
    from faelles.budgeting.factories import BudgetRoundFactory

    elsewhere = BudgetRoundFactory(municipality=other_municipality, title="Andetsteds")
    audit(action="budgeting.round_update", municipality=municipality, target=elsewhere)
    client.force_login(municipal_admin)
    page = client.get(LOG).content.decode()
    assert "Andetsteds" not in page and elsewhere.get_absolute_url() not in page


def _fill(municipality, actor, n: int) -> None:
    """``n`` entries on objects of several kinds, as a busy municipality has."""
    from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory
    from faelles.communities.factories import CommunityFactory
    from faelles.events.factories import EventFactory
    from faelles.initiatives.factories import InitiativeFactory

    makers = [
        (
            "budgeting.round_update",
            lambda: BudgetRoundFactory(municipality=municipality),
        ),
        (
            "budgeting.project_review",
            lambda: ProjectFactory(
                round__municipality=municipality, municipality=municipality
            ),
        ),
        ("communities.update", lambda: CommunityFactory(municipality=municipality)),
        ("events.update", lambda: EventFactory(municipality=municipality)),
        ("initiative.update", lambda: InitiativeFactory(municipality=municipality)),
        ("municipality.settings", lambda: municipality),
    ]
    for i in range(n):
        action, make = makers[i % len(makers)]
        audit(action=action, actor=actor, municipality=municipality, target=make())


@pytest.mark.django_db
def test_log_page_queries_do_not_grow_with_entries(
    client, municipality, employee, municipal_admin
):
    client.force_login(municipal_admin)
    _fill(municipality, employee, 12)
    with CaptureQueriesContext(connection) as few:
        assert client.get(LOG).status_code == 200
    _fill(municipality, employee, 60)
    with CaptureQueriesContext(connection) as many:
        response = client.get(LOG)
    assert len(response.context["rows"]) == 50  # paginated
    assert len(many) <= len(few) <= 12  # one query a kind of object, not a row


@pytest.mark.django_db
def test_django_admin_shows_no_hidden_rows(client, municipality, citizen):
    from faelles.accounts.factories import UserFactory

    audit(action="communities.contact_hosts", actor=citizen, municipality=municipality)
    audit(action="municipality.settings", actor=citizen, municipality=municipality)
    root = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(root)
    page = client.get("/django-admin/core/auditentry/").content.decode()
    assert "municipality.settings" in page
    assert "communities.contact_hosts" not in page
